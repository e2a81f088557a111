package quant.importers.engine;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * How to run an import.
 *
 * @param onError {@link OnError#ABORT}: any problem writes nothing; {@link OnError#SKIP}: the valid
 *     rows are written and the rejected ones go to {@code rejects} with a reason column
 * @param dryRun check everything and report the counts, write nothing
 * @param rejects where to write rejected rows (SKIP only), or {@code null}
 * @param zone the zone of the company, for date-times written with an offset
 */
public record ImportOptions(OnError onError, boolean dryRun, Path rejects, ZoneId zone) {
    public enum OnError {
        ABORT,
        SKIP
    }

    public static final ImportOptions DEFAULT = new ImportOptions(OnError.ABORT, false, null, ZoneId.systemDefault());

    public ImportOptions withDryRun(boolean dry) {
        return new ImportOptions(onError, dry, rejects, zone);
    }
}
