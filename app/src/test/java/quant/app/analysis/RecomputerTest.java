package quant.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.job.JobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.job.JobMonitor;
import quant.core.store.Store;

class RecomputerTest {
    @TempDir
    Path dir;

    /** Runs each job on its own thread, callbacks on that thread. */
    static final class ThreadJobRunner implements JobRunner {
        @Override
        public <T> void submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            Thread.ofPlatform().start(() -> {
                T value;
                try {
                    value = work.run(JobMonitor.NONE);
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(value);
            });
        }
    }

    @Test
    void aSupersededAnalysisStopsAndOnlyTheNewestResultIsShown() throws Exception {
        try (Store store = Store.open(dir.resolve("empty"))) {
            CountDownLatch firstStarted = new CountDownLatch(1);
            CountDownLatch firstStopped = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            Recomputer<String, String> recomputer = new Recomputer<>(
                    "Test",
                    new ThreadJobRunner(),
                    new SnapshotCache(store),
                    java.util.List.of(),
                    (snapshot, spec, monitor) -> {
                        if (spec.equals("first")) {
                            firstStarted.countDown();
                            try {
                                while (true) {
                                    monitor.checkCancelled();
                                    Thread.onSpinWait();
                                }
                            } catch (CancellationException e) {
                                firstStopped.countDown();
                                throw e;
                            }
                        }
                        return "result of " + spec;
                    });
            recomputer.resultProperty().addListener((o, a, b) -> done.countDown());
            recomputer.request("first");
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            recomputer.request("second");
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(recomputer.resultProperty().get()).isEqualTo("result of second");
            assertThat(firstStopped.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(recomputer.messageProperty().get()).isEmpty();
            assertThat(recomputer.resultProperty().get()).isEqualTo("result of second");
        }
    }

    static final java.util.concurrent.atomic.AtomicInteger PURE_RUNS = new java.util.concurrent.atomic.AtomicInteger();

    static String pureAnalysis(quant.core.analysis.Snapshot snapshot, String spec, JobMonitor monitor) {
        PURE_RUNS.incrementAndGet();
        return "pure " + spec;
    }

    @Test
    void aViewOpenedAgainGetsAPureAnalysisResultWithoutComputingItButAnAnalysisWithStateComputes() throws Exception {
        try (Store store = Store.open(dir.resolve("memo"))) {
            SnapshotCache snapshots = new SnapshotCache(store);
            java.util.concurrent.atomic.AtomicInteger stateful = new java.util.concurrent.atomic.AtomicInteger();
            String prefix = "stateful ";
            for (int view = 0; view < 3; view++) {
                Recomputer<String, String> pure = new Recomputer<>(
                        "Pure", new ThreadJobRunner(), snapshots, java.util.List.of(), RecomputerTest::pureAnalysis);
                Recomputer<String, String> withState = new Recomputer<>(
                        "Stateful", new ThreadJobRunner(), snapshots, java.util.List.of(), (s, spec, m) -> {
                            stateful.incrementAndGet();
                            return prefix + spec;
                        });
                assertThat(result(pure, "a")).isEqualTo("pure a");
                assertThat(result(withState, "a")).isEqualTo("stateful a");
            }
            assertThat(PURE_RUNS.get()).as("computed once, then shared").isEqualTo(1);
            assertThat(stateful.get())
                    .as("a lambda holding state is never shared")
                    .isEqualTo(3);
            Recomputer<String, String> other = new Recomputer<>(
                    "Pure", new ThreadJobRunner(), snapshots, java.util.List.of(), RecomputerTest::pureAnalysis);
            assertThat(result(other, "b"))
                    .as("another spec is another question")
                    .isEqualTo("pure b");
            assertThat(PURE_RUNS.get()).isEqualTo(2);
            assertThat(ResultMemo.pure((Recomputer.Analysis<String, String>) RecomputerTest::pureAnalysis))
                    .isTrue();
        }
    }

    private static String result(Recomputer<String, String> r, String spec) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        r.resultProperty().addListener((o, a, b) -> done.countDown());
        r.request(spec);
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        return r.resultProperty().get();
    }
}
