package quant.core.runs;

import java.time.OffsetDateTime;
import java.util.List;
import quant.core.store.RunOutcome;
import quant.core.store.Store;
import quant.core.store.repo.RunRows;

/** The import audit, newest first: what the history view and {@code quant imports} show. */
public final class RunHistory {
    private RunHistory() {}

    /**
     * One import run as recorded: from a file (name, size, hash) or from a connector's object (with the
     * watermark its sync reached).
     */
    public record Run(
            long id,
            String fileName,
            Long fileSize,
            String sha256,
            String connector,
            String object,
            String watermark,
            String table,
            String source,
            long read,
            long inserted,
            long updated,
            long rejected,
            OffsetDateTime startedAt,
            long durationMs,
            RunOutcome outcome,
            String runBy,
            OffsetDateTime undoneAt) {
        /** Where the rows came from, for people: the file's name, or the connector and the object. */
        public String origin() {
            return fileName != null ? fileName : connector + " " + object;
        }

        /** Whether undo may be tried (it can still be refused when later runs touched the same rows). */
        public boolean undoable() {
            return undoneAt == null && (outcome == RunOutcome.IMPORTED || outcome == RunOutcome.IMPORTED_WITH_REJECTS);
        }
    }

    public static List<Run> runs(Store store, int limit) {
        return RunRows.newest(store, limit).stream()
                .map(r -> new Run(
                        r.getId(),
                        r.getFileName(),
                        r.getFileSize(),
                        r.getSha256(),
                        r.getConnector(),
                        r.getObjectName(),
                        r.getWatermark(),
                        r.getTargetTable(),
                        r.getSource(),
                        r.getRowsRead(),
                        r.getRowsInserted(),
                        r.getRowsUpdated(),
                        r.getRowsRejected(),
                        r.getStartedAt(),
                        r.getDurationMs(),
                        RunOutcome.of(r.getOutcome()),
                        r.getRunBy(),
                        r.getUndoneAt()))
                .toList();
    }

    /**
     * The watermark from which the next sync of a connector's object resumes: that of the newest run of
     * it whose rows were committed and not undone, or null when there is none (a full sync).
     */
    public static String watermark(Store store, String connector, String object) {
        return RunRows.watermark(
                        store,
                        connector,
                        object,
                        List.of(
                                RunOutcome.IMPORTED.code(),
                                RunOutcome.IMPORTED_WITH_REJECTS.code(),
                                RunOutcome.UNCHANGED.code()))
                .orElse(null);
    }
}
