package quant.app.imports;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import quant.core.store.DomainTable;
import quant.importers.engine.ImportResult;
import quant.importers.mapping.MappingProfile;
import quant.importers.parse.DateOrder;
import quant.importers.parse.NumberParser.DecimalMark;
import quant.importers.read.FileSniffer;
import quant.importers.read.Preview;
import quant.importers.read.ReaderSettings;

/** The import wizard window: file as read → columns → check → done. Binds to {@link ImportWizardViewModel}. */
public final class ImportWizard {
    private static final String NOT_IMPORTED = "(not imported)";
    private static final List<DomainTable> TABLES = List.of(DomainTable.values()).stream()
            .filter(DomainTable::hasSourceKey)
            .toList();

    private final ImportWizardViewModel model;
    private final java.util.function.Consumer<String> openDocument;
    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final Label steps = new Label();
    private final Label message = new Label();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");

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
        HBox buttons = new HBox(8, busy, gap, back, next);
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
        stage.setScene(new Scene(root, 980, 640));
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
        next.setText(
                switch (step) {
                    case PREVIEW, MAPPING -> "Next";
                    case SUMMARY -> "Import";
                    case RESULT -> "Close";
                });
        Node content =
                switch (step) {
                    case PREVIEW -> previewPane();
                    case MAPPING -> mappingPane();
                    case SUMMARY -> summaryPane();
                    case RESULT -> resultPane();
                };
        BorderPane.setMargin(content, new Insets(12, 0, 0, 0));
        root.setCenter(content);
    }

    // ---- 1: the file as read

    private Node previewPane() {
        Preview p = model.previewProperty().get();
        Path file = model.fileProperty().get();
        Label title = new Label(
                file == null
                        ? ""
                        : file.getFileName()
                                + (p == null ? "" : " — " + p.header().size() + " columns"));
        title.getStyleClass().add(Styles.TITLE_4);
        ReaderSettings s = model.settings();
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        ComboBox<String> encoding =
                new ComboBox<>(FXCollections.observableArrayList("UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252"));
        encoding.setValue(s.encoding());
        ComboBox<Character> delimiter = new ComboBox<>(FXCollections.observableArrayList(',', ';', '\t', '|'));
        delimiter.setConverter(converter(c -> c == null ? "" : FileSniffer.describe(c)));
        delimiter.setValue(s.delimiter());
        Spinner<Integer> header = new Spinner<>(1, 100, s.headerRowOrFirst());
        header.setPrefWidth(80);
        ComboBox<DateOrder> dates = new ComboBox<>(FXCollections.observableArrayList(DateOrder.values()));
        dates.setConverter(converter(o -> o == null
                ? "from the data"
                : switch (o) {
                    case MDY -> "month/day/year (US)";
                    case DMY -> "day/month/year";
                    case YMD -> "year-month-day (ISO)";
                }));
        dates.setValue(s.dateOrder());
        dates.setId("wizard-date-order");
        ComboBox<DecimalMark> decimals = new ComboBox<>(FXCollections.observableArrayList(DecimalMark.values()));
        decimals.setConverter(converter(d -> d == null ? "" : d == DecimalMark.DOT ? "1,234.50" : "1.234,50"));
        decimals.setValue(s.decimalMark() == null ? DecimalMark.DOT : s.decimalMark());
        ComboBox<String> sheet = new ComboBox<>(FXCollections.observableArrayList(p == null ? List.of() : p.sheets()));
        sheet.setValue(
                s.sheet() != null
                        ? s.sheet()
                        : (p == null || p.sheets().isEmpty() ? null : p.sheets().getFirst()));
        sheet.setId("wizard-sheet");
        boolean workbook = p != null && !p.sheets().isEmpty();
        int row = 0;
        if (workbook) {
            form.addRow(row++, new Label("Sheet"), sheet);
        } else {
            form.addRow(row++, new Label("Encoding"), encoding, new Label("Delimiter"), delimiter);
        }
        form.addRow(row++, new Label("Header row"), header, new Label("Dates"), dates);
        form.addRow(row, new Label("Numbers"), decimals);
        Runnable apply = () -> {
            model.changeSettings(new ReaderSettings(
                    encoding.getValue(),
                    delimiter.getValue(),
                    header.getValue(),
                    workbook ? sheet.getValue() : null,
                    dates.getValue(),
                    decimals.getValue()));
        };
        encoding.setOnAction(e -> apply.run());
        delimiter.setOnAction(e -> apply.run());
        header.valueProperty().addListener((obs, o, n) -> apply.run());
        dates.setOnAction(e -> apply.run());
        decimals.setOnAction(e -> apply.run());
        sheet.setOnAction(e -> apply.run());
        Label ambiguous = new Label(
                model.dateOrderUnknown()
                        ? "Dates in this file could be day/month or month/day: choose the date order."
                        : "");
        ambiguous.getStyleClass().add(Styles.WARNING);
        TableView<String[]> table = new TableView<>();
        table.setId("wizard-preview");
        table.getStyleClass().add(Styles.DENSE);
        if (p != null) {
            for (int i = 0; i < p.header().size(); i++) {
                int index = i;
                TableColumn<String[], String> c = new TableColumn<>(p.header().get(i));
                c.setCellValueFactory(
                        cd -> new ReadOnlyStringWrapper(index < cd.getValue().length ? cd.getValue()[index] : ""));
                c.setPrefWidth(120);
                table.getColumns().add(c);
            }
            table.getItems().setAll(p.rows());
        }
        table.setPlaceholder(
                new Label(p == null ? "The file could not be read with these settings." : "The file has no rows."));
        VBox.setVgrow(table, Priority.ALWAYS);
        Label hint = new Label("The first " + ImportWizardViewModel.PREVIEW_ROWS
                + " rows as they will be read. Change a setting if they look wrong.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(10, title, form, ambiguous, hint, table);
    }

    // ---- 2: columns

    private Node mappingPane() {
        ComboBox<DomainTable> target = new ComboBox<>(FXCollections.observableArrayList(TABLES));
        target.setId("wizard-table");
        target.setConverter(converter(t -> t == null ? "" : t.label()));
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

    // ---- 3: what will happen

    private Node summaryPane() {
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
        Path file = model.fileProperty().get();
        model.rejectsProperty()
                .set(file.resolveSibling(
                        file.getFileName().toString().replaceFirst("\\.[^.]+$", "") + "-rejected.csv"));
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

    // ---- 4: done

    private Node resultPane() {
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
        Label undo = new Label("To take this import back, use View ▸ Import history ▸ Undo.");
        undo.getStyleClass().add(Styles.TEXT_MUTED);
        box.getChildren().add(undo);
        return box;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                // The choices are not editable, so text never has to become a value.
                return null;
            }
        };
    }
}
