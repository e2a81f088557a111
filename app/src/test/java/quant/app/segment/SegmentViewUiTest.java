package quant.app.segment;

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
import quant.core.segment.SegmentResult;

/** The segments view on the sample company: the RFM grid and segments, the clusters; photographed. */
@ExtendWith(ApplicationExtension.class)
class SegmentViewUiTest {
    private Stage stage;
    private SegmentViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        model = new SegmentViewModel(
                new FxJobRunner(), new SnapshotCache(SampleViews.store()), new SimpleObjectProperty<>(0));
        stage.setScene(new Scene(new SegmentView(model), 1280, 800));
        stage.show();
    }

    @Test
    void showsTheRfmSegmentsAndTheClusters(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                90, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        SegmentResult r = model.resultProperty().get();
        assertThat(robot.lookup("#segment-rfm").queryAs(TableView.class).getItems())
                .hasSize(7);
        SampleViews.save(stage, "segments-1-rfm.png");
        TabPane tabs = robot.lookup("#segment-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#segment-clusters").queryAs(TableView.class).getItems())
                .hasSize(r.clusters().size());
        SampleViews.save(stage, "segments-2-clusters.png");
    }
}
