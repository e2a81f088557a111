package quant.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import quant.app.dashboard.DashboardView;
import quant.app.dashboard.DashboardViewModel;
import quant.app.forecast.SavedForecasts;
import quant.app.job.FxJobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.job.JobMonitor;
import quant.core.kpi.KpiPeriod;
import quant.core.settings.BusinessSettings;
import quant.core.store.Store;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/**
 * The dashboard's targets: fresh KPIs on the sample within 3 s warm, and the JavaFX thread never
 * blocked over 100 ms while the dashboard computes (the KPIs, the health score, the alert check, the
 * summary with its four analyses), switches to the quarter, and is opened again. Runs on the headless
 * Monocle platform; an {@link AnimationTimer} records the largest gap between two frames.
 * Usage: {@code DashboardResponsivenessBench [scale]} (default 1, the sample company).
 */
public final class DashboardResponsivenessBench {
    /** The longest construction of a dashboard view on the FX thread. */
    static final AtomicLong BUILD = new AtomicLong();

    private DashboardResponsivenessBench() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        Path work = Files.createTempDirectory("quant-dashboard-bench");
        System.setProperty("quant.home", work.resolve("home").toString());
        try (Store store = Store.open(work.resolve("db"))) {
            SampleLoader.load(store, new SampleSource(scale), JobMonitor.NONE);
            BusinessSettings settings = BusinessSettings.read(store);
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            AtomicLong maxGap = new AtomicLong();
            AtomicLong frames = new AtomicLong();
            AnimationTimer timer = new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        maxGap.accumulateAndGet(now - last, Math::max);
                    }
                    last = now;
                    frames.incrementAndGet();
                }
            };
            SnapshotCache snapshots = new SnapshotCache(store);
            FxJobRunner jobs = new FxJobRunner();
            AtomicReference<Stage> stage = new AtomicReference<>();
            Platform.runLater(() -> {
                Stage s = new Stage();
                s.setScene(new Scene(new javafx.scene.layout.StackPane(), 1280, 800));
                s.show();
                stage.set(s);
                timer.start();
            });
            AtomicReference<DashboardViewModel> model = new AtomicReference<>();
            double cold = open(stage, jobs, snapshots, store, settings, model);
            long coldGap = maxGap.getAndSet(0);
            long coldFrames = frames.getAndSet(0);
            double quarter = period(model.get(), KpiPeriod.QUARTER);
            double warm = period(model.get(), KpiPeriod.MONTH);
            Platform.runLater(timer::stop);
            System.out.printf(
                    Locale.ROOT,
                    "scale %d: KPIs, health and alerts cold (snapshot loaded) %.2f s, %,d frames, largest gap %d ms;"
                            + " then switched to the quarter %.2f s and back to the month %.2f s, %,d frames, largest gap %d ms"
                            + " (building a view at most %d ms)%n",
                    scale,
                    cold,
                    coldFrames,
                    coldGap / 1_000_000,
                    quarter,
                    warm,
                    frames.get(),
                    maxGap.get() / 1_000_000,
                    BUILD.get() / 1_000_000);
            Platform.exit();
        }
    }

    /** Opens the dashboard; the seconds until its board and its summary are there. */
    private static double open(
            AtomicReference<Stage> stage,
            FxJobRunner jobs,
            SnapshotCache snapshots,
            Store store,
            BusinessSettings settings,
            AtomicReference<DashboardViewModel> model)
            throws InterruptedException {
        CountDownLatch board = new CountDownLatch(1);
        CountDownLatch summary = new CountDownLatch(1);
        long t0 = System.nanoTime();
        AtomicLong boardAt = new AtomicLong();
        Platform.runLater(() -> {
            DashboardViewModel m = new DashboardViewModel(
                    jobs,
                    snapshots,
                    new SimpleObjectProperty<>(0),
                    new SimpleObjectProperty<>(settings),
                    new SavedForecasts(store, jobs),
                    () -> {});
            model.set(m);
            m.boardProperty().addListener((obs, o, b) -> {
                if (b != null) {
                    boardAt.compareAndSet(0, System.nanoTime());
                    board.countDown();
                }
            });
            m.summaryProperty().addListener((obs, o, s) -> summary.countDown());
            long c0 = System.nanoTime();
            stage.get().getScene().setRoot(new DashboardView(m, x -> {}, x -> {}));
            BUILD.accumulateAndGet(System.nanoTime() - c0, Math::max);
        });
        if (!board.await(300, TimeUnit.SECONDS) || !summary.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the dashboard did not finish in 5 minutes");
        }
        return (boardAt.get() - t0) / 1e9;
    }

    /** Switches the open dashboard's period; the seconds until its board is there and shown. */
    private static double period(DashboardViewModel model, KpiPeriod period) throws InterruptedException {
        CountDownLatch board = new CountDownLatch(1);
        long t0 = System.nanoTime();
        Platform.runLater(() -> {
            model.boardProperty().addListener((obs, o, b) -> {
                if (b != null && b.kpis().period().equals(period.key())) {
                    board.countDown();
                }
            });
            model.periodProperty().set(period);
        });
        if (!board.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the dashboard did not finish in 5 minutes");
        }
        // the frame that shows it
        Thread.sleep(200);
        return (System.nanoTime() - t0) / 1e9 - 0.2;
    }
}
