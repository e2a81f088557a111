package quant.app.imports;

import atlantafx.base.theme.Styles;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import quant.importers.engine.ImportResult;

/** Step 3 of the import wizard: what the import would do, from a dry run over the whole file, and the choice to skip rows with problems. */
final class CheckStep {
    private final ImportWizardViewModel model;

    CheckStep(ImportWizardViewModel model) {
        this.model = model;
    }

    Node node() {
        ImportResult r = model.summaryProperty().get();
        Label headline = new Label("%,d rows read: %,d new, %,d changed, %,d unchanged, %,d with problems"
                .formatted(r.read(), r.inserted(), r.updated(), r.unchanged(), r.rejected()));
        headline.getStyleClass().add(Styles.TITLE_4);
        headline.setId("wizard-summary");
        HBox tiles = new HBox(
                12,
                tile("New", r.inserted(), Styles.SUCCESS),
                tile("Changed", r.updated(), Styles.ACCENT),
                tile("Unchanged", r.unchanged(), Styles.TEXT_MUTED),
                tile("Problems", r.rejected(), Styles.DANGER));
        ListView<String> problems = new ListView<>(FXCollections.observableArrayList(r.problems().stream()
                .map(quant.core.importing.Problem::describe)
                .toList()));
        problems.setPlaceholder(new Label("No problems: every row can be imported."));
        VBox.setVgrow(problems, Priority.ALWAYS);
        CheckBox skip = new CheckBox("Import the valid rows and write the rejected ones to a CSV file with the reason");
        skip.setId("wizard-skip");
        skip.selectedProperty().bindBidirectional(model.skipInvalidProperty());
        Label where = new Label();
        where.textProperty().bind(model.rejectsProperty().asString("Rejected rows go to %s"));
        where.visibleProperty().bind(skip.selectedProperty());
        where.getStyleClass().add(Styles.TEXT_MUTED);
        Label rule = new Label(
                r.rejected() == 0
                        ? "Nothing has been written yet. Import writes everything in one step; it can be undone from the import history."
                        : "By default nothing is written while any row has a problem.");
        rule.setWrapText(true);
        VBox box = new VBox(10, headline, tiles, new Label("Problems"), problems, skip, where, rule);
        skip.setDisable(r.rejected() == 0);
        return box;
    }

    private static Node tile(String label, long value, String style) {
        Label number = new Label("%,d".formatted(value));
        number.getStyleClass().addAll(Styles.TITLE_2, style);
        Label name = new Label(label);
        name.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(2, number, name);
        box.setPadding(new Insets(8, 16, 8, 16));
        box.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 6; -fx-background-radius: 6;");
        return box;
    }
}
