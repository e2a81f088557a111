package quant.app.job;

import java.util.function.Consumer;
import quant.core.job.JobMonitor;

/**
 * Runs long work away from the JavaFX application thread and reports back on it. The workbench
 * uses {@link FxJobRunner}; view-model tests use {@link DirectJobRunner}.
 */
public interface JobRunner {
    /** Work that reports progress to and polls cancellation from its monitor. */
    @FunctionalInterface
    interface Work<T> {
        T run(JobMonitor monitor) throws Exception;
    }

    /**
     * Starts {@code work}. Exactly one of the callbacks runs, on the thread the view expects (the
     * application thread for {@link FxJobRunner}); a cancelled job reports a
     * {@link java.util.concurrent.CancellationException} to {@code onFailure}.
     */
    <T> void submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
