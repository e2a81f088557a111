package quant.app.dashboard;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.controlsfx.control.Notifications;
import quant.app.analysis.Tables;
import quant.core.kpi.Alert;
import quant.core.kpi.AlertsResult;

/**
 * The alert centre: the open alerts, newest first, each with its level, what happened, a link to the
 * view that explains it and an "Acknowledge…" button that asks for a note; the heading counts them.
 * A check that raises new alerts announces them with a desktop notification.
 */
final class AlertPane extends VBox {
    private final Label heading = Tables.heading("Alerts");
    private final Label badge = new Label("0");
    private final VBox list = new VBox(6);
    private final Label outcome = new Label();
    private final DashboardViewModel model;
    private final Consumer<String> openAnalysis;
    private boolean first = true;

    AlertPane(DashboardViewModel model, Consumer<String> openAnalysis) {
        super(6);
        this.model = model;
        this.openAnalysis = openAnalysis;
        setId("dashboard-alerts");
        badge.setId("dashboard-alert-badge");
        badge.getStyleClass().add("dashboard-badge");
        outcome.setWrapText(true);
        outcome.getStyleClass().add("text-muted");
        outcome.managedProperty().bind(outcome.textProperty().isNotEmpty());
        HBox head = new HBox(8, heading, badge);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, list, outcome);
    }

    void show(AlertsResult alerts, List<Alert> raised) {
        List<Alert> open = alerts.alerts();
        badge.setText(String.valueOf(open.size()));
        badge.setVisible(!open.isEmpty());
        list.getChildren().clear();
        if (open.isEmpty()) {
            Label none = new Label("No open alerts: every rule is within its levels.");
            none.setWrapText(true);
            none.setMaxWidth(Double.MAX_VALUE);
            list.getChildren().add(none);
        }
        for (Alert a : open) {
            list.getChildren().add(row(a));
        }
        alerts.notes().forEach(n -> {
            Label note = new Label(n);
            note.setWrapText(true);
            list.getChildren().add(note);
        });
        // the first check after opening lists what was already there; later checks announce new ones
        if (!first && !raised.isEmpty()) {
            announce(raised);
        }
        first = false;
    }

    private HBox row(Alert a) {
        Circle dot = new Circle(5, DashboardColors.status(a.level()));
        Label level = new Label(a.level() + (a.note() == null ? "" : " · acknowledged"));
        level.getStyleClass().add("text-small");
        Label message = new Label(a.message());
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        Hyperlink open = new Hyperlink("Open the view");
        open.setOnAction(e -> openAnalysis.accept(a.view()));
        Button ack = new Button("Acknowledge…");
        ack.getStyleClass().add("small");
        ack.setId("alert-ack-" + a.id());
        ack.setDisable(a.id() == 0);
        ack.setOnAction(e -> acknowledge(a));
        HBox actions = new HBox(6, open, ack);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(2, level, message, actions);
        if (a.note() != null) {
            Label note = new Label("Note: " + a.note());
            note.setWrapText(true);
            note.getStyleClass().add("text-muted");
            text.getChildren().add(note);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, dot, text);
        row.setAlignment(Pos.TOP_LEFT);
        row.setId("alert-" + a.id());
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        return row;
    }

    private void acknowledge(Alert a) {
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Acknowledge alert");
        ask.setHeaderText(a.message());
        ask.setContentText("What is being done about it?");
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        ask.showAndWait()
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .ifPresent(note -> model.acknowledge(a.id(), note, outcome::setText));
    }

    private void announce(List<Alert> raised) {
        if (getScene() == null
                || getScene().getWindow() == null
                || !getScene().getWindow().isShowing()) {
            return;
        }
        String text = raised.size() == 1
                ? raised.getFirst().message()
                : raised.size() + " new alerts; the first: " + raised.getFirst().message();
        Notifications.create()
                .owner(getScene().getWindow())
                .title("New alert")
                .text(text)
                .onAction(e -> openAnalysis.accept(raised.getFirst().view()))
                .showWarning();
    }
}
