package quant.core.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quant.core.importing.ImportException;
import quant.core.store.DomainTable;
import quant.core.store.RunOutcome;
import quant.core.store.Store;
import quant.core.store.Transaction;

/**
 * Writes that survive a crash: every import (and the sample load, which is several imports) runs
 * through here, so that after a {@code kill -9} at any moment the database opens with either the
 * state before the run or the state after it, never a part of it.
 *
 * <p>Why the program does this itself: H2 keeps a large transaction's changes in its file while it
 * commits them, and a process killed during that commit was seen to leave some of them committed
 * (1,141,752 of 1,999,001 inserted rows, H2 2.5.252). So the run leaves a journal that is committed
 * <em>before</em> the data it protects:
 *
 * <ol>
 *   <li>the run's audit row, as {@link RunOutcome#RUNNING}, and the highest id of each table it
 *       writes ("floors"), in a transaction of their own;
 *   <li>before rows are updated, their previous values, in a transaction of their own;
 *   <li>the rows themselves, and the id ranges they were given, in one transaction;
 *   <li>only then, in a last transaction, the run's outcome.
 * </ol>
 *
 * A run found {@code RUNNING} when the database is opened is taken back by {@code Store.open}: the
 * database is rebuilt without the rows above the run's floors and with its updates restored, and
 * the run is recorded as {@link RunOutcome#INTERRUPTED}. Writes are serialised by the store's write
 * lock, so no other run inserts above a running run's floor.
 */
