package quant.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quant.core.delivery.ExportAudit;
import quant.core.store.Store;
import quant.core.store.StoreException;
import quant.core.store.StoreLocation;

/**
 * Records the files a command wrote in the database's export history ({@link ExportAudit}), after they
 * are written. A database the window holds, or one that cannot be written, keeps no record of them,
 * and a note on standard error says so; the files stay written either way.
 */
final class ExportTrail {
    private static final Logger LOG = LoggerFactory.getLogger(ExportTrail.class);

    /** A file written: what it holds and where it went. */
    record Written(String what, Path file) {}

    private ExportTrail() {}

    static void record(StoreLocation database, List<Written> files, PrintWriter err) {
        if (files.isEmpty()) {
            return;
        }
        try (Store store = Store.openExisting(database)) {
            if (store.isReadOnly()) {
                note(database, store.readOnlyReason(), err);
                return;
            }
            store.transact(c -> {
                for (Written w : files) {
                    ExportAudit.insert(
                            c,
                            w.what(),
                            ExportAudit.Channel.FILE,
                            w.file().toAbsolutePath().toString(),
                            ExportAudit.Origin.COMMAND);
                }
                return null;
            });
        } catch (StoreException e) {
            LOG.info("The export history was not updated", e);
            note(database, e.kind() == StoreException.Kind.LOCKED ? "another program holds it" : e.getMessage(), err);
        }
    }

    private static void note(StoreLocation database, String why, PrintWriter err) {
        err.println(
                "quant: note: the export history of " + database.name() + " does not list these files (" + why + ").");
        err.flush();
    }
}
