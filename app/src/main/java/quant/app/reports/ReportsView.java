package quant.app.reports;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import quant.core.delivery.ExportAudit;
import quant.core.delivery.Schedules;

/**
 * Reports: the report packs and their editor, the schedules that deliver them while the workbench is
 * open, and the history — every scheduled run with its outcome, and every export and delivery (what,
 * when, how, where to, from where).
 */
public final class ReportsView extends BorderPane {
    public static final String ID = "reports";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    public ReportsView(ReportsViewModel model) {
        setId("reports-view");
        TabPane tabs = new TabPane(
                new Tab("Packs", new PackEditor(model)),
                new Tab("Schedules", new ScheduleEditor(model)),
                new Tab("History", history(model)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        Label message = new Label();
        message.setId("reports-message");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        HBox bottom = new HBox(message);
        bottom.setPadding(new Insets(6, 10, 6, 10));
        setCenter(tabs);
        setBottom(bottom);
        model.refresh();
    }

    private static VBox history(ReportsViewModel model) {
        TableView<Schedules.Run> runs = new TableView<>(model.runs());
        runs.setId("report-runs");
        runs.getStyleClass().add(Styles.DENSE);
        runs.getColumns()
                .setAll(List.of(
                        column("Schedule", Schedules.Run::schedule, 160),
                        column("Due", r -> when(r.due()), 130),
                        column("Ran", r -> when(r.started()), 130),
                        column("Outcome", r -> r.delivered() ? "delivered" : "failed", 80),
                        column("What happened", Schedules.Run::message, 560)));
        runs.setPlaceholder(new Label("No scheduled runs yet."));
        TableView<ExportAudit.Entry> exports = new TableView<>(model.exports());
        exports.setId("export-audit");
        exports.getStyleClass().add(Styles.DENSE);
        exports.getColumns()
                .setAll(List.of(
                        column("When", e -> when(e.at()), 130),
                        column("What", ExportAudit.Entry::what, 300),
                        column("How", e -> e.channel().key(), 60),
                        column("Where to", ExportAudit.Entry::destination, 420),
                        column("From", e -> e.origin().key(), 80)));
        exports.setPlaceholder(new Label("Nothing exported yet: exports from the window, the command line and the"
                + " schedules are listed here."));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.refreshSchedules());
        Label runsTitle = new Label("Scheduled runs");
        runsTitle.getStyleClass().add(Styles.TITLE_4);
        Label exportsTitle = new Label("Exports and deliveries");
        exportsTitle.getStyleClass().add(Styles.TITLE_4);
        SplitPane split = new SplitPane(new VBox(4, runsTitle, runs), new VBox(4, exportsTitle, exports));
        split.setOrientation(Orientation.VERTICAL);
        HBox bar = new HBox(8, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, bar, split);
        box.setPadding(new Insets(10));
        VBox.setVgrow(split, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    private static String when(Instant at) {
        return WHEN.format(at);
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