public final class RunJournal {
    private static final Logger LOG = LoggerFactory.getLogger(RunJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunJournal() {}

    /**
     * What the audit records about a run when it starts: where the rows come from — a file (its name,
     * size and SHA-256) or a connector and the object it reads (customers, invoices, …) — and where
     * they go.
     */
    public record RunStart(
            String fileName,
            Long fileSize,
            String sha256,
            String connector,
            String object,
            DomainTable table,
            String source,
            String profile,
            OffsetDateTime startedAt) {
        public RunStart {
            boolean file = fileName != null && fileSize != null && sha256 != null;
            boolean api = connector != null && object != null;
            if (file == api || (api && (fileName != null || fileSize != null || sha256 != null))) {
                throw new IllegalArgumentException("A run comes from a file or from a connector's object, not both");
            }
        }

        /** A run reading a file. */
        public RunStart(
                String fileName,
                long fileSize,
                String sha256,
                DomainTable table,
                String source,
                String profile,
                OffsetDateTime startedAt) {
            this(fileName, fileSize, sha256, null, null, table, source, profile, startedAt);
        }

        /** A run reading one object of a connector. */
        public static RunStart ofConnector(
                String connector,
                String object,
                DomainTable table,
                String source,
                String profile,
                OffsetDateTime startedAt) {
            return new RunStart(null, null, null, connector, object, table, source, profile, startedAt);
        }
    }

    /**
     * What the audit records about a run when it ends; for a connector's run, the watermark its rows
     * reached (the vendor's modification time or change cursor), from which the next sync resumes.
     */
    public record RunEnd(
            long read,
            long inserted,
            long updated,
            long rejected,
            RunOutcome outcome,
            Duration took,
            String watermark) {
        public RunEnd(long read, long inserted, long updated, long rejected, RunOutcome outcome, Duration took) {
            this(read, inserted, updated, rejected, outcome, took, null);
        }

        /** Whether the run changed the data. */
        public boolean changed() {
            return outcome.wroteRows() && inserted + updated > 0;
        }
    }

    /** The previous values of one row about to be updated, column name to stored text. */
    public record Previous(long rowId, Map<String, String> values) {}

    /** Work done in the run's one data transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Transaction tx, Runs runs) throws IOException;
    }

    /** The runs of one {@link #write}: their ids and what the work reports about them. */
    public static final class Runs {
        private final Store store;
        private final long[] ids;
        private final DomainTable[] tables;
        private final RunEnd[] ends;
        private final List<long[]> ranges = new ArrayList<>();
        private final List<Integer> rangeRuns = new ArrayList<>();

        private Runs(Store store, long[] ids, DomainTable[] tables) {
            this.store = store;
            this.ids = ids;
            this.tables = tables;
            this.ends = new RunEnd[ids.length];
        }

        /** The audit id of run {@code i} (in the order the runs were given). */
        public long id(int i) {
            return ids[i];
        }

        /** Records ids that run {@code i} inserted; consecutive ids are kept as one range. */
        public void inserted(int i, long[] newIds, int count) {
            for (int k = 0; k < count; k++) {
                long id = newIds[k];
                int last = ranges.size() - 1;
                if (last >= 0 && rangeRuns.get(last) == i && ranges.get(last)[1] + 1 == id) {
                    ranges.get(last)[1] = id;
                } else {
                    ranges.add(new long[] {id, id});
                    rangeRuns.add(i);
                }
            }
        }

        /**
         * Journals the previous values of rows run {@code i} is about to update, committed at once
         * in a transaction of its own, so that a crash after the update can still restore them.
         */
        public void beforeUpdate(int i, List<Previous> rows) {
            if (rows.isEmpty()) {
                return;
            }
            store.inTransaction(c -> {
                try (PreparedStatement st = c.prepareStatement("INSERT INTO import_change"
                        + " (run_id, table_name, row_id, action, previous) VALUES (?, ?, ?, 'update', ?)")) {
                    for (Previous p : rows) {
                        st.setLong(1, ids[i]);
                        st.setString(2, tables[i].sqlName());
                        st.setLong(3, p.rowId());
                        st.setString(4, json(p.values()));
                        st.addBatch();
                    }
                    st.executeBatch();
                }
                return null;
            });
        }

        /** Reports how run {@code i} ended; written after the data commits (or instead of it). */
        public void end(int i, RunEnd end) {
            ends[i] = end;
        }

        private void writeRanges(Connection c) throws SQLException {
            if (ranges.isEmpty()) {
                return;
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO import_range (run_id, table_name, first_id, last_id) VALUES (?, ?, ?, ?)")) {
                for (int k = 0; k < ranges.size(); k++) {
                    int run = rangeRuns.get(k);
                    st.setLong(1, ids[run]);
                    st.setString(2, tables[run].sqlName());
                    st.setLong(3, ranges.get(k)[0]);
                    st.setLong(4, ranges.get(k)[1]);
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
    }

    /**
     * Runs {@code work} as the runs {@code starts}, crash-safe as described above. The work must
     * report each run's end with {@link Runs#end}; when it throws, runs without a reported end are
     * recorded as cancelled, aborted or failed from the exception, and the exception is rethrown.
     */
    public static <T> T write(Store store, List<RunStart> starts, Work<T> work) throws IOException {
        return store.exclusively(() -> {
            Runs runs = begin(store, starts);
            T result;
            try {
                result = store.inTransactionWithIo(c -> {
                    T r = work.run(new Transaction(c), runs);
                    runs.writeRanges(c);
                    if (store.engine() != Store.Engine.H2) {
                        // a server commits the rows and the outcome together: no crash can part them
                        finish(c, runs);
                    }
                    return r;
                });
            } catch (IOException | RuntimeException | Error e) {
                endAfterFailure(store, runs, e);
                throw e;
            }
            if (store.engine() == Store.Engine.H2) {
                store.inTransaction(c -> {
                    finish(c, runs);
                    return null;
                });
            }
            return result;
        });
    }

    private static Runs begin(Store store, List<RunStart> starts) {
        DomainTable[] tables = starts.stream().map(RunStart::table).toArray(DomainTable[]::new);
        long[] ids = store.inTransaction(c -> {
            long[] out = new long[starts.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = insertRun(c, starts.get(i));
                try (PreparedStatement st = c.prepareStatement("INSERT INTO import_floor (run_id, table_name,"
                        + " id_floor) SELECT ?, ?, COALESCE(MAX(id), 0) FROM " + tables[i].sqlName())) {
                    st.setLong(1, out[i]);
                    st.setString(2, tables[i].sqlName());
                    st.executeUpdate();
                }
            }
            return out;
        });
        return new Runs(store, ids, tables);
    }

    private static long insertRun(Connection c, RunStart s) throws SQLException {
        String sql =
                "INSERT INTO import_run (file_name, file_size, sha256, target_table, source, rows_read, rows_inserted,"
                        + " rows_updated, rows_rejected, started_at, duration_ms, outcome, run_by, profile, connector,"
                        + " object_name) VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, ?, 0, ?, ?, ?, ?, ?)";
        try (PreparedStatement st = c.prepareStatement(sql, Store.idColumn(c))) {
            st.setString(1, s.fileName() == null ? null : clip(s.fileName(), 400));
            st.setObject(2, s.fileSize());
            st.setString(3, s.sha256());
            st.setString(4, s.table().sqlName());
            st.setString(5, s.source());
            st.setObject(6, s.startedAt());
            st.setString(7, RunOutcome.RUNNING.code());
            st.setString(8, clip(System.getProperty("user.name", "unknown"), 100));
            st.setString(9, s.profile() == null ? null : clip(s.profile(), 200));
            st.setString(10, s.connector());
            st.setString(11, s.object());
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static void finish(Connection c, Runs runs) throws SQLException {
        boolean changed = false;
        for (int i = 0; i < runs.ids.length; i++) {
            RunEnd end = runs.ends[i];
            if (end == null) {
                throw new IllegalStateException("Import run " + runs.ids[i] + " ended without an outcome.");
            }
            writeEnd(c, runs.ids[i], end);
            changed |= end.changed();
        }
        deleteFloors(c, runs.ids);
        if (changed) {
            Store.bumpDataVersion(c);
        }
    }

    private static void endAfterFailure(Store store, Runs runs, Throwable failure) {
        RunOutcome outcome = failure instanceof CancellationException
                ? RunOutcome.CANCELLED
                : failure instanceof ImportException ie && ie.kind() == ImportException.Kind.INVALID_DATA
                        ? RunOutcome.ABORTED
                        : RunOutcome.FAILED;
        try {
            store.inTransaction(c -> {
                for (int i = 0; i < runs.ids.length; i++) {
                    RunEnd end = runs.ends[i];
                    RunOutcome o = end != null && !end.outcome().wroteRows() ? end.outcome() : outcome;
                    writeEnd(
                            c,
                            runs.ids[i],
                            end == null
                                    ? new RunEnd(0, 0, 0, 0, o, Duration.ZERO)
                                    : new RunEnd(end.read(), 0, 0, end.rejected(), o, end.took()));
                }
                deleteJournal(c, runs.ids);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not record how import runs {} ended; they are taken back when the database is next"
                            + " opened",
                    Arrays.toString(runs.ids),
                    e);
        }
    }

    private static void writeEnd(Connection c, long runId, RunEnd end) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE import_run SET rows_read = ?, rows_inserted = ?,"
                + " rows_updated = ?, rows_rejected = ?, duration_ms = ?, outcome = ?, watermark = ? WHERE id = ?")) {
            st.setLong(1, end.read());
            st.setLong(2, end.inserted());
            st.setLong(3, end.updated());
            st.setLong(4, end.rejected());
            st.setLong(5, end.took().toMillis());
            st.setString(6, end.outcome().code());
            // only a run whose rows stay moves its object's watermark
            st.setString(7, end.outcome().wroteRows() ? end.watermark() : null);
            st.setLong(8, runId);
            st.executeUpdate();
        }
    }

    private static void deleteFloors(Connection c, long[] runIds) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM import_floor WHERE run_id = ?")) {
            for (long id : runIds) {
                st.setLong(1, id);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static void deleteJournal(Connection c, long[] runIds) throws SQLException {
        for (String table : List.of("import_change", "import_range", "import_floor")) {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                for (long id : runIds) {
                    st.setLong(1, id);
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
    }

    static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
