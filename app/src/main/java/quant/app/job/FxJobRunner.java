package quant.app.job;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quant.core.job.JobMonitor;

/**
 * Runs jobs as {@link Task}s on background threads and keeps the running ones in a list the
 * status bar shows, each with its progress and a Cancel button.
 */
public final class FxJobRunner implements JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FxJobRunner.class);

    /**
     * How many jobs run at once: the processors, and at least four so that a long route search leaves
     * room for the views' computations; further jobs wait their turn (they are listed as running).
     */
    static final int THREADS = Math.max(4, Runtime.getRuntime().availableProcessors());

    private final ExecutorService executor = bounded();

    private static ExecutorService bounded() {
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "quant-job");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private final ObservableList<RunningJob> running = FXCollections.observableArrayList();
    // One wrapper, kept: an unmodifiable view listens to its source weakly, so a view made per
    // call would be collected and its listeners would silently stop firing.
    private final ObservableList<RunningJob> runningView = FXCollections.unmodifiableObservableList(running);

    /** The jobs now running; read on the application thread. */
    public ObservableList<RunningJob> running() {
        return runningView;
    }

    @Override
    public <T> void submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        RunningJob[] job = new RunningJob[1];
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                JobMonitor monitor = new JobMonitor() {
                    @Override
                    public void progress(long done, long total, String stage) {
                        updateProgress(done, total);
                        updateMessage(stage);
                    }

                    @Override
                    public boolean isCancelled() {
                        return job[0].isCancelRequested();
                    }
                };
                return work.run(monitor);
            }
        };
        job[0] = new RunningJob(task);
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                running.remove(job[0]);
                onSuccess.accept(task.getValue());
            } else if (state == Worker.State.FAILED) {
                running.remove(job[0]);
                Throwable error = task.getException();
                if (!(error instanceof CancellationException)) {
                    LOG.error("Job '{}' failed", title, error);
                }
                onFailure.accept(error);
            } else if (state == Worker.State.CANCELLED) {
                running.remove(job[0]);
                onFailure.accept(new CancellationException(title + " was cancelled."));
            }
        });
        running.add(job[0]);
        executor.execute(task);
    }

    /** Cancels every running job; used when the window closes. */
    public void cancelAll() {
        for (RunningJob j : java.util.List.copyOf(running)) {
            j.cancel();
        }
    }
}
