package quant.app.reports;

import atlantafx.base.theme.Styles;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.converter.IntegerStringConverter;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.InvalidSpecException;
import quant.core.pack.PackAnalyses;
import quant.core.pack.PackDefinition;
import quant.core.pack.PackDefinitions;

/**
 * The report editor: the definitions on the left; on the right the identity (title, company, logo,
 * accent colour, paper, orientation), the period, the customer filter, cover/contents/definitions, and
 * the sections — switched on and off, moved up and down (Alt+Up, Alt+Down), added and removed, their
 * chapter, title and rows edited in place. Make pack… (Ctrl+Enter) writes the PDF and, when asked, its
 * workbook and slides; Save as… keeps a copy among the user's definitions.
 */
final class PackEditor extends SplitPane {
    private static final List<String> PERIODS =
            List.of("last-month", "ytd", "last-week", "month:2025-12", "quarter:2025-Q4");

    private final ReportsViewModel model;
    private final TextField title = new TextField();
    private final TextField company = new TextField();
    private final TextField logo = new TextField();
    private final ColorPicker accent = new ColorPicker();
    private final ComboBox<String> paper = new ComboBox<>(FXCollections.observableArrayList("setting", "a4", "letter"));
    private final ComboBox<String> orientation =
            new ComboBox<>(FXCollections.observableArrayList("portrait", "landscape"));
    private final ComboBox<String> period = new ComboBox<>(FXCollections.observableArrayList(PERIODS));
    private final CheckBox cover = new CheckBox("Cover");
    private final CheckBox contents = new CheckBox("Contents");
    private final CheckBox definitions = new CheckBox("Definitions");
    private final TextField channels = new TextField();
    private final TextField segments = new TextField();
    private final TextField cities = new TextField();
    private final TextField lines = new TextField();
    private final ObservableList<SectionRow> rows = FXCollections.observableArrayList();
    private final TableView<SectionRow> table = new TableView<>(rows);
    private final CheckBox withXlsx = new CheckBox("with its workbook");
    private final CheckBox withPptx = new CheckBox("and slides");
    private PackDefinition loaded;

