package quant.app.marketing;

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
import quant.core.marketing.MarketingResult;
import quant.core.marketing.MarketingSpec;
import quant.core.settings.BusinessSettings;

/** The marketing view on the sample company, every tab photographed. */
@ExtendWith(ApplicationExtension.class)
class MarketingViewUiTest {
    private Stage stage;
    private MarketingViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        model = new MarketingViewModel(
                new FxJobRunner(),
                new SnapshotCache(SampleViews.store()),
                new SimpleObjectProperty<>(0),
                new SimpleObjectProperty<>(BusinessSettings.DEFAULTS));
        stage.setScene(new Scene(new MarketingView(model), 1280, 800));
        stage.show();
    }

    @Test
    void showsChannelsMonthsAndCampaigns(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        MarketingResult r = model.resultProperty().get();
        assertThat(r.ltvMethod()).isEqualTo("clv");
        // every channel, then the total
        assertThat(robot.lookup("#marketing-channels").queryAs(TableView.class).getItems())
                .hasSize(r.channels().size() + 1);
        assertThat(robot.lookup("#marketing-recommendations")
                        .queryAs(quant.app.analysis.Sentences.class)
                        .getItems())
                .isNotEmpty();
        SampleViews.save(stage, "marketing-channels.png");
        TabPane tabs = robot.lookup("#marketing-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "marketing-cac-by-month.png");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#marketing-campaigns").queryAs(TableView.class).getItems())
                .hasSize(r.campaigns().size())
                .isNotEmpty();
        SampleViews.save(stage, "marketing-campaigns.png");
    }

    @Test
    void switchesToTheMarginToDate(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        double predicted = model.resultProperty().get().total().ltv();
        robot.interact(() -> model.ltvProperty().set(MarketingSpec.Ltv.HISTORIC));
        WaitForAsyncUtils.waitFor(
                120,
                TimeUnit.SECONDS,
                () -> model.resultProperty().get().ltvMethod().equals("historic"));
        WaitForAsyncUtils.waitForFxEvents();
        MarketingResult r = model.resultProperty().get();
        assertThat(r.channels()).allSatisfy(c -> assertThat(c.ltvToCac())
                .isCloseTo(c.ltv() / c.cac(), org.assertj.core.api.Assertions.within(0.01)));
        // the margin to date leaves out the future margin the model predicts
        assertThat(r.total().ltv()).isLessThan(predicted);
    }
}
