package quant.app.analysis;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quant.core.delivery.ExportAudit;
import quant.core.store.Store;

/**
 * Records a file the window wrote in the database's export history. A read-only database keeps no
 * record; a record that cannot be written is logged and does not undo the export.
 */
public final class ExportRecords {
    private static final Logger LOG = LoggerFactory.getLogger(ExportRecords.class);

    private ExportRecords() {}

    /** Records that {@code what} was written to {@code file} from the window. */
    public static void fromWindow(Store store, String what, Path file) {
        if (store == null || store.isReadOnly()) {
            return;
        }
        try {
            ExportAudit.record(
                    store, what, ExportAudit.Channel.FILE, file.toAbsolutePath().toString(), ExportAudit.Origin.WINDOW);
        } catch (RuntimeException e) {
            LOG.warn("Could not record the export of {} to {} in the export history", what, file, e);
        }
    }
}
