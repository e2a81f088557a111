package quant.importers.engine;

import java.time.Duration;
import java.util.List;
import quant.core.importing.Problem;

/**
 * What an import did.
 *
 * @param runId the import-audit row, or 0 for a dry run
 * @param outcome imported, imported with rejects, unchanged or dry run
 * @param problems the first problems found (at most {@link Importer#MAX_PROBLEMS}); {@code rejected} counts all
 */
public record ImportResult(
        long runId,
        long read,
        long inserted,
        long updated,
        long unchanged,
        long rejected,
        quant.core.store.RunOutcome outcome,
        List<Problem> problems,
        Duration took) {
    public ImportResult {
        problems = List.copyOf(problems);
    }
}
