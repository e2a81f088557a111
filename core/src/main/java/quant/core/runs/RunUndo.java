package quant.core.runs;

import java.time.OffsetDateTime;
import quant.core.store.RunOutcome;
import quant.core.store.Store;
import quant.core.store.StoreException;
import quant.core.store.Transaction;
import quant.core.store.repo.JournalRows;
import quant.core.store.repo.Rewind;

/**
 * Undoes an import run as a whole: deletes the rows it inserted and puts back the previous values
 * of the rows it updated. Refused, with the reason, when a later run changed the same rows, when
 * other rows now refer to rows it inserted, or when it was undone already.
 *
 * <p>Crash-safe like the import itself ({@link RunJournal}): the run is marked as being undone in a
 * transaction of its own, the rows change in a second one, and the mark is cleared in a third; a
 * crash anywhere in between makes the next open of the database finish the undo (it is rebuilt
 * without the run's rows and with their previous values).
 */
public final class RunUndo {
    private RunUndo() {}

    /** What an undo did. */
    public record Result(long runId, long deleted, long restored) {}

    /**
     * Undoes run {@code runId}.
     *
     * @throws StoreException {@link StoreException.Kind#NOT_FOUND} for a run that does not exist,
     *     {@link StoreException.Kind#REJECTED} for one that cannot be undone (with the reason)
     */
    public static Result undo(Store store, long runId) {
        if (store.engine() != Store.Engine.H2) {
            // a server commits the rewind and its record together: nothing to mark as pending
            return store.exclusively(() -> store.transact(tx -> {
                checkUndoable(tx, runId);
                Result result = rewind(tx, runId);
                markUndone(tx, runId, result.deleted() + result.restored() > 0);
                return result;
            }));
        }
        return store.exclusively(() -> {
            store.transact(tx -> {
                checkUndoable(tx, runId);
                JournalRows.setUndoPending(tx, runId, true);
                return null;
            });
            Result result;
            try {
                result = store.transact(tx -> rewind(tx, runId));
            } catch (StoreException e) {
                store.transact(tx -> {
                    JournalRows.setUndoPending(tx, runId, false);
                    return null;
                });
                throw e;
            }
            store.transact(tx -> {
                markUndone(tx, runId, result.deleted() + result.restored() > 0);
                return null;
            });
            return result;
        });
    }

    private static Result rewind(Transaction tx, long runId) {
        long restored = Rewind.restoreUpdates(tx, runId);
        long deleted = Rewind.deleteInserted(tx, runId);
        return new Result(runId, deleted, restored);
    }

    private static void markUndone(Transaction tx, long runId, boolean changed) {
        JournalRows.markUndone(tx, runId, OffsetDateTime.now());
        if (changed) {
            Store.bumpDataVersion(tx);
        }
    }

    private static void checkUndoable(Transaction tx, long runId) {
        JournalRows.Status status = JournalRows.status(tx, runId)
                .orElseThrow(() -> new StoreException(
                        StoreException.Kind.NOT_FOUND,
                        "There is no import run " + runId + "; 'quant imports' lists the runs."));
        if (status.undone()) {
            throw refused("Import run " + runId + " was undone already.");
        }
        RunOutcome outcome = RunOutcome.of(status.outcome());
        if (!outcome.wroteRows()) {
            throw refused("Import run " + runId + " wrote nothing (" + outcome + "), so there is nothing to undo.");
        }
        JournalRows.laterChanges(tx, runId).ifPresent(later -> {
            throw refused("Import run " + runId + " cannot be undone: import run " + later.runId()
                    + JournalRows.describe(tx, later.runId()) + " changed " + later.changes()
                    + " of the same rows later. Undo that one first.");
        });
    }

    private static StoreException refused(String message) {
        return new StoreException(StoreException.Kind.REJECTED, message);
    }
}
