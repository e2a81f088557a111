package quant.app.job;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Task;

/**
 * A job the status bar shows. {@link #cancel()} asks the work to stop at its next check; the job
 * ends (and its transaction is rolled back) only when the work has really stopped.
 */
public final class RunningJob {
    private final Task<?> task;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    RunningJob(Task<?> task) {
        this.task = task;
    }

    Task<?> task() {
        return task;
    }

    boolean isCancelRequested() {
        return cancelRequested.get();
    }

    public void cancel() {
        cancelRequested.set(true);
    }

    public ObservableStringValue title() {
        return task.titleProperty();
    }

    public ObservableStringValue message() {
        return task.messageProperty();
    }

    /** 0 to 1, or -1 while the total is unknown. */
    public ObservableValue<Number> progress() {
        return task.progressProperty();
    }
}
