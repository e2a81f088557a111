package quant.app.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import quant.app.job.FxJobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.clv.ClvResult;
import quant.core.job.JobMonitor;
import quant.core.store.Store;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/** The lifetime-value view on the sample company: cards, holdout charts, tables; photographed tab by tab. */
@ExtendWith(ApplicationExtension.class)
class ClvViewUiTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static Store store;

    private Stage stage;
    private ClvViewModel model;

    @BeforeAll
    static void sample() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        store = Store.open(Files.createTempDirectory("quant-clv").resolve("sample"));
        SampleLoader.load(store, new SampleSource(1), JobMonitor.NONE);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new ClvViewModel(new FxJobRunner(), new SnapshotCache(store), new SimpleObjectProperty<>(0));
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
        assertThat(robot.lookup("#clv-recommendation").queryLabeled().getText()).contains("holdout");
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
        var image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null))
                .get();
        ImageIO.write(
                SwingFXUtils.fromFXImage(image, null),
                "png",
                SCREENSHOTS.resolve(name).toFile());
    }
}
