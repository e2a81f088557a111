package quant.app.imports;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import quant.importers.parse.DateOrder;
import quant.importers.parse.NumberParser.DecimalMark;
import quant.importers.read.FileSniffer;
import quant.importers.read.Preview;
import quant.importers.read.ReaderSettings;

/** Step 1 of the import wizard: the file as it will be read, with the reader settings to change. */
final class FileStep {
    private final ImportWizardViewModel model;

    FileStep(ImportWizardViewModel model) {
        this.model = model;
    }

    Node node() {
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
        delimiter.setConverter(WizardText.converter(c -> c == null ? "" : FileSniffer.describe(c)));
        delimiter.setValue(s.delimiter());
        Spinner<Integer> header = new Spinner<>(1, 100, s.headerRowOrFirst());
        header.setPrefWidth(80);
        ComboBox<DateOrder> dates = new ComboBox<>(FXCollections.observableArrayList(DateOrder.values()));
        dates.setConverter(WizardText.converter(o -> o == null
                ? "from the data"
                : switch (o) {
                    case MDY -> "month/day/year (US)";
                    case DMY -> "day/month/year";
                    case YMD -> "year-month-day (ISO)";
                }));
        dates.setValue(s.dateOrder());
        dates.setId("wizard-date-order");
        ComboBox<DecimalMark> decimals = new ComboBox<>(FXCollections.observableArrayList(DecimalMark.values()));
        decimals.setConverter(
                WizardText.converter(d -> d == null ? "" : d == DecimalMark.DOT ? "1,234.50" : "1.234,50"));
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
}
