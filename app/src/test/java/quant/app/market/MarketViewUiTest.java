package quant.app.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
import quant.core.market.MarketResult;
import quant.core.market.SwotBoard;
import quant.core.store.Store;

/** The market view on the sample company: share, competitors, and a SWOT board edited and saved. */
@ExtendWith(ApplicationExtension.class)
class MarketViewUiTest {
    private Stage stage;
    private MarketViewModel model;
    private Store store;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = SampleViews.store();
        model = new MarketViewModel(
                new FxJobRunner(), new SnapshotCache(store), new SimpleObjectProperty<>(0), () -> store);
        stage.setScene(new Scene(new MarketView(model), 1280, 800));
        stage.show();
    }

    @Test
    void showsShareCompetitorsAndSavesTheBoard(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                90, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> !model.boardStatusProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        MarketResult r = model.resultProperty().get();
        assertThat(robot.lookup("#market-lines").queryAs(TableView.class).getItems())
                .hasSize(r.lines().size());
        assertThat(robot.lookup("#market-opportunities")
                        .queryAs(quant.app.analysis.Sentences.class)
                        .getItems())
                .hasSize(r.opportunities().size())
                .isNotEmpty();
        SampleViews.save(stage, "market-share.png");

        TabPane tabs = robot.lookup("#market-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        // one row per competitor and segment, the metrics side by side
        long pairs = r.competitors().stream()
                .map(c -> c.competitor() + "/" + c.segment())
                .distinct()
                .count();
        assertThat(robot.lookup("#market-competitors").queryAs(TableView.class).getItems())
                .hasSize((int) pairs);
        SampleViews.save(stage, "market-competitors.png");

        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        String period = String.valueOf(r.asOf().date().getYear());
        assertThat(model.periodProperty().get()).isEqualTo(period);
        int suggested = r.suggestions().size();
        int shown = SwotBoard.QUADRANTS.stream()
                .mapToInt(q -> model.quadrant(q).size())
                .sum();
        assertThat(shown).isEqualTo(suggested);
        assertThat(model.dirtyProperty().get()).isFalse();

        TextField entry = robot.lookup("#market-swot-threats-entry").queryAs(TextField.class);
        robot.interact(() -> {
            entry.setText("A national chain is opening two branches in our area");
            entry.fireEvent(new javafx.event.ActionEvent());
        });
        robot.interact(() -> model.quadrant("weaknesses").clear());
        assertThat(model.dirtyProperty().get()).isTrue();
        SampleViews.save(stage, "market-swot.png");
        robot.interact(model::save);
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> !model.dirtyProperty().get());
        var saved = SwotBoard.read(store, period);
        assertThat(saved)
                .hasSize(shown
                        + 1
                        - (int) r.suggestions().stream()
                                .filter(s -> s.quadrant().equals("weaknesses"))
                                .count());
        assertThat(saved)
                .filteredOn(i -> i.quadrant().equals("threats"))
                .extracting(SwotBoard.Item::text)
                .contains("A national chain is opening two branches in our area");
        assertThat(saved).noneMatch(i -> i.quadrant().equals("weaknesses"));
        assertThat(model.boardStatusProperty().get()).startsWith("Saved the " + period + " board");
    }
}
