package quant.core.store.repo;

import static quant.core.store.generated.Tables.IMPORT_RUN;

import java.util.List;
import java.util.Optional;
import quant.core.store.Store;
import quant.core.store.generated.tables.records.ImportRunRecord;

/** The import audit's rows ({@code import_run}): the history, and where a connector's last sync ended. */
public final class RunRows {
    private RunRows() {}

    /** The newest {@code limit} runs, newest first, as stored. */
    public static List<ImportRunRecord> newest(Store store, int limit) {
        return store.read("the import history", dsl -> dsl.selectFrom(IMPORT_RUN)
                .orderBy(IMPORT_RUN.ID.desc())
                .limit(limit)
                .fetch());
    }

    /**
     * The watermark of the newest run of {@code connector}'s {@code object} that is not undone, has a
     * watermark and ended with one of {@code outcomes}.
     */
    public static Optional<String> watermark(Store store, String connector, String object, List<String> outcomes) {
        return store.read("where the last sync of " + connector + " ended", dsl -> dsl.select(IMPORT_RUN.WATERMARK)
                .from(IMPORT_RUN)
                .where(IMPORT_RUN.CONNECTOR.eq(connector))
                .and(IMPORT_RUN.OBJECT_NAME.eq(object))
                .and(IMPORT_RUN.UNDONE_AT.isNull())
                .and(IMPORT_RUN.WATERMARK.isNotNull())
                .and(IMPORT_RUN.OUTCOME.in(outcomes))
                .orderBy(IMPORT_RUN.ID.desc())
                .limit(1)
                .fetchOptional(IMPORT_RUN.WATERMARK));
    }
}
