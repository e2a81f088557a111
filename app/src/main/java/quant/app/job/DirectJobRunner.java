package quant.app.job;

import java.util.function.Consumer;
import quant.core.job.JobMonitor;

/** Runs each job at once on the calling thread; for view-model tests. */
public final class DirectJobRunner implements JobRunner {
    @Override
    public <T> void submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.run(JobMonitor.NONE);
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
