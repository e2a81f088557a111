package quant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
import quant.app.shell.WorkbenchViewModel;
import quant.core.store.DataFolder;
import quant.core.store.DomainTable;

/**
 * Starts the workbench on an empty temporary database, opens the sample company from the empty
 * state, opens the Data view from its menu item and checks the row counts it shows.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private WorkbenchViewModel model;
    private Stage stage;
    private MainWindow window;

    @BeforeAll
    static void freshDataFolder() throws IOException {
        Path home = DataFolder.get();
        if (Files.exists(home)) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(home);
        Files.createDirectories(SCREENSHOTS);
    }

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Path db = Files.createTempDirectory("quant-ui").resolve("empty.mv.db");
        // A remembered layout with only the jobs table, so the Data view has to be opened from the menu.
        Settings settings = Settings.DEFAULTS.withLayout(
                new Settings.DockLayoutState(List.of(new Settings.OpenView("table:job", "main")), 0.25, "table:job"));
        FxJobRunner jobs = new FxJobRunner();
        model = new WorkbenchViewModel(jobs);
        window = new MainWindow(stage, model, jobs, settings);
        stage.show();
        model.open(db, false);
    }

    @Test
    void opensTheSampleCompanyAndShowsRowCountsInTheDataView(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.emptyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#open-sample").queryButton().isVisible()).isTrue();
        snapshot(robot, "01-empty-state.png");

        robot.clickOn("#open-sample");
        WaitForAsyncUtils.waitFor(
                90, TimeUnit.SECONDS, () -> model.countsProperty().get().getOrDefault(DomainTable.JOB, 0L) > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#data-tables").tryQuery()).isEmpty();

        // Menus are popups that a headless robot opens unreliably: fire the View ▸ Data item itself.
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem dataItem = bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> ("menu-view-" + DataView.ID).equals(i.getId()))
                .findFirst()
                .orElseThrow();
        assertThat(dataItem.isDisable()).isFalse();
        robot.interact(dataItem::fire);
        WaitForAsyncUtils.waitForFxEvents();
        DataView data = robot.lookup("#data-tables")
                                .queryAs(javafx.scene.control.TableView.class)
                                .getParent()
                        instanceof DataView d
                ? d
                : (DataView) robot.lookup(n -> n instanceof DataView).query();
        for (DomainTable t : DomainTable.values()) {
            long expected = model.countsProperty().get().get(t);
            assertThat(data.shownCount(t)).as(t.sqlName()).isEqualTo("%,d".formatted(expected));
        }
        assertThat(data.shownCount(DomainTable.JOB)).isEqualTo("16,560");
        assertThat(data.shownCount(DomainTable.CUSTOMER)).isEqualTo("2,957");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#table-browser-status")
                .queryLabeled()
                .getText()
                .endsWith("rows"));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(robot, "02-data-view.png");

        // The layout is remembered as view ids, areas and the divider; a reset brings back the default.
        Settings.DockLayoutState saved =
                WaitForAsyncUtils.asyncFx(() -> window.workspace().save()).get();
        assertThat(saved.views()).extracting(Settings.OpenView::id).containsExactly("table:job", DataView.ID);
        assertThat(saved.views()).extracting(Settings.OpenView::area).containsExactly("main", "side");
        assertThat(saved.divider()).isBetween(0.05, 0.95);
        robot.interact(() -> window.workspace().reset(List.of("table:customer")));
        assertThat(window.workspace().openViews()).containsExactly("table:customer");
        robot.interact(() -> window.workspace().restore(saved));
        assertThat(window.workspace().openViews()).containsExactly("table:job", DataView.ID);
    }

    @Test
    void businessSettingsAreCheckedAsTypedAndSavedToTheDatabase(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.storeProperty().get() != null);
        javafx.application.Platform.runLater(window::editBusinessSettings);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#setting-customers-inactivityDays")
                .tryQuery()
                .isPresent());
        javafx.scene.control.TextField days =
                robot.lookup("#setting-customers-inactivityDays").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.Button save =
                robot.lookup(".dialog-pane .button").queryAllAs(javafx.scene.control.Button.class).stream()
                        .filter(b -> b.getText().equals("Save"))
                        .findFirst()
                        .orElseThrow();
        robot.interact(() -> days.setText("20"));
        assertThat(save.isDisabled()).isTrue();
        assertThat(robot.lookup("#settings-error").queryLabeled().getText())
                .isEqualTo("Churn inactivity window must be a whole number of days from 30 to 3650, not 20.");
        Stage dialog = (Stage) days.getScene().getWindow();
        SampleViews.save(dialog, "business-settings.png");
        robot.interact(() -> days.setText("270"));
        assertThat(save.isDisabled()).isFalse();
        robot.interact(save::fire);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> model.settingsProperty().get().customers().inactivityDays() == 270);
        assertThat(quant.core.settings.BusinessSettings.read(
                                model.storeProperty().get())
                        .customers()
                        .inactivityDays())
                .isEqualTo(270);
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        Node root = stage.getScene().getRoot();
        var image = WaitForAsyncUtils.asyncFx(() -> root.snapshot(null, null)).get();
        ImageIO.write(
                SwingFXUtils.fromFXImage(image, null),
                "png",
                SCREENSHOTS.resolve(name).toFile());
    }
}
