package quant.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
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
import quant.core.pipeline.PipelineResult;
import quant.core.pipeline.PipelineSpec;
import quant.core.settings.BusinessSettings;

/** The pipeline view on the sample company, every tab photographed. */
@ExtendWith(ApplicationExtension.class)
class PipelineViewUiTest {
    private Stage stage;
    private PipelineViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        model = new PipelineViewModel(
                new FxJobRunner(),
                new SnapshotCache(SampleViews.store()),
                new SimpleObjectProperty<>(0),
                new SimpleObjectProperty<>(BusinessSettings.DEFAULTS));
        stage.setScene(new Scene(new PipelineView(model), 1280, 800));
        stage.show();
    }

    @Test
    void showsEveryPartOfThePipeline(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                90, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        PipelineResult r = model.resultProperty().get();
        assertThat(robot.lookup("#pipeline-funnel").queryAs(TableView.class).getItems())
                .hasSize(r.funnel().size());
        assertThat(robot.lookup("#pipeline-groups").queryAs(TableView.class).getItems())
                .hasSize(r.groups().size())
                .isNotEmpty();
        SampleViews.save(stage, "pipeline-funnel.png");
        TabPane tabs = robot.lookup("#pipeline-tabs").queryAs(TabPane.class);
        String[] names = {"velocity", "forecast", "open-deals", "journey"};
        for (int i = 0; i < names.length; i++) {
            int tab = i + 1;
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            SampleViews.save(stage, "pipeline-" + names[i] + ".png");
        }
        assertThat(robot.lookup("#pipeline-stage-times")
                        .queryAs(TableView.class)
                        .getItems())
                .hasSize(r.stageTimes().size());
        assertThat(robot.lookup("#pipeline-months").queryAs(TableView.class).getItems())
                .hasSize(r.weightedByMonth().size());
        assertThat(robot.lookup("#pipeline-journey").queryAs(TableView.class).getItems())
                .hasSize(5);
        TableView<?> deals = robot.lookup("#pipeline-deals").queryAs(TableView.class);
        assertThat(deals.getItems()).hasSize(r.openDeals().size());
        long stalled =
                r.openDeals().stream().filter(PipelineResult.OpenDeal::stalled).count();
        assertThat(stalled).isPositive();
        robot.interact(() ->
                robot.lookup("#pipeline-stalled-only").queryAs(CheckBox.class).setSelected(true));
        assertThat(deals.getItems()).hasSize((int) stalled);
    }

    @Test
    void recomputesForAnotherBreakdown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                90, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        robot.interact(() -> model.byProperty().set(PipelineSpec.By.SOURCE));
        WaitForAsyncUtils.waitFor(
                90, TimeUnit.SECONDS, () -> model.resultProperty().get().by().equals("lead source"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pipeline-groups").queryAs(TableView.class).getItems())
                .hasSize(model.resultProperty().get().groups().size());
    }
}
