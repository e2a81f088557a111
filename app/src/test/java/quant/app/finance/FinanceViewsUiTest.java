package quant.app.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import quant.app.SampleViews;
import quant.app.job.FxJobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.finance.ProfitabilityResult;
import quant.core.finance.ProfitabilitySpec;
import quant.core.settings.BusinessSettings;

/** Profitability (with a drill-down), receivables and the finance monitors on the sample company, photographed. */
@ExtendWith(ApplicationExtension.class)
class FinanceViewsUiTest {
    private Stage stage;
    private SnapshotCache snapshots;
    private final SimpleObjectProperty<BusinessSettings> settings =
            new SimpleObjectProperty<>(BusinessSettings.DEFAULTS);

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        snapshots = new SnapshotCache(SampleViews.store());
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), 1280, 800));
        stage.show();
    }

    @Test
    void profitabilityDrillsFromALineToItsCustomersToTheirJobs(FxRobot robot) throws Exception {
        ProfitabilityViewModel model =
                new ProfitabilityViewModel(new FxJobRunner(), snapshots, new SimpleObjectProperty<>(0), settings);
        robot.interact(() -> stage.getScene().setRoot(new ProfitabilityView(model)));
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        ProfitabilityResult lines = model.resultProperty().get();
        assertThat(lines.rows()).hasSize(5);
        SampleViews.save(stage, "profitability-lines.png");

        ProfitabilityResult.Row hvac = lines.rows().stream()
                .filter(r -> r.key().equals("HVAC"))
                .findFirst()
                .orElseThrow();
        robot.interact(() -> model.drillInto(hvac));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "customer"
                .equals(model.resultProperty().get().by()));
        WaitForAsyncUtils.waitForFxEvents();
        ProfitabilityResult customers = model.resultProperty().get();
        assertThat(customers.within()).containsExactly("line=HVAC");
        assertThat(customers.total().revenue()).isEqualTo(hvac.revenue());
        SampleViews.save(stage, "profitability-hvac-customers.png");

        ProfitabilityResult.Row first = customers.rows().getFirst();
        robot.interact(() -> model.drillInto(first));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "job"
                .equals(model.resultProperty().get().by()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.resultProperty().get().total().margin()).isEqualTo(first.margin());
        robot.interact(() -> model.backTo(0));
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> "line".equals(model.resultProperty().get().by())
                        && model.resultProperty().get().within().isEmpty());

        TabPane tabs = robot.lookup("#profitability-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "profitability-complexity.png");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#profitability-worst-customers")
                        .queryAs(TableView.class)
                        .getItems())
                .hasSize(10);
        SampleViews.save(stage, "profitability-least.png");
        robot.interact(() -> model.byProperty().set(ProfitabilitySpec.Dimension.CITY));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "city"
                .equals(model.resultProperty().get().by()));
        robot.interact(() -> tabs.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "profitability-cities.png");
    }

    @Test
    void receivablesAndTheFinanceMonitorsShowTheirCharts(FxRobot robot) throws Exception {
        var receivables =
                MonitorViewModel.receivables(new FxJobRunner(), snapshots, new SimpleObjectProperty<>(0), settings);
        robot.interact(() -> stage.getScene().setRoot(new ReceivablesView(receivables)));
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> receivables.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#receivables-customers")
                        .queryAs(TableView.class)
                        .getItems())
                .hasSize(receivables.resultProperty().get().customers().size())
                .isNotEmpty();
        SampleViews.save(stage, "receivables.png");

        var finance = MonitorViewModel.finance(new FxJobRunner(), snapshots, new SimpleObjectProperty<>(0), settings);
        robot.interact(() -> stage.getScene().setRoot(new FinanceView(finance)));
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> finance.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#finance-months").queryAs(TableView.class).getItems())
                .hasSize(24);
        SampleViews.save(stage, "finance-margins.png");
        TabPane tabs = robot.lookup("#finance-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "finance-concentration.png");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "finance-seasons.png");
    }
}
