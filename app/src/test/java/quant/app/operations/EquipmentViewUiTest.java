package quant.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.TilePane;
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
import quant.core.equipment.EquipmentResult;
import quant.core.settings.BusinessSettings;

/** The equipment view on the sample company: the assets with one's history, the curves, the risk chart. */
@ExtendWith(ApplicationExtension.class)
class EquipmentViewUiTest {
    private Stage stage;
    private EquipmentViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        model = new EquipmentViewModel(
                new FxJobRunner(),
                new SnapshotCache(SampleViews.store()),
                new SimpleObjectProperty<>(0),
                new SimpleObjectProperty<>(BusinessSettings.DEFAULTS));
        stage.setScene(new Scene(new EquipmentView(model), 1280, 800));
        stage.show();
    }

    @Test
    void showsTheAssetsAnAssetsHistoryTheCurvesAndTheRisks(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        EquipmentResult r = model.resultProperty().get();
        // the riskiest asset is chosen first, and its history follows
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> model.historyProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> assets = robot.lookup("#equipment-assets").queryAs(TableView.class);
        assertThat(assets.getItems()).hasSize(r.assets().size());
        EquipmentResult first = model.historyProperty().get();
        assertThat(first.assets().getFirst().ref())
                .isEqualTo(r.assets().getFirst().ref());
        assertThat(robot.lookup("#equipment-history").queryAs(TableView.class).getItems())
                .hasSize(first.events().size())
                .isNotEmpty();
        SampleViews.save(stage, "equipment-assets.png");

        // another asset: a van retired and replaced
        EquipmentResult.Asset retired = r.assets().stream()
                .filter(a -> a.state().equals("retired"))
                .findFirst()
                .orElseThrow();
        robot.interact(() -> model.assetProperty().set(retired.ref()));
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> model.historyProperty().get().assets().getFirst().ref().equals(retired.ref()));
        WaitForAsyncUtils.waitForFxEvents();

        TabPane tabs = robot.lookup("#equipment-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#equipment-curves").queryAs(TilePane.class).getChildren())
                .hasSize(r.groups().size());
        SampleViews.save(stage, "equipment-survival.png");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "equipment-risk.png");
    }
}
