package quant.app.routing;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import quant.core.analysis.InvalidSpecException;
import quant.core.routing.DayPlanner;
import quant.core.routing.RunSheets;
import quant.core.routing.WorkDayReader;

/**
 * Asks for an urgent job to add to the day: the customer (searchable), the service line it needs,
 * its priority, hours on site and the arrival window, which starts at the re-plan time and gives two
 * hours by default. A wrong entry keeps the dialog open with the reason under the fields.
 */
final class EmergencyDialog extends Dialog<DayPlanner.Addition> {

    EmergencyDialog(Window owner, String ref, List<WorkDayReader.Customer> customers, List<String> lines, int now) {
        initOwner(owner);
        setTitle("Add emergency");
        setHeaderText("Add " + ref + " to the day and re-plan from " + RunSheets.clock(now));
        SearchableComboBox<WorkDayReader.Customer> customer =
                new SearchableComboBox<>(FXCollections.observableArrayList(customers));
        customer.setId("emergency-customer");
        customer.setConverter(new StringConverter<>() {
            @Override
            public String toString(WorkDayReader.Customer c) {
                return c == null ? "" : c.name() + " (" + c.ref() + ")";
            }

            @Override
            public WorkDayReader.Customer fromString(String s) {
                return null;
            }
        });
        customer.setPrefWidth(320);
        ComboBox<String> line = new ComboBox<>(FXCollections.observableArrayList(lines));
        line.setId("emergency-line");
        if (!lines.isEmpty()) {
            line.setValue(lines.getFirst());
        }
        ComboBox<String> priority =
                new ComboBox<>(FXCollections.observableArrayList("emergency", "high", "normal", "low"));
        priority.setId("emergency-priority");
        priority.setValue("emergency");
        Spinner<Double> hours = new Spinner<>(0.25, 12, 2, 0.25);
        hours.setId("emergency-hours");
        hours.setEditable(true);
        TextField from = new TextField(RunSheets.clock(now));
        from.setId("emergency-from");
        from.setPrefColumnCount(5);
        TextField until = new TextField(RunSheets.clock(Math.min(24 * 60 - 1, now + 120)));
        until.setId("emergency-until");
        until.setPrefColumnCount(5);
        Label error = new Label();
        error.setId("emergency-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setMaxWidth(420);

        GridPane grid = new GridPane(10, 8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Customer"), customer);
        grid.addRow(1, new Label("Service line"), line);
        grid.addRow(2, new Label("Priority"), priority);
        grid.addRow(3, new Label("Hours on site"), hours);
        grid.addRow(4, new Label("Arrive from"), from);
        grid.addRow(5, new Label("Arrive by"), until);
        grid.add(error, 0, 6, 2, 1);
        getDialogPane().setContent(grid);
        ButtonType add = new ButtonType("Add and re-plan", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);

        DayPlanner.Addition[] made = new DayPlanner.Addition[1];
        getDialogPane().lookupButton(add).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                WorkDayReader.Customer c = customer.getValue();
                if (c == null) {
                    throw new InvalidSpecException("Choose the customer the job is for.");
                }
                if (line.getValue() == null) {
                    throw new InvalidSpecException("Choose the service line the job needs.");
                }
                made[0] = new DayPlanner.Addition(
                        ref,
                        c.name(),
                        c.ref(),
                        c.address(),
                        c.lat(),
                        c.lon(),
                        line.getValue(),
                        priority.getValue(),
                        hours.getValue(),
                        minutes(from.getText(), "Arrive from"),
                        minutes(until.getText(), "Arrive by"));
            } catch (InvalidSpecException ex) {
                error.setText(ex.getMessage());
                e.consume();
            }
        });
        setResultConverter(b -> b == add ? made[0] : null);
    }

    private static int minutes(String text, String field) {
        try {
            LocalTime t = LocalTime.parse(text.strip());
            return t.getHour() * 60 + t.getMinute();
        } catch (DateTimeParseException e) {
            throw new InvalidSpecException(field + " must be a time of day like 14:30; not \"" + text.strip() + "\".");
        }
    }
}
