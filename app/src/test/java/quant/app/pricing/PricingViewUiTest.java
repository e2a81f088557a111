package quant.app.pricing;

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
import quant.core.pricing.PricingResult;
import quant.core.pricing.QuoteResult;
import quant.core.settings.BusinessSettings;

/** The pricing view on the sample company: prices by line with their curve, then a quote worked out. */
@ExtendWith(ApplicationExtension.class)
class PricingViewUiTest {
    private Stage stage;
    private PricingViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        model = new PricingViewModel(
                new FxJobRunner(),
                new SnapshotCache(SampleViews.store()),
                new SimpleObjectProperty<>(0),
                new SimpleObjectProperty<>(BusinessSettings.DEFAULTS));
        stage.setScene(new Scene(new PricingView(model), 1280, 800));
        stage.show();
    }

    @Test
    void showsThePricesByLineAndWorksOutAQuote(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        PricingResult r = model.resultProperty().get();
        assertThat(r.refusal()).isNull();
        assertThat(robot.lookup("#pricing-recommendations")
                        .queryAs(TableView.class)
                        .getItems())
                .hasSize(r.recommendations().size())
                .isNotEmpty();
        SampleViews.save(stage, "pricing-by-line.png");

        TabPane tabs = robot.lookup("#pricing-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        @SuppressWarnings("unchecked")
        ComboBox<String> priority = robot.lookup("#quote-priority").queryAs(ComboBox.class);
        robot.interact(() -> priority.setValue("emergency"));
        robot.clickOn("#quote-go");
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> model.quoteProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        QuoteResult q = model.quoteProperty().get();
        assertThat(q.priority()).isEqualTo("emergency");
        assertThat(q.price()).isGreaterThan(q.beforeAdjustments());
        assertThat(robot.lookup("#quote-parts").queryAs(TableView.class).getItems())
                .hasSize(q.parts().size());
        SampleViews.save(stage, "pricing-quote.png");
    }
}
