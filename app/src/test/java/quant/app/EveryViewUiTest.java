package quant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import quant.app.data.DataView;
import quant.app.job.FxJobRunner;
import quant.app.settings.Settings;
import quant.app.shell.ChartThemes;
import quant.app.shell.MainWindow;
import quant.app.shell.ViewCatalogue;
import quant.app.shell.WorkbenchViewModel;
import quant.core.store.DomainTable;

/**
 * Every view of the catalogue in the main window on the sample company, at 1280 × 800 and 1920 × 1080,
 * in the light and the dark theme, each saved under {@code target/screenshots/views/} for people to
 * look at; the test checks each view opened and finished its work.
 */
@ExtendWith(ApplicationExtension.class)
class EveryViewUiTest {
    static final Path SHOTS = Path.of("target", "screenshots", "views");

    private WorkbenchViewModel model;
    private FxJobRunner jobs;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Files.createDirectories(SHOTS);
        Path db = Files.createTempDirectory("quant-every-view").resolve("sample.mv.db");
        jobs = new FxJobRunner();
        model = new WorkbenchViewModel(jobs);
        window = new MainWindow(
                stage,
                model,
                jobs,
                Settings.DEFAULTS.withLayout(
                        new Settings.DockLayoutState(List.of(new Settings.OpenView(DataView.ID, "side")), 0.2, null)));
        stage.show();
        model.open(db, true);
    }

    @Test
    void everyViewOpensAndIsPhotographedAtTwoSizesInBothThemes(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> model.countsProperty().get().getOrDefault(DomainTable.JOB, 0L) > 0);
        for (int[] size : List.of(new int[] {1280, 800}, new int[] {1920, 1080})) {
            robot.interact(() -> {
                stage.setMaximized(false);
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (boolean dark : List.of(false, true)) {
                robot.interact(() -> darkThemeItem(robot).setSelected(dark));
                for (ViewCatalogue.Entry e : ViewCatalogue.ENTRIES) {
                    robot.interact(() -> window.workspace().reset(List.of(DataView.ID, e.id())));
                    assertThat(window.workspace().openViews()).as(e.id()).contains(e.id());
                    settle();
                    save(size[0] + "x" + size[1] + "-" + (dark ? "dark" : "light") + "-" + e.id() + ".png");
                }
            }
        }
        robot.interact(() -> darkThemeItem(robot).setSelected(false));

        // a small window: the charts keep their least size and the view scrolls to them
        robot.interact(() -> {
            stage.setWidth(900);
            stage.setHeight(600);
        });
        for (ViewCatalogue.Entry e : ViewCatalogue.ENTRIES) {
            robot.interact(() -> window.workspace().reset(List.of(DataView.ID, e.id())));
            settle();
            save("900x600-light-" + e.id() + ".png");
            List<ChartViewer> charts = WaitForAsyncUtils.asyncFx(
                            () -> robot.lookup(n -> n instanceof ChartViewer).queryAllAs(ChartViewer.class).stream()
                                    .filter(EveryViewUiTest::shown)
                                    .toList())
                    .get();
            for (ChartViewer c : charts) {
                assertThat(c.getWidth()).as(e.id() + " chart width").isGreaterThanOrEqualTo(ChartThemes.MIN_WIDTH - 1);
                assertThat(c.getHeight())
                        .as(e.id() + " chart height")
                        .isGreaterThanOrEqualTo(ChartThemes.MIN_HEIGHT - 1);
            }
        }

        // many open views: the tab bar's overflow button lists them all
        robot.interact(() -> {
            window.workspace().reset(List.of(DataView.ID));
            ViewCatalogue.ENTRIES.forEach(e -> window.workspace().open(e.id()));
        });
        settle();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".list-button").queryAll().stream().anyMatch(javafx.scene.Node::isVisible))
                .as("the tab bar's overflow button")
                .isTrue();
        save("1920x1080-many-views.png");

        // closing the side panel's last view folds it away instead of leaving a blank pane
        robot.interact(() -> window.workspace().reset(List.of(DataView.ID, "cohorts")));
        assertThat(window.workspace().sideCollapsed()).isFalse();
        robot.interact(() -> window.workspace()
                .restore(new Settings.DockLayoutState(
                        List.of(new Settings.OpenView("cohorts", "main")), 0.2, "cohorts")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.workspace().sideCollapsed())
                        .get())
                .isTrue();
        robot.interact(() -> window.workspace().open(DataView.ID));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.workspace().sideCollapsed())
                        .get())
                .isFalse();
    }

    /** Whether {@code node} is on screen: in the scene, and it and every parent visible. */
    static boolean shown(javafx.scene.Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** View ▸ Dark theme, as the user ticks it: the window and its charts follow. */
    static javafx.scene.control.CheckMenuItem darkThemeItem(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        return bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> i instanceof javafx.scene.control.CheckMenuItem && "Dark theme".equals(i.getText()))
                .map(javafx.scene.control.CheckMenuItem.class::cast)
                .findFirst()
                .orElseThrow();
    }

    private void settle() throws Exception {
        settle(jobs);
    }

    /** Waits until no job of {@code jobs} runs for a moment: the view has its result on screen. */
    static void settle(FxJobRunner jobs) throws Exception {
        long quietSince = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
            boolean idle =
                    WaitForAsyncUtils.asyncFx(() -> jobs.running().isEmpty()).get();
            if (!idle) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(600)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("a view's work did not end in two minutes");
    }

    private void save(String name) throws Exception {
        save(stage, SHOTS.resolve(name));
    }

    /** Saves what {@code stage} shows as a PNG at {@code file}. */
    static void save(Stage stage, Path file) throws Exception {
        var image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null))
                .get();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
