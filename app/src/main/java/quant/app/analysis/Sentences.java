package quant.app.analysis;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * A few sentences, one under the other, each wrapped to the width and shown whole over as many lines
 * as it needs, scrolling when they do not fit; a placeholder when there are none. For what an analysis
 * says in words beside its figures (recommendations, opportunities), where a list's fixed-height rows
 * would cut a sentence to "…".
 */
public final class Sentences extends ScrollPane {
    private final ObservableList<String> items = FXCollections.observableArrayList();
    private final VBox lines = new VBox(8);
    private final Label placeholder = new Label();

    public Sentences() {
        lines.setPadding(new Insets(6, 8, 6, 8));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("text-muted");
        setContent(lines);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("sentences");
        items.addListener((ListChangeListener<String>) c -> show());
        show();
    }

    /** The sentences shown, in order. */
    public ObservableList<String> getItems() {
        return items;
    }

    /** What is said when there is no sentence. */
    public void setPlaceholder(String text) {
        placeholder.setText(text);
    }

    private void show() {
        if (items.isEmpty()) {
            lines.getChildren().setAll(placeholder);
            return;
        }
        lines.getChildren()
                .setAll(items.stream()
                        .map(s -> {
                            Label l = new Label(s);
                            l.setWrapText(true);
                            l.setMinHeight(Label.USE_PREF_SIZE);
                            return l;
                        })
                        .toList());
    }
}
