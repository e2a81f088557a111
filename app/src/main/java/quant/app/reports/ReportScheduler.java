package quant.app.reports;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import quant.app.job.EveryMinute;
import quant.app.job.JobRunner;
import quant.core.delivery.ScheduleRunner;
import quant.core.store.Store;

/**
 * Runs the report schedules while the workbench is open: checks once a minute (and as soon as a
 * database opens) which are due, and runs each as a job with progress and Cancel; a due time missed
 * while the workbench was closed runs once when it opens. Each outcome goes to {@code onOutcome} as a
 * sentence.
 */
public final class ReportScheduler implements AutoCloseable {
    private final Store store;
    private final JobRunner jobs;
    private final Secrets secrets;
    private final Consumer<String> onOutcome;
    private EveryMinute clock;
    private final java.util.Set<Long> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ReportScheduler(Store store, JobRunner jobs, Secrets secrets, Consumer<String> onOutcome) {
        this.store = store;
        this.jobs = jobs;
        this.secrets = secrets;
        this.onOutcome = onOutcome;
    }

    /** Starts checking: now, then every minute. */
    public ReportScheduler start() {
        if (!store.isReadOnly()) {
            clock = EveryMinute.start("report-schedules", this::check);
        }
        return this;
    }

    private void check() {
        List<ScheduleRunner.Due> due = ScheduleRunner.due(store, ZonedDateTime.now());
        for (ScheduleRunner.Due d : due) {
            if (running.add(d.schedule().id())) {
                Platform.runLater(() -> run(d));
            }
        }
    }

    /** Runs one due schedule as a job. */
    void run(ScheduleRunner.Due d) {
        jobs.submit(
                "Report schedule " + d.schedule().name(),
                monitor -> ScheduleRunner.run(
                        store,
                        d.schedule(),
                        d.due(),
                        secrets.store().orElse(null),
                        javax.net.ssl.SSLContext.getDefault(),
                        monitor),
                o -> {
                    running.remove(d.schedule().id());
                    onOutcome.accept(d.schedule().name() + ": " + o.message());
                },
                e -> {
                    running.remove(d.schedule().id());
                    onOutcome.accept(d.schedule().name() + ": " + quant.app.errors.Failures.sentence(e));
                });
    }

    @Override
    public void close() {
        if (clock != null) {
            clock.close();
        }
    }
}
