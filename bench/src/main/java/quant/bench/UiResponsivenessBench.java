package quant.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import quant.app.job.FxJobRunner;
import quant.core.job.JobMonitor;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.importers.engine.ImportOptions;
import quant.importers.engine.ImportResult;
import quant.importers.engine.Importer;
import quant.samples.SampleExporter;
import quant.samples.SampleLoader;

/**
 * Whether the window stays responsive while a large import runs through the app's job runner: an
 * {@link AnimationTimer} records the largest gap between two frames during the import (target
 * under 100 ms). Runs on the headless Monocle platform, so no display is needed.
 * Usage: {@code UiResponsivenessBench [scale]}.
 */
public final class UiResponsivenessBench {
    private UiResponsivenessBench() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path work = Files.createTempDirectory("quant-ui-bench");
        Path csv = work.resolve("csv");
        SampleExporter.export(csv, scale, JobMonitor.NONE);
        try (Store store = Store.open(work.resolve("db"))) {
            Importer importer = new Importer(store);
            for (DomainTable t : List.of(
                    DomainTable.SERVICE_LINE,
                    DomainTable.CAMPAIGN,
                    DomainTable.CUSTOMER,
                    DomainTable.TECHNICIAN,
                    DomainTable.EQUIPMENT)) {
                importer.run(
                        csv.resolve(t.sqlName() + ".csv"),
                        SampleLoader.profile(t),
                        ImportOptions.DEFAULT,
                        JobMonitor.NONE);
            }
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            AtomicLong maxGap = new AtomicLong();
            AtomicLong frames = new AtomicLong();
            AtomicReference<ImportResult> result = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
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
                timer.start();
                FxJobRunner jobs = new FxJobRunner();
                jobs.submit(
                        "Importing jobs",
                        monitor -> new Importer(store)
                                .run(
                                        csv.resolve("job.csv"),
                                        SampleLoader.profile(DomainTable.JOB),
                                        new ImportOptions(
                                                ImportOptions.OnError.ABORT, false, null, ZoneId.systemDefault()),
                                        monitor),
                        r -> {
                            timer.stop();
                            result.set(r);
                            done.countDown();
                        },
                        e -> {
                            timer.stop();
                            e.printStackTrace();
                            done.countDown();
                        });
            });
            done.await();
            ImportResult r = result.get();
            System.out.printf(
                    "imported %,d jobs in %.1f s through the job runner; %,d frames; largest gap between frames %d ms%n",
                    r == null ? 0 : r.inserted(),
                    r == null ? 0 : r.took().toMillis() / 1000.0,
                    frames.get(),
                    maxGap.get() / 1_000_000);
            Platform.exit();
        }
    }
}
