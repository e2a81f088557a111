package quant.app.imports;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import quant.core.store.DomainTable;
import quant.importers.mapping.MappingProfile;
import quant.importers.read.Preview;

/** Step 2 of the import wizard: the target table, the source, the row key, and which table column each file column fills, checked on the previewed rows. */
final class ColumnsStep {
    private static final String NOT_IMPORTED = "(not imported)";
    private static final List<DomainTable> TABLES = List.of(DomainTable.values()).stream()
            .filter(DomainTable::hasSourceKey)
            .toList();

    private final ImportWizardViewModel model;
    private final Window stage;

    ColumnsStep(ImportWizardViewModel model, Window stage) {
        this.model = model;
        this.stage = stage;
    }

    Node node() {
        ComboBox<DomainTable> target = new ComboBox<>(FXCollections.observableArrayList(TABLES));
        target.setId("wizard-table");
        target.setConverter(WizardText.converter(t -> t == null ? "" : t.label()));
        target.valueProperty().bindBidirectional(model.tableProperty());
        target.setPromptText("Choose a table");
        TextField source = new TextField();
        source.textProperty().bindBidirectional(model.sourceProperty());
        source.setPrefColumnCount(16);
        ComboBox<String> key = new ComboBox<>(
                FXCollections.observableArrayList(model.previewProperty().get().header()));
        key.valueProperty().bindBidirectional(model.keyColumnProperty());
        Button load = new Button("Load mapping…");
        load.setOnAction(e -> chooseProfile(false));
        Button save = new Button("Save mapping…");
        save.setOnAction(e -> chooseProfile(true));
        javafx.scene.control.MenuButton presets = new javafx.scene.control.MenuButton("Use preset");
        presets.setId("wizard-presets");
        for (String name : quant.importers.mapping.Presets.NAMES) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(name);
            item.setId("wizard-preset-" + name);
            item.setOnAction(e -> applyProfile(() -> quant.importers.mapping.Presets.load(name)));
            presets.getItems().add(item);
        }
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.addRow(0, new Label("Import into"), target, new Label("Source"), source);
        form.addRow(1, new Label("Row key"), key, load, save, presets);

        TableView<ColumnChoice> table = new TableView<>(model.columns());
        table.setId("wizard-mapping");
        table.getStyleClass().add(Styles.DENSE);
        table.setEditable(true);
        TableColumn<ColumnChoice, String> file = new TableColumn<>("File column");
        file.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().fileColumn()));
        file.setPrefWidth(180);
        TableColumn<ColumnChoice, String> sample = new TableColumn<>("First value");
        sample.setCellValueFactory(cd -> new ReadOnlyStringWrapper(firstValue(cd.getValue())));
        sample.setPrefWidth(170);
        TableColumn<ColumnChoice, String> into = new TableColumn<>("Goes into");
        into.setCellValueFactory(cd -> cd.getValue().targetProperty());
        into.setPrefWidth(200);
        into.setEditable(true);
        Runnable refreshChoices = () -> {
            List<String> choices = new ArrayList<>();
            choices.add(NOT_IMPORTED);
            model.targetColumns().forEach(c -> choices.add(c.name()));
            into.setCellFactory(col -> new ComboBoxTableCell<>(
                    new StringConverter<>() {
                        @Override
                        public String toString(String s) {
                            return s == null ? NOT_IMPORTED : s;
                        }

                        @Override
                        public String fromString(String s) {
                            return NOT_IMPORTED.equals(s) ? null : s;
                        }
                    },
                    FXCollections.observableArrayList(choices)));
        };
        refreshChoices.run();
        model.targetColumns().addListener((javafx.collections.ListChangeListener<quant.core.store.TableColumn>) c -> {
            refreshChoices.run();
            table.refresh();
        });
        into.setOnEditCommit(e -> e.getRowValue().targetProperty().set(e.getNewValue()));
        TableColumn<ColumnChoice, String> check = new TableColumn<>("Check (previewed rows)");
        check.setCellValueFactory(cd -> javafx.beans.binding.Bindings.createStringBinding(
                () -> describeCheck(cd.getValue()),
                cd.getValue().targetProperty(),
                cd.getValue().validProperty(),
                cd.getValue().invalidProperty()));
        check.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
                if (!empty && text != null && !text.isEmpty()) {
                    getStyleClass().add(text.startsWith("✓") ? Styles.SUCCESS : Styles.DANGER);
                }
            }
        });
        check.setPrefWidth(360);
        table.getColumns().setAll(List.of(file, sample, into, check));
        VBox.setVgrow(table, Priority.ALWAYS);
        Label required = new Label();
        required.getStyleClass().add(Styles.WARNING);
        Runnable updateRequired = () -> {
            List<String> missing = model.unfilledRequired();
            required.setText(
                    model.tableProperty().get() == null
                            ? "Choose the table the rows go into."
                            : missing.isEmpty() ? "" : "Still needed: " + String.join(", ", missing));
        };
        updateRequired.run();
        model.tableProperty().addListener((obs, o, n) -> updateRequired.run());
        model.columns().forEach(c -> c.targetProperty().addListener((obs, o, n) -> updateRequired.run()));
        return new VBox(10, form, table, required);
    }

    private String firstValue(ColumnChoice c) {
        Preview p = model.previewProperty().get();
        for (String[] row : p.rows()) {
            if (c.index() < row.length && !row[c.index()].isBlank()) {
                return row[c.index()];
            }
        }
        return "";
    }

    private static String describeCheck(ColumnChoice c) {
        if (c.targetProperty().get() == null) {
            return "";
        }
        if (c.invalidProperty().get() == 0) {
            return "✓ " + c.validProperty().get() + " values fit";
        }
        return c.invalidProperty().get() + " of "
                + (c.validProperty().get() + c.invalidProperty().get()) + " do not fit, e.g. "
                + c.firstProblemProperty().get();
    }

    private void chooseProfile(boolean save) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Mapping profile", "*.json"));
        if (save) {
            chooser.setInitialFileName(model.sourceProperty().get() + ".json");
            var f = chooser.showSaveDialog(stage);
            if (f != null) {
                try {
                    model.profile().write(f.toPath());
                } catch (java.io.IOException e) {
                    new javafx.scene.control.Alert(
                                    javafx.scene.control.Alert.AlertType.ERROR,
                                    "Could not save " + f + ": " + e.getMessage())
                            .showAndWait();
                }
            }
        } else {
            var f = chooser.showOpenDialog(stage);
            if (f != null) {
                applyProfile(() -> MappingProfile.read(f.toPath()));
            }
        }
    }

    /** Applies a saved mapping or a preset; one that cannot be read or used is said in a sentence. */
    private void applyProfile(java.util.function.Supplier<MappingProfile> profile) {
        try {
            model.apply(profile.get());
        } catch (quant.core.importing.ImportException e) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, e.getMessage()).showAndWait();
        }
    }
}
