package quant.app.imports;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import quant.app.job.JobRunner;
import quant.core.store.Store;
import quant.importers.engine.ImportHistory;
import quant.importers.engine.ImportUndo;

/** The import history: every run, newest first, and undo of one run as a whole. */
public final class ImportHistoryViewModel {
    private final JobRunner jobs;
    private final Supplier<Store> store;
    private final Runnable onChanged;
    private final ObservableList<ImportHistory.Run> runs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public ImportHistoryViewModel(JobRunner jobs, Supplier<Store> store, Runnable onChanged) {
        this.jobs = jobs;
        this.store = store;
        this.onChanged = onChanged;
    }

    public ObservableList<ImportHistory.Run> runs() {
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
                monitor -> ImportHistory.runs(s, 500),
                list -> runs.setAll(list),
                error -> message.set(error.getMessage()));
    }

    /** Undoes a run; refusals (a later run changed the same rows, …) come back as the message. */
    public void undo(ImportHistory.Run run) {
        Store s = store.get();
        jobs.submit(
                "Undoing import run " + run.id(),
                monitor -> ImportUndo.undo(s, run.id()),
                r -> {
                    message.set("Undid import run %d (%s): deleted %,d rows, restored %,d rows."
                            .formatted(run.id(), run.fileName(), r.deleted(), r.restored()));
                    refresh();
                    onChanged.run();
                },
                error -> message.set(error.getMessage()));
    }
}
