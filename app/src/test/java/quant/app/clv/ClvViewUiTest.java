package quant.app.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
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
import quant.core.clv.ClvResult;
import quant.core.settings.BusinessSettings;

/** The lifetime-value view on the sample company: cards, holdout charts, tables; photographed tab by tab. */
@ExtendWith(ApplicationExtension.class)
class ClvViewUiTest {
    private Stage stage;
    private ClvViewModel model;

    private final SimpleObjectProperty<BusinessSettings> settings =
            new SimpleObjectProperty<>(BusinessSettings.DEFAULTS);

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        model = new ClvViewModel(
                new FxJobRunner(), new SnapshotCache(SampleViews.store()), new SimpleObjectProperty<>(0), settings);
        stage.setScene(new Scene(new ClvView(model), 1280, 800));
        stage.show();
    }

    @Test
    void showsEveryMethodAndTheHoldoutCheck(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                90, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        ClvResult r = model.resultProperty().get();
        assertThat(r.recommended()).isEqualTo("probabilistic");
        HBox cards = robot.lookup("#clv-cards").queryAs(HBox.class);
        assertThat(cards.getChildren()).hasSize(4);
        assertThat(robot.lookup("#clv-summary").queryLabeled().getText()).contains("holdout");
        save("clv-1-holdout.png");

        TabPane tabs = robot.lookup("#clv-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        save("clv-2-cohort-curve.png");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> customers = robot.lookup("#clv-customers").queryAs(TableView.class);
        assertThat(customers.getItems()).hasSize(r.customers());
        save("clv-3-customers.png");
        robot.interact(() -> tabs.getSelectionModel().select(4));
        WaitForAsyncUtils.waitForFxEvents();
        save("clv-4-models.png");
    }

    private void save(String name) throws Exception {
        SampleViews.save(stage, name);
    }
}
