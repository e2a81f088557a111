package quant.app.analysis;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What every analysis view has around its figures: the body, an empty state in its place when there
 * is nothing to show, a busy indicator while it computes, a summary line, the last error in one
 * sentence, and the definitions (collapsed). Installs itself as the view's center and bottom.
 *
 * <p>The body fills the view and scrolls when the view is smaller than its least size: charts keep a
 * readable size ({@code ChartThemes}) and tables their columns, so a small window or a narrow dock
 * shows scroll bars instead of squeezing the figures together.
 */
public final class AnalysisFrame {
    private final ScrollPane body;
    private final Label empty = new Label();
    private final Label summary = new Label();
    private final Label definitions = new Label();

    /**
     * @param result the view model's result: when a computation fails before any result exists, the
     *     error takes the body's place
     */
    public AnalysisFrame(
            BorderPane view,
            Node body,
            String idPrefix,
            ReadOnlyBooleanProperty running,
            ReadOnlyStringProperty message,
            ReadOnlyObjectProperty<?> result) {
        ChartExport.install(body);
        this.body = new ScrollPane(body);
        this.body.setFitToWidth(true);
        this.body.setFitToHeight(true);
        this.body.setId(idPrefix + "-scroll");
        empty.setWrapText(true);
        empty.setMaxWidth(520);
        empty.setVisible(false);
        empty.setId(idPrefix + "-empty");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(48, 48);
        busy.visibleProperty().bind(running);
        StackPane center = new StackPane(this.body, empty, busy);
        StackPane.setAlignment(busy, Pos.TOP_RIGHT);
        StackPane.setMargin(busy, new Insets(12));
        view.setCenter(center);

        summary.setId(idPrefix + "-summary");
        summary.setWrapText(true);
        summary.setPadding(new Insets(4, 8, 4, 8));
        Label error = new Label();
        error.textProperty().bind(message);
        error.getStyleClass().add("danger");
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        definitions.setWrapText(true);
        TitledPane defs = new TitledPane("Definitions", definitions);
        defs.setExpanded(false);
        defs.setId(idPrefix + "-definitions");
        view.setBottom(new VBox(summary, error, defs));
        message.addListener((obs, o, m) -> {
            if (!m.isEmpty() && result.get() == null) {
                showEmpty(m);
            }
        });
    }

    /** Shows {@code text} where the figures would be. */
    public void showEmpty(String text) {
        empty.setText(text);
        empty.setVisible(true);
        body.setVisible(false);
    }

    /** Shows the figures. */
    public void showBody() {
        empty.setVisible(false);
        body.setVisible(true);
    }

    public void setSummary(String text) {
        summary.setText(text);
    }

    public void setDefinitions(List<String> lines) {
        definitions.setText(String.join("\n", lines));
    }
}
