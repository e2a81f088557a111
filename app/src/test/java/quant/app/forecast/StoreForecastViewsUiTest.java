package quant.app.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
import quant.core.forecast.Method;
import quant.core.forecast.business.CashFlowResult;
import quant.core.forecast.business.DemandResult;
import quant.core.forecast.business.ForecastAccuracy;
import quant.core.forecast.business.ForecastLog;
import quant.core.forecast.business.OutlookSpec;
import quant.core.forecast.business.RevenueAnalysis;
import quant.core.forecast.business.RevenueResult;
import quant.core.forecast.business.SavedForecast;
import quant.core.job.JobMonitor;
import quant.core.settings.BusinessSettings;
import quant.core.settings.Setting;

/** The demand, revenue and cash-flow views on the sample company: they compute, draw, follow their controls, and are photographed. */
@ExtendWith(ApplicationExtension.class)
class StoreForecastViewsUiTest {
    private Stage stage;
    private SnapshotCache snapshots;
    private final SimpleObjectProperty<Object> data = new SimpleObjectProperty<>(0);
    private final SimpleObjectProperty<BusinessSettings> settings =
            new SimpleObjectProperty<>(BusinessSettings.DEFAULTS);

    private SavedForecasts saved;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        snapshots = new SnapshotCache(SampleViews.store());
        saved = new SavedForecasts(SampleViews.store(), new FxJobRunner());
        stage.setScene(new Scene(new Label("…"), 1280, 800));
        stage.show();
    }

    @Test
    void demandShowsEachLinesForecastSeasonsAndCapacity(FxRobot robot) throws Exception {
        var model = StoreForecastViewModel.demand(new FxJobRunner(), snapshots, data);
        DemandView[] view = new DemandView[1];
        robot.interact(() -> {
            view[0] = new DemandView(model, saved);
            stage.getScene().setRoot(view[0]);
        });
        DemandResult r = await(model, null);
        assertThat(r.lines()).hasSize(5);
        assertThat(view[0].lineBox().getValue()).isEqualTo("HVAC");
        assertThat(robot.lookup("#demand-summary").queryLabeled().getText()).startsWith("Heating & cooling: ");
        TableView<?> backtest = robot.lookup("#demand-backtest").queryAs(TableView.class);
        assertThat(backtest.getItems()).isNotEmpty();
        SampleViews.save(stage, "forecast-demand-hvac.png");

        robot.interact(() -> view[0].lineBox().setValue("LAND"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#demand-summary").queryLabeled().getText()).startsWith("Landscaping: ");
        SampleViews.save(stage, "forecast-demand-landscaping.png");

        // roofing's storm months are flagged in the data checks and ringed on the chart
        robot.interact(() -> view[0].lineBox().setValue("ROOF"));
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> checks = robot.lookup("#demand-checks").queryAs(ListView.class);
        assertThat(checks.getItems())
                .anySatisfy(item -> assertThat(item.toString()).contains("2024-07"));
        SampleViews.save(stage, "forecast-demand-roofing.png");

        // the week by week capacity of the line shown: eight recorded weeks, then the forecast's
        TableView<?> weeks = robot.lookup("#demand-weeks").queryAs(TableView.class);
        javafx.scene.control.TabPane side =
                (javafx.scene.control.TabPane) weeks.getParent().getParent();
        robot.interact(() -> side.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(weeks.getItems())
                .hasSize(r.capacity().stream()
                        .filter(c -> c.skill().equals("ROOF"))
                        .findFirst()
                        .orElseThrow()
                        .weeks()
                        .size());
        assertThat(weeks.getItems()).hasSizeGreaterThan(8);
        SampleViews.save(stage, "forecast-demand-weeks.png");

        robot.interact(() -> model.methodProperty().set(Method.SNAIVE));
        DemandResult naive = await(model, r);
        assertThat(naive.lines().getFirst().jobs().forecast().chosen()).isEqualTo("snaive");
        assertThat(backtest.getItems()).isEmpty();
    }

    @Test
    void revenueShowsTheWindowsAndThePipeline(FxRobot robot) throws Exception {
        var model = StoreForecastViewModel.revenue(new FxJobRunner(), snapshots, data);
        robot.interact(() -> stage.getScene().setRoot(new RevenueView(model, saved)));
        RevenueResult r = await(model, null);
        assertThat(r.windows()).hasSize(3);
        TableView<?> windows = robot.lookup("#revenue-windows").queryAs(TableView.class);
        assertThat(windows.getItems()).hasSize(3);
        assertThat(robot.lookup("#revenue-summary").queryLabeled().getText()).startsWith("Next 30 days: ");
        SampleViews.save(stage, "forecast-revenue.png");

        // Saved, then compared in the saved-forecasts view (nothing is over yet at the data's end).
        long before = saved.changesProperty().get();
        robot.interact(() -> robot.lookup("#revenue-save").queryButton().fire());
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> saved.changesProperty().get() > before);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#revenue-status").queryLabeled().getText()).startsWith("Saved as forecast ");
        // One made at mid-year too, so the view has months to compare.
        RevenueResult midYear = RevenueAnalysis.run(
                snapshots.get(RevenueAnalysis.PARTS, JobMonitor.NONE),
                new OutlookSpec(Optional.of(LocalDate.of(2025, 6, 30)), 365, Method.AUTO),
                JobMonitor.NONE);
        ForecastLog.save(
                SampleViews.store(),
                List.of(SavedForecast.of(SavedForecast.REVENUE, midYear.jobRevenue(), midYear.asOfText(), "mid-year")));
        robot.interact(
                () -> stage.getScene().setRoot(new SavedForecastsView(saved, new FxJobRunner(), snapshots, data)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#saved-table")
                .queryAs(TableView.class)
                .getItems()
                .isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#saved-summary").queryLabeled().getText())
                .contains("compared with the data to 2025-12-31");
        List<?> runs = robot.lookup("#saved-table").queryAs(TableView.class).getItems();
        // the two saved here and the one the sample company comes with
        assertThat(runs).hasSize(3);
        ForecastAccuracy.Run first = (ForecastAccuracy.Run) runs.getFirst();
        assertThat(first.asOf()).isEqualTo("2025-06-30");
        assertThat(first.compared()).isEqualTo(6);
        assertThat(first.note()).isEqualTo("mid-year");
        SampleViews.save(stage, "forecast-saved.png");
    }

    @Test
    void cashFlowShowsFlowsAloneUntilAnOpeningBalanceIsSet(FxRobot robot) throws Exception {
        var model = StoreForecastViewModel.cashFlow(new FxJobRunner(), snapshots, data, settings);
        robot.interact(() -> stage.getScene().setRoot(new CashFlowView(model)));
        CashFlowResult flows = await(model, null);
        assertThat(flows.hasBalance()).isFalse();
        Label banner = robot.lookup("#cashflow-banner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).startsWith("No opening cash balance is set");
        SampleViews.save(stage, "forecast-cashflow-flows-only.png");

        robot.interact(() -> settings.set(BusinessSettings.DEFAULTS.with(Setting.OPENING_CASH, "250000")));
        CashFlowResult withCash = await(model, flows);
        assertThat(withCash.openingCash()).isEqualTo(250_000.0);
        assertThat(banner.isVisible()).isFalse();
        TableView<?> weeks = robot.lookup("#cashflow-weeks").queryAs(TableView.class);
        assertThat(weeks.getColumns().stream().map(c -> c.getText()).toList())
                .endsWith("Balance", "Balance, 80 % low", "Balance, 80 % high");
        SampleViews.save(stage, "forecast-cashflow-balance.png");
    }

    private static <R> R await(StoreForecastViewModel<?, R> model, R previous) throws Exception {
        WaitForAsyncUtils.waitFor(
                120,
                TimeUnit.SECONDS,
                () -> model.resultProperty().get() != null
                        && model.resultProperty().get() != previous
                        && !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return model.resultProperty().get();
    }
}
