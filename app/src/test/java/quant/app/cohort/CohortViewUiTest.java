package quant.app.cohort;

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
import quant.core.analysis.Period;
import quant.core.analysis.SnapshotCache;
import quant.core.cohort.CohortMetric;
import quant.core.cohort.CohortResult;

/** The cohort view on the sample company: it computes, draws, reacts to its controls, and is photographed. */
@ExtendWith(ApplicationExtension.class)
class CohortViewUiTest {
    private Stage stage;
    private CohortViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        model = new CohortViewModel(
                new FxJobRunner(), new SnapshotCache(SampleViews.store()), new SimpleObjectProperty<>(0));
        stage.setScene(new Scene(new CohortView(model), 1280, 800));
        stage.show();
    }

    @Test
    void showsTheSampleCompanysCohortsAndFollowsItsControls(FxRobot robot) throws Exception {
        CohortResult monthly = await(null);
        assertThat(monthly.cohorts()).hasSize(48);
        assertThat(monthly.asOf().date()).hasToString("2025-12-31");
        TableView<?> table = robot.lookup("#cohort-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(48);
        // cohort, start, size, then one column per age: the report's columns
        assertThat(table.getColumns()).hasSize(3 + 48);
        assertThat(table.getColumns().get(3).getText()).isEqualTo("Age 0");
        save("cohorts-monthly-customers.png");

        robot.interact(() -> {
            model.periodProperty().set(Period.QUARTER);
            model.metricProperty().set(CohortMetric.MARGIN);
        });
        CohortResult quarterly = await(monthly);
        while (quarterly.metric() != CohortMetric.MARGIN || quarterly.period() != Period.QUARTER) {
            quarterly = await(quarterly);
        }
        assertThat(quarterly.cohorts()).hasSize(16);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(16);
        save("cohorts-quarterly-margin.png");

        robot.interact(() -> {
            model.filter().segments().add("commercial");
            model.filter().asOfProperty().set(java.time.LocalDate.of(2025, 11, 15));
        });
        CohortResult filtered = await(quarterly);
        while (!filtered.asOf().date().toString().equals("2025-11-15")
                || filtered.customers() >= quarterly.customers()) {
            filtered = await(filtered);
        }
        assertThat(filtered.partialPeriod()).isEqualTo("2025-Q4");
        assertThat(robot.lookup("#cohort-summary").queryLabeled().getText()).contains("2025-11-15 (chosen)");
        save("cohorts-commercial-partial.png");
    }

    private CohortResult await(CohortResult previous) throws Exception {
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> model.resultProperty().get() != null
                        && model.resultProperty().get() != previous
                        && !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return model.resultProperty().get();
    }

    private void save(String name) throws Exception {
        SampleViews.save(stage, name);
    }
}