    PackEditor(ReportsViewModel model) {
        this.model = model;
        setId("pack-editor");
        ListView<ReportsViewModel.Item> list = new ListView<>(model.items());
        list.setId("pack-definitions");
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != model.selectedProperty().get()) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            list.getSelectionModel().select(b);
            if (b != null) {
                load(b.definition());
            }
        });
        list.setPrefWidth(180);
        list.setMinWidth(140);
        VBox right = new VBox(10, form(), sections(), actions());
        right.setPadding(new Insets(10));
        VBox.setVgrow(table, Priority.ALWAYS);
        getItems().setAll(list, right);
        setDividerPositions(0.16);
    }

    private GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        title.setId("pack-title");
        company.setPromptText("the company.name setting");
        logo.setPromptText("a .png or .svg file");
        Button chooseLogo = new Button("Choose…");
        chooseLogo.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Logo");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG or SVG", "*.png", "*.svg"));
            java.io.File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                logo.setText(f.getAbsolutePath());
            }
        });
        period.setEditable(true);
        period.setId("pack-period");
        period.setTooltip(new Tooltip(
                "last-month, month:YYYY-MM, quarter:YYYY-Qn, ytd or last-week, at the data's" + " as-of date"));
        for (TextField f : List.of(channels, segments, cities, lines)) {
            f.setPromptText("all (or names, separated by commas)");
        }
        int r = 0;
        g.addRow(r++, new Label("Title"), title, new Label("Company"), company);
        g.addRow(r++, new Label("Logo"), new HBox(6, logo, chooseLogo), new Label("Accent"), accent);
        g.addRow(r++, new Label("Paper"), paper, new Label("Orientation"), orientation);
        javafx.scene.layout.FlowPane include = new javafx.scene.layout.FlowPane(12, 4, cover, contents, definitions);
        g.addRow(r++, new Label("Period"), period, new Label("Include"), include);
        g.addRow(r++, new Label("Channels"), channels, new Label("Segments"), segments);
        g.addRow(r, new Label("Cities"), cities, new Label("First service lines"), lines);
        HBox.setHgrow(logo, Priority.ALWAYS);
        chooseLogo.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        for (TextField f : List.of(title, company, channels, segments, cities, lines)) {
            GridPane.setHgrow(f, Priority.ALWAYS);
        }
        Forms.keepLabels(g);
        return g;
    }

    private VBox sections() {
        table.setId("pack-sections");
        table.setEditable(true);
        table.getStyleClass().add(Styles.DENSE);
        TableColumn<SectionRow, Boolean> on = new TableColumn<>("On");
        on.setCellValueFactory(c -> c.getValue().on);
        on.setCellFactory(CheckBoxTableCell.forTableColumn(on));
        on.setPrefWidth(44);
        TableColumn<SectionRow, String> chapter = new TableColumn<>("Chapter");
        chapter.setCellValueFactory(c -> c.getValue().chapter);
        chapter.setCellFactory(TextFieldTableCell.forTableColumn());
        chapter.setPrefWidth(170);
        TableColumn<SectionRow, String> heading = new TableColumn<>("Title");
        heading.setCellValueFactory(c -> c.getValue().title);
        heading.setCellFactory(TextFieldTableCell.forTableColumn());
        heading.setPrefWidth(240);
        TableColumn<SectionRow, String> analysis = new TableColumn<>("Analysis");
        analysis.setCellValueFactory(c ->
                new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().analysis()));
        analysis.setPrefWidth(130);
        TableColumn<SectionRow, Integer> max = new TableColumn<>("Rows");
        max.setCellValueFactory(c -> c.getValue().rows.asObject());
        max.setCellFactory(TextFieldTableCell.forTableColumn(new IntegerStringConverter() {
            @Override
            public Integer fromString(String s) {
                try {
                    return Math.max(1, Math.min(500, super.fromString(s.strip())));
                } catch (RuntimeException e) {
                    return 15;
                }
            }
        }));
        max.setPrefWidth(60);
        table.getColumns().setAll(List.of(on, chapter, heading, analysis, max));
        table.setPlaceholder(new Label("No sections: add one below."));
        Button up = new Button("Move up");
        up.setOnAction(e -> move(-1));
        Button down = new Button("Move down");
        down.setOnAction(e -> move(1));
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                move(e.getCode() == KeyCode.UP ? -1 : 1);
                e.consume();
            }
        });
        ComboBox<String> add = new ComboBox<>(FXCollections.observableArrayList(PackAnalyses.ids()));
        add.setPromptText("analysis");
        Button addButton = new Button("Add section");
        addButton.disableProperty().bind(add.valueProperty().isNull());
        addButton.setOnAction(e -> {
            PackDefinition.Section s = new PackDefinition.Section(
                    add.getValue(),
                    chapterOfSelection(),
                    "",
                    "",
                    PackDefinition.Selection.ALL,
                    PackDefinition.Selection.ALL,
                    PackDefinition.Selection.ALL,
                    15,
                    true);
            int at = table.getSelectionModel().getSelectedIndex();
            rows.add(at < 0 ? rows.size() : at + 1, new SectionRow(s));
            table.getSelectionModel().select(at < 0 ? rows.size() - 1 : at + 1);
        });
        Button remove = new Button("Remove");
        remove.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> rows.remove(table.getSelectionModel().getSelectedItem()));
        HBox bar = new HBox(6, up, down, new Label("  "), add, addButton, remove);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Sections: switch on or off, edit chapter, title and rows in place; Alt+Up and"
                + " Alt+Down move the selected one.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(6, hint, table, bar);
    }

    private String chapterOfSelection() {
        SectionRow r = table.getSelectionModel().getSelectedItem();
        return r == null ? "" : r.chapter.get();
    }

    private void move(int by) {
        int i = table.getSelectionModel().getSelectedIndex();
        int j = i + by;
        if (i < 0 || j < 0 || j >= rows.size()) {
            return;
        }
        SectionRow r = rows.remove(i);
        rows.add(j, r);
        table.getSelectionModel().select(j);
    }

    private HBox actions() {
        Button make = new Button("Make pack…");
        make.setId("pack-make");
        make.getStyleClass().add(Styles.ACCENT);
        make.setDefaultButton(false);
        make.setOnAction(e -> make());
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getAccelerators()
                        .put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), this::make);
            }
        });
        withXlsx.setSelected(true);
        Button saveAs = new Button("Save as…");
        saveAs.setId("pack-save-as");
        saveAs.setOnAction(e -> saveAs());
        Button save = new Button("Save");
        save.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.selectedProperty().get() == null
                                || model.selectedProperty().get().shipped(),
                        model.selectedProperty()));
        save.setOnAction(e -> current()
                .ifPresent(d -> model.save(d, model.selectedProperty().get().name())));
        Button delete = new Button("Delete");
        delete.disableProperty().bind(save.disableProperty());
        delete.setOnAction(e -> model.delete(model.selectedProperty().get()));
        HBox bar = new HBox(8, make, withXlsx, withPptx, new Label("   "), saveAs, save, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void make() {
        current().ifPresent(d -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Make the " + d.title());
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
            fc.setInitialFileName(d.name() + ".pdf");
            java.io.File f = fc.showSaveDialog(getScene().getWindow());
            if (f != null) {
                Path p = f.toPath();
                if (!p.getFileName()
                        .toString()
                        .toLowerCase(java.util.Locale.ROOT)
                        .endsWith(".pdf")) {
                    p = p.resolveSibling(p.getFileName() + ".pdf");
                }
                model.make(d, p, withXlsx.isSelected(), withPptx.isSelected());
            }
        });
    }

    private void saveAs() {
        current().ifPresent(d -> {
            TextInputDialog ask = new TextInputDialog(d.name() + "-copy");
            ask.setTitle("Save the definition");
            ask.setHeaderText("Save it among your definitions in " + model.folder() + " as:");
            ask.initOwner(getScene().getWindow());
            ask.showAndWait().ifPresent(name -> model.save(d, name));
        });
    }

    private void load(PackDefinition d) {
        loaded = d;
        title.setText(d.title());
        company.setText(d.company());
        logo.setText(
                d.logo().isEmpty() || d.folder() == null
                        ? d.logo()
                        : d.folder().resolve(d.logo()).toString());
        Color c = Color.decode(d.accent());
        accent.setValue(javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
        paper.setValue(d.paper().isEmpty() ? "setting" : d.paper());
        orientation.setValue(d.landscape() ? "landscape" : "portrait");
        period.setValue(d.period());
        cover.setSelected(d.cover());
        contents.setSelected(d.contents());
        definitions.setSelected(d.definitions());
        channels.setText(String.join(", ", d.filters().channels()));
        segments.setText(String.join(", ", d.filters().segments()));
        cities.setText(String.join(", ", d.filters().cities()));
        lines.setText(String.join(", ", d.filters().firstServiceLines()));
        rows.setAll(d.sections().stream().map(SectionRow::new).toList());
    }

    /** The definition as edited, checked as a file would be; empty (with the mistake shown) when it is wrong. */
    java.util.Optional<PackDefinition> current() {
        if (loaded == null) {
            return java.util.Optional.empty();
        }
        javafx.scene.paint.Color c = accent.getValue();
        String hex = String.format(
                "#%02x%02x%02x",
                Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
        PackDefinition d = new PackDefinition(
                loaded.name(),
                title.getText() == null ? "" : title.getText().strip(),
                company.getText() == null ? "" : company.getText().strip(),
                logo.getText() == null ? "" : logo.getText().strip(),
                loaded.folder(),
                hex,
                paper.getValue() == null || paper.getValue().equals("setting") ? "" : paper.getValue(),
                "landscape".equals(orientation.getValue()),
                period.getValue() == null ? "" : period.getValue().strip(),
                new CustomerFilter(names(channels), names(segments), names(cities), names(lines)),
                cover.isSelected(),
                contents.isSelected(),
                definitions.isSelected(),
                rows.stream().map(SectionRow::section).toList());
        try {
            return java.util.Optional.of(
                    PackDefinitions.parse(PackDefinitions.toJson(d), "being edited", d.name(), d.folder()));
        } catch (InvalidSpecException e) {
            model.say(e.getMessage().replace("The report definition being edited", "The definition"));
            return java.util.Optional.empty();
        }
    }

    private static Set<String> names(TextField f) {
        String t = f.getText() == null ? "" : f.getText();
        return Arrays.stream(t.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
