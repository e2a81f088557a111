package quant.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
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
import quant.core.operations.TechnicianResult;
import quant.core.operations.TechnicianSpec;
import quant.core.settings.BusinessSettings;

/** The technicians view on the sample company: league table, scorecard and key people photographed. */
@ExtendWith(ApplicationExtension.class)
class TechniciansViewUiTest {
    private Stage stage;
    private TechniciansViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        model = new TechniciansViewModel(
                new FxJobRunner(),
                new SnapshotCache(SampleViews.store()),
                new SimpleObjectProperty<>(0),
                new SimpleObjectProperty<>(BusinessSettings.DEFAULTS));
        stage.setScene(new Scene(new TechniciansView(model), 1280, 800));
        stage.show();
    }

    @Test
    void showsTheLeagueTableAScorecardAndTheKeyPeople(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TechnicianResult r = model.resultProperty().get();
        TableView<?> league = robot.lookup("#technicians-league").queryAs(TableView.class);
        assertThat(league.getItems()).hasSize(r.technicians().size() + 1);
        SampleViews.save(stage, "technicians-league.png");

        TabPane tabs = robot.lookup("#technicians-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "technicians-scores.png");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<TechnicianResult.Technician> who =
                robot.lookup("#technicians-scorecard-who").queryAs(ComboBox.class);
        TechnicianResult.Technician last = r.technicians().getLast();
        robot.interact(() -> who.setValue(last));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#technicians-months-table")
                        .queryAs(TableView.class)
                        .getItems())
                .hasSize((int) r.trend().stream()
                        .filter(m -> m.ref().equals(last.ref()))
                        .count())
                .isNotEmpty();
        SampleViews.save(stage, "technicians-scorecard.png");

        robot.interact(() -> tabs.getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#technicians-key-people")
                        .queryAs(TableView.class)
                        .getItems())
                .hasSize(r.keyPeople().size())
                .isNotEmpty();
        SampleViews.save(stage, "technicians-key-people.png");

        // by trade: one row per main trade
        robot.interact(() -> model.byProperty().set(TechnicianSpec.By.TRADE));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "trade"
                .equals(model.resultProperty().get().by()));
        robot.interact(() -> tabs.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        TechnicianResult trades = model.resultProperty().get();
        assertThat(trades.technicians())
                .extracting(TechnicianResult.Technician::ref)
                .doesNotHaveDuplicates()
                .hasSizeLessThan(r.technicians().size());
        SampleViews.save(stage, "technicians-by-trade.png");
    }
}
