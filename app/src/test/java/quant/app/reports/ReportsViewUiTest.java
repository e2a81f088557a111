package quant.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import quant.app.SampleViews;
import quant.app.job.FxJobRunner;
import quant.core.delivery.ExportAudit;
import quant.core.delivery.Schedules;
import quant.core.pack.PackDefinitions;
import quant.core.store.Store;

/**
 * The Reports view on the sample company: the board pack made from the editor into files and listed in
 * the history, a copy of a definition saved with a section switched off, a folder schedule saved from
 * the form; each tab photographed at 1280×800.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsViewUiTest {
    private Stage stage;
    private ReportsViewModel model;
    private Path dir;
    private Store store;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = SampleViews.store();
        dir = Files.createTempDirectory("quant-reports");
        model = new ReportsViewModel(
                new FxJobRunner(), () -> store, new Secrets(dir.resolve("secrets.json")), dir.resolve("reports"));
        stage.setScene(new Scene(new ReportsView(model), 1280, 800));
        stage.show();
    }

    @Test
    void makesSavesAndSchedulesPacks(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.items())
                .extracting(ReportsViewModel.Item::name)
                .containsExactlyElementsOf(PackDefinitions.SHIPPED);
        assertThat(model.selectedProperty().get().name()).isEqualTo("board");
        assertThat(robot.lookup("#pack-title").queryAs(TextField.class).getText())
                .isEqualTo("Monthly board pack");
        TableView<?> sections = robot.lookup("#pack-sections").queryAs(TableView.class);
        assertThat(sections.getItems()).hasSize(17);
        SampleViews.save(stage, "reports-packs.png");

        // the owner's summary into a file, with its workbook
        robot.interact(() -> model.selectedProperty().set(model.items().get(2)));
        Path pdf = dir.resolve("owner.pdf");
        PackEditor editor = robot.lookup("#pack-editor").queryAs(PackEditor.class);
        robot.interact(() -> model.make(editor.current().orElseThrow(), pdf, true, false));
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> model.messageProperty().get().startsWith("Wrote"));
        assertThat(pdf).exists();
        assertThat(dir.resolve("owner.xlsx")).exists();
        assertThat(ExportAudit.list(store, 10))
                .anyMatch(e -> e.destination().equals(pdf.toString()) && e.origin() == ExportAudit.Origin.WINDOW);

        // a copy with its first section switched off
        @SuppressWarnings("unchecked")
        TableView<SectionRow> rows = (TableView<SectionRow>) sections;
        robot.interact(() -> rows.getItems().getFirst().on.set(false));
        robot.interact(() -> model.save(editor.current().orElseThrow(), "owner-no-health"));
        Path saved = dir.resolve("reports").resolve("owner-no-health.json");
        assertThat(Files.readString(saved)).contains("\"on\" : false");
        assertThat(model.items()).extracting(ReportsViewModel.Item::name).contains("owner-no-health");
        assertThat(PackDefinitions.read(saved).included()).hasSize(2);

        // a schedule into a folder, from the form
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        Path out = Files.createDirectories(dir.resolve("out"));
        robot.interact(() -> {
            robot.lookup("#schedule-name").queryAs(TextField.class).setText("Monthly to the shared folder");
            robot.lookup("#schedule-folder").queryAs(TextField.class).setText(out.toString());
        });
        robot.clickOn("#schedule-save");
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> model.schedules().size() == 1
                        || model.messageProperty().get().startsWith("Saved the schedule")
                                && !model.messageProperty().get().isEmpty());
        assertThat(model.messageProperty().get()).startsWith("Saved the schedule");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.schedules().size() == 1);
        assertThat(Schedules.list(store)).extracting(s -> s.name()).contains("Monthly to the shared folder");
        assertThat(model.messageProperty().get())
                .startsWith("Saved the schedule Monthly to the shared folder:" + " monthly on day 2 at 07:00");
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "reports-schedules.png");

        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#export-audit").queryAs(TableView.class).getItems())
                .isNotEmpty();
        SampleViews.save(stage, "reports-history.png");
    }
}
