package quant.core.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import quant.core.store.Store;
import quant.core.store.Transaction;
import quant.core.store.repo.ExportAuditRows;

/**
 * Every export and delivery, recorded: what left the workbench, when, how and where to — a file written
 * from the window or the command line, a pack put in a folder or sent by e-mail by a schedule
 * ({@code export_audit}). Recording is not a change of the data: the data version stays, so no
 * analysis is computed again for it.
 */
public final class ExportAudit {
    private ExportAudit() {}

    /** How it left. */
    public enum Channel {
        FILE,
        FOLDER,
        EMAIL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Who sent it. */
    public enum Origin {
        WINDOW,
        COMMAND,
        SCHEDULE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One recorded export. */
    public record Entry(long id, Instant at, String what, Channel channel, String destination, Origin origin) {}

    /** Records one export. */
    public static void record(Store store, String what, Channel channel, String destination, Origin origin) {
        store.transact(c -> {
            insert(c, what, channel, destination, origin);
            return null;
        });
    }

    /** Records one export in the caller's transaction. */
    public static void insert(Transaction c, String what, Channel channel, String destination, Origin origin) {
        ExportAuditRows.insert(
                c,
                OffsetDateTime.now(ZoneOffset.UTC),
                cut(what, 500),
                channel.key(),
                cut(destination, 2000),
                origin.key());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The latest entries, newest first. */
    public static List<Entry> list(Store store, int limit) {
        return ExportAuditRows.latest(store, limit).stream()
                .map(r -> new Entry(
                        r.id(),
                        r.at().toInstant(),
                        r.what(),
                        Channel.valueOf(r.channel().toUpperCase(Locale.ROOT)),
                        r.destination(),
                        Origin.valueOf(r.origin().toUpperCase(Locale.ROOT))))
                .toList();
    }
}
