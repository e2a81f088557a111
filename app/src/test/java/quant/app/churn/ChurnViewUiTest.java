package quant.app.churn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
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
import quant.core.churn.ChurnRiskResult;
import quant.core.settings.BusinessSettings;
import quant.core.settings.Setting;

/** The churn-risk view on the sample company: factors, levels, calibration and the call list; photographed. */
@ExtendWith(ApplicationExtension.class)
class ChurnViewUiTest {
    private Stage stage;
    private ChurnViewModel model;
    private final java.util.concurrent.atomic.AtomicLong opened = new java.util.concurrent.atomic.AtomicLong(-1);

    private final SimpleObjectProperty<BusinessSettings> settings =
            new SimpleObjectProperty<>(BusinessSettings.DEFAULTS);

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        model = new ChurnViewModel(
                new FxJobRunner(), new SnapshotCache(SampleViews.store()), new SimpleObjectProperty<>(0), settings);
        stage.setScene(new Scene(new ChurnView(model).onOpenCustomer(opened::set), 1280, 800));
        stage.show();
    }

    @Test
    void showsTheFactorsTheLevelsAndTheCallList(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                90, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        ChurnRiskResult r = model.resultProperty().get();
        // the last year's five factors and the lasting ones and the segment the time split kept
        assertThat(robot.lookup("#churn-factors").queryAs(TableView.class).getItems())
                .hasSize(r.factors().size())
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(robot.lookup("#churn-levels").queryAs(TableView.class).getItems())
                .hasSize(3);
        TableView<?> calls = robot.lookup("#churn-calls").queryAs(TableView.class);
        assertThat(calls.getItems()).hasSize(r.activeCustomers());
        // the call list says how to reach each customer, and Enter on a row opens the customer's page
        assertThat(r.customers().getFirst().phone()).isNotBlank();
        assertThat(r.customers().getFirst().email()).contains("@");
        robot.interact(() -> {
            calls.getSelectionModel().select(0);
            calls.requestFocus();
        });
        robot.press(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.get()).isEqualTo(r.customers().getFirst().id());
        assertThat(robot.lookup("#churn-summary").queryLabeled().getText()).contains("active customers");
        SampleViews.save(stage, "churn-risk.png");
    }

    @Test
    void followsTheBusinessSettingsWhenTheyAreSaved(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                90, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        BusinessSettings stricter = BusinessSettings.DEFAULTS
                .with(Setting.HIGH_RISK_FROM, "0.6")
                .with(Setting.MEDIUM_RISK_FROM, "40 %")
                .with(Setting.INACTIVITY_DAYS, "270");
        robot.interact(() -> settings.set(stricter));
        WaitForAsyncUtils.waitFor(
                90, TimeUnit.SECONDS, () -> model.resultProperty().get().inactivityDays() == 270);
        ChurnRiskResult r = model.resultProperty().get();
        assertThat(model.inactivityDaysProperty().get()).isEqualTo(270);
        assertThat(r.levels().get(0).from()).isEqualTo(0.6);
        assertThat(r.levels().get(1).from()).isEqualTo(0.4);
        assertThat(r.customers()).allSatisfy(c -> assertThat(c.level())
                .isEqualTo(c.churnProbability() >= 0.6 ? "high" : c.churnProbability() >= 0.4 ? "medium" : "low"));
    }
}
