package quant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import quant.app.data.DataView;
import quant.app.job.FxJobRunner;
import quant.app.settings.Settings;
import quant.app.shell.MainWindow;
import quant.app.shell.ViewCatalogue;
import quant.app.shell.WorkbenchViewModel;
import quant.core.job.JobMonitor;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.core.store.TestServers;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/**
 * {@link EveryViewUiTest} on a PostgreSQL server: every view of the catalogue opens on the sample
 * company kept on the server, finishes its work and shows no failure, at 1280 × 800 in the light and
 * the dark theme, each saved under {@code target/screenshots/views-server/}. (The figures themselves
 * are compared with a file's, command by command, in {@code ServerCliTest}.)
 */
@ExtendWith(ApplicationExtension.class)
class ServerEveryViewUiTest {
    static final Path SHOTS = Path.of("target", "screenshots", "views-server");

    static TestServers.Scratch server;

    private WorkbenchViewModel model;
    private FxJobRunner jobs;
    private Stage stage;
    private MainWindow window;

    @BeforeAll
    static void sampleOnTheServer() throws Exception {
        server = TestServers.fresh("every_view");
        try (Store store = Store.open(server.location())) {
            SampleLoader.load(store, new SampleSource(1), JobMonitor.NONE);
        }
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void drop() {
        if (server != null) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        jobs = new FxJobRunner();
        model = new WorkbenchViewModel(jobs);
        window = new MainWindow(
                stage,
                model,
                jobs,
                Settings.DEFAULTS.withLayout(
                        new Settings.DockLayoutState(List.of(new Settings.OpenView(DataView.ID, "side")), 0.2, null)));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        model.open(server.location(), false);
    }

    @Test
    void everyViewWorksOnTheServerInBothThemes(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> model.countsProperty().get().getOrDefault(DomainTable.JOB, 0L) > 0);
        for (boolean dark : List.of(false, true)) {
            robot.interact(() -> EveryViewUiTest.darkThemeItem(robot).setSelected(dark));
            for (ViewCatalogue.Entry e : ViewCatalogue.ENTRIES) {
                robot.interact(() -> window.workspace().reset(List.of(DataView.ID, e.id())));
                assertThat(window.workspace().openViews()).as(e.id()).contains(e.id());
                EveryViewUiTest.settle(jobs);
                List<String> failures = WaitForAsyncUtils.asyncFx(
                                () -> robot.lookup(n -> n instanceof Labeled).queryAllAs(Labeled.class).stream()
                                        .filter(EveryViewUiTest::shown)
                                        .map(Labeled::getText)
                                        .filter(t -> t != null && (t.startsWith("Could not") || t.contains("refused")))
                                        .toList())
                        .get();
                assertThat(failures).as(e.id() + " on the server").isEmpty();
                EveryViewUiTest.save(
                        stage, SHOTS.resolve("1280x800-" + (dark ? "dark" : "light") + "-" + e.id() + ".png"));
            }
        }
        robot.interact(() -> EveryViewUiTest.darkThemeItem(robot).setSelected(false));
    }
}
