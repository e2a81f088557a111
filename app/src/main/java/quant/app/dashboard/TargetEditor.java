package quant.app.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import quant.core.analysis.Commercial;
import quant.core.kpi.Kpi;

/**
 * The target editor: a year's target, warning and critical level for every KPI, in the target's own
 * unit (percent for a rate), saved as an import run of the workbench's own source.
 */
final class TargetEditor extends Dialog<ButtonType> {
    static final ButtonType SAVE = new ButtonType("Save as an import", ButtonBar.ButtonData.OK_DONE);

    /** One editable row. */
    static final class Line {
        final Kpi kpi;
        final boolean higherIsBetter;
        final SimpleStringProperty target;
        final SimpleStringProperty warning;
        final SimpleStringProperty critical;

        Line(TargetSheet.Row r) {
            kpi = r.kpi();
            higherIsBetter = r.higherIsBetter();
            target = new SimpleStringProperty(r.target());
            warning = new SimpleStringProperty(r.warning());
            critical = new SimpleStringProperty(r.critical());
        }

        TargetSheet.Row row() {
            return new TargetSheet.Row(kpi, target.get(), warning.get(), critical.get(), higherIsBetter);
        }
    }

    private final ChoiceBox<Integer> year = new ChoiceBox<>();
    private final TableView<Line> table = new TableView<>();
    private final Commercial.Targets targets;

    TargetEditor(Commercial.Targets targets, LocalDate asOf) {
        this.targets = targets;
        setTitle("KPI targets");
        setHeaderText("Targets for a year, with the levels from which a KPI is a warning or critical. Saving"
                + " imports them as a run of their own (source \"workbench\"): the import history lists it and"
                + " can undo it, and targets imported from files are left as they were.");
        TreeSet<Integer> years = new TreeSet<>();
        for (int i = 0; targets != null && i < targets.size(); i++) {
            years.add(LocalDate.ofEpochDay(targets.startDay(i)).getYear());
        }
        years.add(asOf.getYear());
        years.add(asOf.getYear() + 1);
        year.getItems().setAll(years);
        year.setValue(asOf.getYear());
        year.setId("targets-year");
        year.valueProperty().addListener(x -> load());
        table.setId("targets-table");
        table.setEditable(true);
        table.setPrefSize(760, 520);
        TableColumn<Line, String> name = new TableColumn<>("KPI");
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().kpi.title()));
        name.setPrefWidth(210);
        TableColumn<Line, String> unit = new TableColumn<>("Unit");
        unit.setCellValueFactory(c -> new SimpleStringProperty(unitWords(c.getValue().kpi)));
        unit.setPrefWidth(130);
        TableColumn<Line, String> better = new TableColumn<>("Better");
        better.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().higherIsBetter ? "higher" : "lower"));
        table.getColumns()
                .setAll(List.of(
                        name,
                        unit,
                        better,
                        editable("Target", l -> l.target),
                        editable("Warning at", l -> l.warning),
                        editable("Critical at", l -> l.critical)));
        Label hint = new Label("A blank target leaves the KPI as it is; blank levels are set 10 % and 20 % off"
                + " the target (the kpi.warningVariance and kpi.criticalVariance settings).");
        hint.setWrapText(true);
        getDialogPane().setContent(new VBox(8, new HBox(8, new Label("Year"), year), table, hint));
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        load();
    }

    private static TableColumn<Line, String> editable(
            String title, java.util.function.Function<Line, SimpleStringProperty> field) {
        TableColumn<Line, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> field.apply(x.getValue()));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(e -> field.apply(e.getRowValue()).set(e.getNewValue() == null ? "" : e.getNewValue()));
        c.setPrefWidth(100);
        return c;
    }

    static String unitWords(Kpi k) {
        if (k.targetInPercent()) {
            return "percent";
        }
        return (k.isFlow() ? "per month, " : "") + k.unit().key();
    }

    private void load() {
        ObservableList<Line> lines = FXCollections.observableArrayList();
        for (TargetSheet.Row r : TargetSheet.of(targets, year.getValue())) {
            lines.add(new Line(r));
        }
        table.setItems(lines);
    }

    int year() {
        return year.getValue();
    }

    List<TargetSheet.Row> rows() {
        List<TargetSheet.Row> out = new ArrayList<>();
        table.getItems().forEach(l -> out.add(l.row()));
        return out;
    }
}
