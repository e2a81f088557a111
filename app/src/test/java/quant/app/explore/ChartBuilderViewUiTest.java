package quant.app.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
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
import quant.app.dashboard.DashboardLayout;
import quant.app.dashboard.DashboardLayouts;
import quant.app.job.FxJobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.explore.ChartData;
import quant.core.explore.ChartSpec;
import quant.core.store.Store;

/** The chart builder on the sample company: a stacked area of revenue by line, a table, saved and put on the dashboard. */
@ExtendWith(ApplicationExtension.class)
class ChartBuilderViewUiTest {
    private Stage stage;
    private ChartBuilderViewModel model;
    private final List<String> onDashboard = new java.util.ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Store store = SampleViews.store();
        model = new ChartBuilderViewModel(
                new FxJobRunner(), new SnapshotCache(store), new SimpleObjectProperty<>(0), () -> store);
        ChartBuilderView view = new ChartBuilderView(model, ChartBuilderViewModel.starter(), onDashboard::add);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @Test
    void buildsSavesAndPutsAChartOnTheDashboard(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        ChartData d = model.resultProperty().get();
        // revenue of completed jobs by month, one series per service line
        assertThat(d.series()).hasSize(5);
        assertThat(d.categories().getFirst()).isEqualTo("2022-01");
        assertThat(d.categories().getLast()).isEqualTo("2025-12");
        SampleViews.save(stage, "chart-builder-area.png");

        @SuppressWarnings("unchecked")
        ChoiceBox<ChartSpec.ChartType> type = robot.lookup("#chart-type").queryAs(ChoiceBox.class);
        robot.interact(() -> type.setValue(ChartSpec.ChartType.TABLE));
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.resultProperty().get().spec().type() == ChartSpec.ChartType.TABLE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#chart-table").queryAs(TableView.class).getItems())
                .hasSize(48);
        robot.interact(() -> type.setValue(ChartSpec.ChartType.HEATMAP));
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.resultProperty().get().spec().type() == ChartSpec.ChartType.HEATMAP);
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "chart-builder-heatmap.png");

        robot.interact(
                () -> robot.lookup("#chart-name").queryAs(TextField.class).setText("Revenue by line"));
        robot.clickOn("#chart-save");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.savedProperty().get().stream()
                .anyMatch(c -> c.name().equals("Revenue by line")));
        robot.clickOn("#chart-to-dashboard");
        assertThat(onDashboard).containsExactly("Revenue by line");

        // a new builder opens the saved chart as it was saved
        ChartSpec savedSpec = model.savedProperty().get().stream()
                .filter(c -> c.name().equals("Revenue by line"))
                .findFirst()
                .orElseThrow();
        assertThat(savedSpec.type()).isEqualTo(ChartSpec.ChartType.HEATMAP);
        assertThat(savedSpec.split().field()).isEqualTo("line");

        // the dashboard's arrangement takes it as a wide tile of its own section
        Files.deleteIfExists(DashboardLayout.file());
        robot.interact(() -> DashboardLayouts.addChart("Revenue by line"));
        assertThat(DashboardLayout.load().charts()).containsExactly("Revenue by line");
        // the other tests' dashboards start without it
        robot.interact(
                () -> DashboardLayouts.set(DashboardLayouts.current().get().without("chart:Revenue by line")));
        Files.deleteIfExists(DashboardLayout.file());
    }
}
