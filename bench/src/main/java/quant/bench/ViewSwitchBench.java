package quant.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import quant.app.data.DataView;
import quant.app.job.FxJobRunner;
import quant.app.settings.Settings;
import quant.app.shell.MainWindow;
import quant.app.shell.ViewCatalogue;
import quant.app.shell.WorkbenchViewModel;
import quant.core.store.DomainTable;

/**
 * How long the main window takes to show a view, on the sample company at 1280 × 800: from the request
 * on the JavaFX thread to the second frame after every job it started has finished (the first frame
 * lays the view out, the second has drawn it). Three cases per view of the catalogue: the first
 * opening (its analysis computes), opening it again after it was closed (the analysis's result is
 * cached for the snapshot; the view is built anew), and switching back to it while it is open among
 * all the others. The target is a switch under 200 ms for a view whose result is cached. Runs on the
 * headless Monocle platform with the software renderer, so no display is needed.
 *
 * <p>Usage: {@code ViewSwitchBench [rounds]} (default 3): the cached cases are measured that many
 * times each; the median and the largest are printed per view.
 */
public final class ViewSwitchBench {
    private ViewSwitchBench() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path work = Files.createTempDirectory("quant-view-switch-bench");
        System.setProperty("quant.home", work.resolve("home").toString());
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        FxJobRunner jobs = new FxJobRunner();
        WorkbenchViewModel model = fx(() -> new WorkbenchViewModel(jobs));
        MainWindow window = fx(() -> {
            Stage stage = new Stage();
            MainWindow w = new MainWindow(
                    stage,
                    model,
                    jobs,
                    Settings.DEFAULTS.withLayout(new Settings.DockLayoutState(
                            List.of(new Settings.OpenView(DataView.ID, "side")), 0.2, null)));
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
            model.open(work.resolve("sample.mv.db"), true);
            return w;
        });
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (fx(() -> model.countsProperty().get().getOrDefault(DomainTable.JOB, 0L)) == 0
                || fx(() -> !jobs.running().isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sample company did not load in 5 minutes");
            }
            Thread.sleep(50);
        }
        List<String> lines = new ArrayList<>();
        List<Double> reopenAll = new ArrayList<>();
        List<Double> switchAll = new ArrayList<>();
        for (ViewCatalogue.Entry e : ViewCatalogue.ENTRIES) {
            double first = shown(window, jobs, () -> window.workspace().reset(List.of(DataView.ID, e.id())));
            List<Double> reopen = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                fx(() -> {
                    window.workspace().reset(List.of(DataView.ID));
                    return null;
                });
                reopen.add(shown(window, jobs, () -> window.workspace().reset(List.of(DataView.ID, e.id()))));
            }
            reopenAll.addAll(reopen);
            lines.add(String.format(
                    Locale.ROOT,
                    "%-16s first %6.0f ms   reopened (cached) median %4.0f ms, at most %4.0f ms",
                    e.id(),
                    first,
                    Timing.median(reopen),
                    reopen.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        }
        fx(() -> {
            window.workspace().reset(List.of(DataView.ID));
            ViewCatalogue.ENTRIES.forEach(e -> window.workspace().open(e.id()));
            return null;
        });
        shown(window, jobs, () -> {});
        List<String> switches = new ArrayList<>();
        for (ViewCatalogue.Entry e : ViewCatalogue.ENTRIES) {
            List<Double> times = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                shown(window, jobs, () -> window.workspace().open(DataView.ID));
                times.add(shown(window, jobs, () -> window.workspace().open(e.id())));
            }
            switchAll.addAll(times);
            switches.add(String.format(
                    Locale.ROOT,
                    "%-16s switched to (open) median %4.0f ms, at most %4.0f ms",
                    e.id(),
                    Timing.median(times),
                    times.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        }
        lines.forEach(System.out::println);
        switches.forEach(System.out::println);
        System.out.printf(
                Locale.ROOT,
                "%d views, %d rounds: reopened with a cached result median %.0f ms, at most %.0f ms;"
                        + " switched to an open view median %.0f ms, at most %.0f ms (target < 200 ms)%n",
                ViewCatalogue.ENTRIES.size(),
                rounds,
                Timing.median(reopenAll),
                reopenAll.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                Timing.median(switchAll),
                switchAll.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        fx(() -> {
            window.close();
            return null;
        });
        Platform.exit();
    }

    /**
     * Runs {@code action} on the JavaFX thread and returns the milliseconds until the second frame after
     * the jobs it started have all finished.
     */
    private static double shown(MainWindow window, FxJobRunner jobs, Runnable action) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            var scene = window.workspace().node().getScene();
            int[] idleFrames = {0};
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                if (!jobs.running().isEmpty()) {
                    idleFrames[0] = 0;
                } else if (++idleFrames[0] >= 2) {
                    scene.removePostLayoutPulseListener(listener[0]);
                    done.complete(System.nanoTime() - t0);
                    return;
                }
                Platform.requestNextPulse();
            };
            scene.addPostLayoutPulseListener(listener[0]);
            action.run();
            Platform.requestNextPulse();
        });
        return done.get(5, TimeUnit.MINUTES) / 1e6;
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(5, TimeUnit.MINUTES);
    }
}
