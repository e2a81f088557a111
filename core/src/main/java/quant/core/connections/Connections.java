package quant.core.connections;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import quant.core.store.RunOutcome;
import quant.core.store.Store;
import quant.core.store.repo.ConnectionRows;

/**
 * The API connections of a database ({@code api_connection}): which connector reaches which address for
 * this database, and the name its token is kept under in the credential store — never the token — plus
 * what each object's last sync did, from the import audit.
 */
public final class Connections {
    private Connections() {}

    /** One connection. */
    public record ApiConnection(
            String connector,
            URI baseUrl,
            String clientId,
            String account,
            OffsetDateTime connectedAt,
            Integer syncEveryHours,
            String secretRef) {
        /** The credential-store key of a new connection: unique to it, so two databases never share a token. */
        public static String newSecretRef(String connector) {
            return "quant:" + connector + ":" + UUID.randomUUID();
        }
    }

    /** The last sync of one object. */
    public record LastSync(
            String object,
            OffsetDateTime at,
            RunOutcome outcome,
            long read,
            long inserted,
            long updated,
            long unchanged,
            String watermark,
            boolean undone) {}

    public static List<ApiConnection> all(Store store) {
        return query(store, null);
    }

    public static Optional<ApiConnection> find(Store store, String connector) {
        return query(store, connector).stream().findFirst();
    }

    private static List<ApiConnection> query(Store store, String connector) {
        return ConnectionRows.read(store, connector).stream()
                .map(r -> new ApiConnection(
                        r.connector(),
                        URI.create(r.baseUrl()),
                        r.clientId(),
                        r.account(),
                        r.connectedAt(),
                        r.syncEveryHours(),
                        r.secretRef()))
                .toList();
    }

    /** Saves a connection, replacing the connector's previous one. */
    public static void save(Store store, ApiConnection a) {
        store.checkWritable();
        ConnectionRows.replace(
                store,
                new ConnectionRows.Row(
                        a.connector(),
                        a.baseUrl().toString(),
                        a.clientId(),
                        a.account(),
                        a.connectedAt(),
                        a.syncEveryHours(),
                        a.secretRef()));
    }

    /** Sets how often a connection syncs while the workbench is open (null: only when asked). */
    public static void setSchedule(Store store, String connector, Integer everyHours) {
        if (everyHours != null && (everyHours < 1 || everyHours > 168)) {
            throw new IllegalArgumentException("A sync every " + everyHours + " hours: 1 to 168 hours.");
        }
        store.checkWritable();
        ConnectionRows.schedule(store, connector, everyHours);
    }

    /**
     * When the connection last synced successfully (its newest run that committed), or null when it never
     * has.
     */
    public static OffsetDateTime lastSynced(Store store, String connector) {
        OffsetDateTime last = null;
        for (LastSync s : lastSyncs(store, connector)) {
            if (s.outcome().wroteRows() && (last == null || s.at().isAfter(last))) {
                last = s.at();
            }
        }
        return last;
    }

    /** Forgets a connection (its data and import history stay); false when there was none. */
    public static boolean delete(Store store, String connector) {
        store.checkWritable();
        return ConnectionRows.delete(store, connector);
    }

    /** Each object's newest sync run of a connector, in the order the objects were last synced. */
    public static List<LastSync> lastSyncs(Store store, String connector) {
        return ConnectionRows.lastSyncs(store, connector).stream()
                .map(r -> {
                    RunOutcome outcome = RunOutcome.of(r.outcome());
                    return new LastSync(
                            r.object(),
                            r.at(),
                            outcome,
                            r.read(),
                            r.inserted(),
                            r.updated(),
                            outcome.wroteRows() ? Math.max(0, r.read() - r.inserted() - r.updated() - r.rejected()) : 0,
                            r.watermark(),
                            r.undone());
                })
                .toList();
    }
}
