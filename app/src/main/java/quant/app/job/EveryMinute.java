package quant.app.job;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * A check that runs a few seconds after it starts and then once a minute on a daemon thread of its own,
 * for the schedules that run while the workbench is open (report packs, connection syncs); a failing
 * check is logged and the next one runs.
 */
public final class EveryMinute implements AutoCloseable {
    private final ScheduledExecutorService clock;

    private EveryMinute(ScheduledExecutorService clock) {
        this.clock = clock;
    }

    /** Starts {@code check} under the thread name {@code name}. */
    public static EveryMinute start(String name, Runnable check) {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        clock.scheduleWithFixedDelay(
                () -> {
                    try {
                        check.run();
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(EveryMinute.class).warn("The check {} failed", name, e);
                    }
                },
                5,
                60,
                TimeUnit.SECONDS);
        return new EveryMinute(clock);
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
