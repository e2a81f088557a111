package quant.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import quant.app.SampleViews;
import quant.app.forecast.SavedForecasts;
import quant.app.job.FxJobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.kpi.Kpi;
import quant.core.settings.BusinessSettings;
import quant.core.store.Store;

/**
 * The dashboard on the sample company: the tiles fill with the KPIs of December 2025, the health score,
 * the open alerts and the summary follow; a tile opens its view; arranging tiles is kept; both themes.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardViewUiTest {
    private Stage stage;
    private DashboardViewModel model;
    private DashboardView view;
    private final List<String> opened = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Files.deleteIfExists(DashboardLayout.file());
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Store store = SampleViews.store();
        FxJobRunner jobs = new FxJobRunner();
        BusinessSettings settings = BusinessSettings.read(store);
        model = new DashboardViewModel(
                jobs,
                new SnapshotCache(store),
                new SimpleObjectProperty<>(0),
                new SimpleObjectProperty<>(settings),
                new SavedForecasts(store, jobs),
                () -> {});
        DashboardLayouts.forget();
        view = new DashboardView(model, opened::add, opened::add);
        Scene scene = new Scene(view, 1280, 800);
        scene.getRoot().getStyleClass().add("theme-light");
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTheKpisTheHealthTheAlertsAndTheSummary(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> model.boardProperty().get() != null);
        WaitForAsyncUtils.waitFor(
                90, TimeUnit.SECONDS, () -> model.summaryProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        DashboardViewModel.Board b = model.boardProperty().get();
        assertThat(b.kpis().window().label()).isEqualTo("2025-12");
        // every KPI has a tile, in five sections
        for (Kpi k : Kpi.values()) {
            assertThat(robot.lookup("#tile-" + k.id()).tryQuery()).as(k.id()).isPresent();
        }
        assertThat(robot.lookup("#dashboard-section-finance")
                        .queryAs(FlowPane.class)
                        .getChildren())
                .hasSize(3);
        // the sample's open alerts at its last day: the collections lapse
        assertThat(robot.lookup("#dashboard-alert-badge").queryAs(Label.class).getText())
                .isEqualTo("2");
        assertThat(robot.lookup("#dashboard-health-score").queryAs(Label.class).getText())
                .isEqualTo(String.valueOf(Math.round(b.health().score())));
        assertThat(model.summaryProperty().get().text()).contains("DSO is at its warning level");
        SampleViews.save(stage, "dashboard-light.png");

        robot.interact(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            stage.getScene().getRoot().getStyleClass().setAll("theme-dark");
        });
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "dashboard-dark.png");
        robot.interact(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.getScene().getRoot().getStyleClass().setAll("theme-light");
        });

        // a click on a tile opens the view that explains it
        robot.interact(() -> robot.lookup("#dashboard-tiles-scroll")
                .queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#tile-dso");
        assertThat(opened).containsExactly("receivables");
    }

    @Test
    void arrangingTheTilesIsKept(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> model.boardProperty().get() != null);
        robot.clickOn("#dashboard-arrange");
        // gross margin first among the finance tiles, revenue wide, cash runway removed
        robot.clickOn("#tile-left-gross_margin");
        robot.clickOn("#tile-wide-revenue");
        robot.interact(() -> robot.lookup("#dashboard-tiles-scroll")
                .queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#tile-remove-cash_runway");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.tileOrder().subList(0, 3)).containsExactly("gross_margin", "revenue", "operating_margin");
        assertThat(robot.lookup("#tile-cash_runway").tryQuery()).isEmpty();
        DashboardLayout saved = DashboardLayout.load();
        assertThat(saved.tiles()).noneMatch(t -> t.kpi().equals("cash_runway"));
        assertThat(saved.tiles()).anyMatch(t -> t.kpi().equals("revenue") && t.wide());
        SampleViews.save(stage, "dashboard-arranging.png");
        robot.clickOn("#dashboard-arrange");
        WaitForAsyncUtils.waitForFxEvents();
        // the tiles show their values again after the rebuild
        assertThat(robot.lookup("#tile-revenue").tryQuery()).isPresent();
        SampleViews.save(stage, "dashboard-arranged.png");
        // a new dashboard reads the kept arrangement
        assertThat(DashboardLayout.load().hidden()).containsExactly(Kpi.CASH_RUNWAY);
        Files.deleteIfExists(DashboardLayout.file());
    }
}
