package quant.app.imports;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The import wizard window: file as read → columns → check → done. Binds to {@link ImportWizardViewModel}. */
public final class ImportWizard {
    private final ImportWizardViewModel model;
    private final java.util.function.Consumer<String> openDocument;
    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final Label steps = new Label();
    private final Label message = new Label();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Button cancel = new Button("Cancel");

    /**
     * @param openDocument opens a file in the program the system has for it (the rejects CSV)
     */
    public ImportWizard(ImportWizardViewModel model, Window owner, java.util.function.Consumer<String> openDocument) {
        this.model = model;
        this.openDocument = openDocument;
        stage.initOwner(owner);
        stage.setTitle("Import data");
        root.setPadding(new Insets(14));
        root.setId("import-wizard");
        steps.getStyleClass().add(Styles.TEXT_BOLD);
        steps.setId("wizard-steps");
        message.setId("wizard-message");
        message.getStyleClass().add(Styles.DANGER);
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        back.setId("wizard-back");
        next.setId("wizard-next");
        next.setDefaultButton(true);
        back.setOnAction(e -> model.back());
        next.setOnAction(e -> forward());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.busyProperty());
        back.disableProperty().bind(model.busyProperty());
        next.disableProperty().bind(model.busyProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        cancel.setId("wizard-cancel");
        cancel.setCancelButton(true); // Escape
        cancel.setOnAction(e -> stage.close());
        cancel.disableProperty().bind(model.busyProperty());
        cancel.setTooltip(new javafx.scene.control.Tooltip(
                "Close the wizard; nothing is imported (while an import runs, Cancel in the status bar stops it)"));
        HBox buttons = new HBox(8, busy, gap, cancel, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox bottom = new VBox(8, message, buttons);
        bottom.setPadding(new Insets(10, 0, 0, 0));
        root.setTop(steps);
        root.setBottom(bottom);
        model.stepProperty().addListener((obs, o, s) -> show());
        model.previewProperty().addListener((obs, o, p) -> {
            if (model.stepProperty().get() == ImportWizardViewModel.Step.PREVIEW) {
                show();
            }
        });
        Scene scene = new Scene(root, 980, 640);
        scene.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE
                    && !model.busyProperty().get()) {
                stage.close();
                e.consume();
            }
        });
        stage.setScene(scene);
        show();
    }

    public Stage stage() {
        return stage;
    }

    /** The wizard's state, e.g. to apply a mapping chosen elsewhere. */
    public ImportWizardViewModel model() {
        return model;
    }

    public Node root() {
        return root;
    }

    /** Opens the wizard on a file. */
    public void open(Path file) {
        model.open(file);
        stage.show();
        stage.toFront();
    }

    private void forward() {
        switch (model.stepProperty().get()) {
            case PREVIEW -> model.toMapping();
            case MAPPING -> model.toSummary();
            case SUMMARY -> model.runImport();
            case RESULT -> stage.close();
        }
    }

    private void show() {
        ImportWizardViewModel.Step step = model.stepProperty().get();
        String[] names = {"1 File", "2 Columns", "3 Check", "4 Done"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            parts.add(i == step.ordinal() ? "▶ " + names[i] : names[i]);
        }
        steps.setText(String.join("    ", parts));
        back.setVisible(step == ImportWizardViewModel.Step.MAPPING || step == ImportWizardViewModel.Step.SUMMARY);
        cancel.setVisible(step != ImportWizardViewModel.Step.RESULT);
        cancel.setManaged(step != ImportWizardViewModel.Step.RESULT);
        next.setText(
                switch (step) {
                    case PREVIEW, MAPPING -> "Next";
                    case SUMMARY -> "Import";
                    case RESULT -> "Close";
                });
        Node content =
                switch (step) {
                    case PREVIEW -> new FileStep(model).node();
                    case MAPPING -> new ColumnsStep(model, stage).node();
                    case SUMMARY -> new CheckStep(model).node();
                    case RESULT -> new DoneStep(model, openDocument).node();
                };
        BorderPane.setMargin(content, new Insets(12, 0, 0, 0));
        root.setCenter(content);
    }
}
