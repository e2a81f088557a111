package quant.core.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import quant.core.store.repo.JournalRows;

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
            List<JournalRows.Change> changes = rows.stream()
                    .map(p -> new JournalRows.Change(p.rowId(), json(p.values())))
                    .toList();
            store.transact(tx -> {
                JournalRows.insertChanges(tx, ids[i], tables[i], changes);
                return null;
            });
        }

        /** Reports how run {@code i} ended; written after the data commits (or instead of it). */
        public void end(int i, RunEnd end) {
            ends[i] = end;
        }

        private void writeRanges(Transaction tx) {
            List<JournalRows.Range> rows = new ArrayList<>(ranges.size());
            for (int k = 0; k < ranges.size(); k++) {
                int run = rangeRuns.get(k);
                rows.add(new JournalRows.Range(ids[run], tables[run], ranges.get(k)[0], ranges.get(k)[1]));
            }
            JournalRows.insertRanges(tx, rows);
        }

        private List<Long> idList() {
            return Arrays.stream(ids).boxed().toList();
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
                result = store.write(tx -> {
                    T r = work.run(tx, runs);
                    runs.writeRanges(tx);
                    if (store.engine() != Store.Engine.H2) {
                        // a server commits the rows and the outcome together: no crash can part them
                        finish(tx, runs);
                    }
                    return r;
                });
            } catch (IOException | RuntimeException | Error e) {
                endAfterFailure(store, runs, e);
                throw e;
            }
            if (store.engine() == Store.Engine.H2) {
                store.transact(tx -> {
                    finish(tx, runs);
                    return null;
                });
            }
            return result;
        });
    }

    private static Runs begin(Store store, List<RunStart> starts) {
        DomainTable[] tables = starts.stream().map(RunStart::table).toArray(DomainTable[]::new);
        long[] ids = store.transact(tx -> {
            long[] out = new long[starts.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = JournalRows.insertRun(tx, newRun(starts.get(i)));
                JournalRows.insertFloor(tx, out[i], tables[i]);
            }
            return out;
        });
        return new Runs(store, ids, tables);
    }

    private static JournalRows.NewRun newRun(RunStart s) {
        return new JournalRows.NewRun(
                s.fileName() == null ? null : clip(s.fileName(), 400),
                s.fileSize(),
                s.sha256(),
                s.connector(),
                s.object(),
                s.table(),
                s.source(),
                s.profile() == null ? null : clip(s.profile(), 200),
                s.startedAt(),
                clip(System.getProperty("user.name", "unknown"), 100),
                RunOutcome.RUNNING.code());
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static void finish(Transaction tx, Runs runs) {
        boolean changed = false;
        for (int i = 0; i < runs.ids.length; i++) {
            RunEnd end = runs.ends[i];
            if (end == null) {
                throw new IllegalStateException("Import run " + runs.ids[i] + " ended without an outcome.");
            }
            writeEnd(tx, runs.ids[i], end);
            changed |= end.changed();
        }
        JournalRows.deleteFloors(tx, runs.idList());
        if (changed) {
            Store.bumpDataVersion(tx);
        }
    }

    private static void endAfterFailure(Store store, Runs runs, Throwable failure) {
        RunOutcome outcome = failure instanceof CancellationException
                ? RunOutcome.CANCELLED
                : failure instanceof ImportException ie && ie.kind() == ImportException.Kind.INVALID_DATA
                        ? RunOutcome.ABORTED
                        : RunOutcome.FAILED;
        try {
            store.transact(tx -> {
                for (int i = 0; i < runs.ids.length; i++) {
                    RunEnd end = runs.ends[i];
                    RunOutcome o = end != null && !end.outcome().wroteRows() ? end.outcome() : outcome;
                    writeEnd(
                            tx,
                            runs.ids[i],
                            end == null
                                    ? new RunEnd(0, 0, 0, 0, o, Duration.ZERO)
                                    : new RunEnd(end.read(), 0, 0, end.rejected(), o, end.took()));
                }
                JournalRows.deleteJournal(tx, runs.idList());
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

    private static void writeEnd(Transaction tx, long runId, RunEnd end) {
        JournalRows.updateEnd(
                tx,
                runId,
                new JournalRows.End(
                        end.read(),
                        end.inserted(),
                        end.updated(),
                        end.rejected(),
                        end.took().toMillis(),
                        end.outcome().code(),
                        // only a run whose rows stay moves its object's watermark
                        end.outcome().wroteRows() ? end.watermark() : null));
    }

    static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
