package quant.app.imports;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import quant.app.job.JobRunner;
import quant.core.runs.RunHistory;
import quant.core.runs.RunUndo;
import quant.core.store.Store;

/** The import history: every run, newest first, and undo of one run as a whole. */
public final class ImportHistoryViewModel {
    private final JobRunner jobs;
    private final Supplier<Store> store;
    private final Runnable onChanged;
    private final ObservableList<RunHistory.Run> runs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public ImportHistoryViewModel(JobRunner jobs, Supplier<Store> store, Runnable onChanged) {
        this.jobs = jobs;
        this.store = store;
        this.onChanged = onChanged;
    }

    public ObservableList<RunHistory.Run> runs() {
        return runs;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void refresh() {
        Store s = store.get();
        if (s == null) {
            return;
        }
        jobs.submit(
                "Reading the import history",
                monitor -> RunHistory.runs(s, 500),
                list -> runs.setAll(list),
                error -> message.set(quant.app.errors.Failures.sentence(error)));
    }

    /** Undoes a run; refusals (a later run changed the same rows, …) come back as the message. */
    public void undo(RunHistory.Run run) {
        Store s = store.get();
        jobs.submit(
                "Undoing import run " + run.id(),
                monitor -> RunUndo.undo(s, run.id()),
                r -> {
                    message.set("Undid import run %d (%s): deleted %,d rows, restored %,d rows."
                            .formatted(run.id(), run.origin(), r.deleted(), r.restored()));
                    refresh();
                    onChanged.run();
                },
                error -> message.set(quant.app.errors.Failures.sentence(error)));
    }
}
