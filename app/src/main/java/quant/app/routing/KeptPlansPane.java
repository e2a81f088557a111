package quant.app.routing;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import quant.app.analysis.Formats;
import quant.app.analysis.Tables;
import quant.core.routing.KeptPlans;

/** The plans kept for the day: shown again (button or double click) or deleted after a confirmation. */
final class KeptPlansPane extends VBox {
    KeptPlansPane(RouteViewModel model) {
        super(6);
        TableView<KeptPlans.Header> table = new TableView<>(model.keptPlans());
        table.setId("route-kept");
        table.getColumns()
                .setAll(List.of(
                        Tables.text("Name", KeptPlans.Header::label, 200),
                        Tables.text(
                                "Saved",
                                h -> h.savedAt()
                                        .atZoneSameInstant(java.time.ZoneId.systemDefault())
                                        .toLocalDateTime()
                                        .withNano(0)
                                        .toString()
                                        .replace('T', ' '),
                                140),
                        Tables.number("Jobs planned", KeptPlans.Header::planned, v -> Formats.count(v.longValue()), 90),
                        Tables.number("Left out", KeptPlans.Header::leftOut, v -> Formats.count(v.longValue()), 70),
                        Tables.number("Driving min", KeptPlans.Header::travelMinutes, Formats::money, 90),
                        Tables.number("km", KeptPlans.Header::distanceKm, Formats::money, 70),
                        Tables.number("Cost", KeptPlans.Header::cost, Formats::money, 80)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No plan is kept for this day. Keep… stores the plan shown."));
        Button open = new Button("Show");
        open.setId("route-kept-open");
        open.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> model.openKept(table.getSelectionModel().getSelectedItem()));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<KeptPlans.Header> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.openKept(row.getItem());
                }
            });
            return row;
        });
        Button delete = new Button("Delete");
        delete.setId("route-kept-delete");
        delete.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> {
            KeptPlans.Header h = table.getSelectionModel().getSelectedItem();
            javafx.scene.control.Alert ask = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    "Delete the kept plan \"" + h.label() + "\"? The day's jobs are not affected.");
            ask.initOwner(getScene().getWindow());
            ask.showAndWait()
                    .filter(b -> b == javafx.scene.control.ButtonType.OK)
                    .ifPresent(b -> model.deleteKept(h));
        });
        getChildren().setAll(new ToolBar(open, delete), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        setPadding(new Insets(8));
    }
}
