package quant.app.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import quant.app.analysis.Tables;
import quant.core.routing.DayPlan;
import quant.core.routing.RoutePlan;
import quant.core.routing.RunSheets;
import quant.core.routing.WorkDay;

/**
 * Every planned stop of the day in visiting order per technician, with the job, customer, address, window
 * and times; narrowed to the selected technician, and following the job selected on the map or timeline.
 */
final class StopsTable extends TableView<StopsTable.Row> {
    /** One row: a technician's n-th stop and its job (null for a job no longer in the data). */
    record Row(String technicianId, String technician, int number, RoutePlan.Visit visit, WorkDay.Job job) {}

    private RouteColours colours;

    StopsTable(RouteViewModel model) {
        super(new FilteredList<>(FXCollections.observableArrayList()));
        setId("route-stops");
        TableColumn<Row, String> tech = Tables.text("Technician", Row::technician, 130);
        tech.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                Row row = empty ? null : getTableRow().getItem();
                setText(empty ? null : name);
                if (row == null || colours == null) {
                    setGraphic(null);
                } else {
                    Region swatch = new Region();
                    swatch.setMinSize(10, 10);
                    swatch.setMaxSize(10, 10);
                    swatch.setStyle(colours.swatch(row.technicianId()));
                    setGraphic(swatch);
                }
            }
        });
        getColumns()
                .setAll(List.of(
                        tech,
                        Tables.number("#", Row::number, v -> String.valueOf(v.intValue()), 36),
                        Tables.text(
                                "Job",
                                r -> r.job() == null
                                        ? r.visit().stopId()
                                        : r.job().ref(),
                                80),
                        Tables.text(
                                "Customer",
                                r -> r.job() == null
                                        ? r.visit().label()
                                        : r.job().customer(),
                                170),
                        Tables.text(
                                "Address", r -> r.job() == null ? "" : r.job().address(), 170),
                        Tables.text(
                                "Priority", r -> r.job() == null ? "" : r.job().priority(), 75),
                        Tables.text(
                                "Line",
                                r -> r.job() == null || r.job().line() == null
                                        ? ""
                                        : model.lineName(r.job().line()),
                                130),
                        Tables.text("Window", r -> r.job() == null ? "" : RunSheets.window(r.job()), 95),
                        Tables.text("Arrive", r -> RunSheets.clock(r.visit().arrival()), 60),
                        Tables.text(
                                "Work",
                                r -> RunSheets.clock(r.visit().start()) + "–"
                                        + RunSheets.clock(r.visit().end())
                                        + (r.visit().fixed() ? " (under way)" : ""),
                                110),
                        Tables.number(
                                "Drive min",
                                r -> r.visit().travelTime(),
                                v -> String.format(Locale.ROOT, "%.0f", v),
                                75),
                        Tables.number("km", r -> r.visit().distance(), v -> String.format(Locale.ROOT, "%.1f", v), 60),
                        Tables.number(
                                "Late min",
                                r -> r.visit().late(),
                                v -> v > 0 ? String.format(Locale.ROOT, "%.0f", v) : "",
                                70)));
        setPlaceholder(new Label("No stops planned."));
        getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                model.selectedStopProperty().set(r.visit().stopId());
            }
        });
        model.selectedTechnicianProperty().addListener((o, a, id) -> shown().setPredicate(
                        id == null ? null : r -> r.technicianId().equals(id)));
        model.selectedStopProperty().addListener((o, a, id) -> {
            for (Row r : getItems()) {
                if (r.visit().stopId().equals(id)) {
                    getSelectionModel().select(r);
                    scrollTo(r);
                    return;
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private FilteredList<Row> shown() {
        return (FilteredList<Row>) getItems();
    }

    /** Shows the plan's stops. */
    void show(DayPlan d, RouteColours colours) {
        this.colours = colours;
        Map<String, WorkDay.Job> byId = new HashMap<>();
        for (WorkDay.Job j : d.day().jobs()) {
            byId.put(String.valueOf(j.id()), j);
        }
        List<Row> rows = new ArrayList<>();
        for (RoutePlan.Route r : d.plan().routes()) {
            int n = 0;
            for (RoutePlan.Visit v : r.stops()) {
                rows.add(new Row(r.vehicleId(), r.label(), ++n, v, byId.get(v.stopId())));
            }
        }
        ((ObservableList<Row>) shown().getSource()).setAll(rows);
    }
}
