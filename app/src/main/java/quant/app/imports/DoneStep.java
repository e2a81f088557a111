package quant.app.imports;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import quant.importers.engine.ImportResult;

/** Step 4 of the import wizard: what was imported, where the rejected rows went, and how to undo it. */
final class DoneStep {
    private final ImportWizardViewModel model;
    private final java.util.function.Consumer<String> openDocument;

    DoneStep(ImportWizardViewModel model, java.util.function.Consumer<String> openDocument) {
        this.model = model;
        this.openDocument = openDocument;
    }

    Node node() {
        ImportResult r = model.resultProperty().get();
        Label headline = new Label(r.rejected() == 0 ? "Imported." : "Imported, with rejected rows.");
        headline.getStyleClass().addAll(Styles.TITLE_3, r.rejected() == 0 ? Styles.SUCCESS : Styles.WARNING);
        headline.setId("wizard-result");
        Label counts = new Label(
                "%,d rows read: %,d inserted, %,d updated, %,d unchanged, %,d rejected, in %.1f s (import run %d)."
                        .formatted(
                                r.read(),
                                r.inserted(),
                                r.updated(),
                                r.unchanged(),
                                r.rejected(),
                                r.took().toMillis() / 1000.0,
                                r.runId()));
        counts.setId("wizard-result-counts");
        VBox box = new VBox(10, headline, counts);
        if (r.rejected() > 0 && model.rejectsProperty().get() != null) {
            Path file = model.rejectsProperty().get();
            javafx.scene.control.Hyperlink rejects = new javafx.scene.control.Hyperlink(
                    "Open the rejected rows, with the reason for each (" + file.getFileName() + ")");
            rejects.setId("wizard-rejects");
            rejects.setOnAction(e -> openDocument.accept(file.toUri().toString()));
            Label where = new Label(file.toString());
            where.getStyleClass().add(Styles.TEXT_MUTED);
            box.getChildren().addAll(rejects, where);
        }
        Label undo = new Label("To take this import back, use Data ▸ Import history ▸ Undo.");
        undo.getStyleClass().add(Styles.TEXT_MUTED);
        box.getChildren().add(undo);
        return box;
    }
}
