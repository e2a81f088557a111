package quant.app.imports;

import atlantafx.base.theme.Styles;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import quant.core.runs.RunHistory;

/** Every import run with its counts and outcome; Undo takes the selected run back as a whole. */
public final class ImportHistoryView extends BorderPane {
    public static final String ID = "imports.history";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public ImportHistoryView(ImportHistoryViewModel model) {
        TableView<RunHistory.Run> table = new TableView<>(model.runs());
        table.setId("import-history");
        table.getStyleClass().add(Styles.DENSE);
        table.getColumns()
                .setAll(List.of(
                        text("Run", r -> Long.toString(r.id()), 50),
                        text("Started", r -> WHEN.format(r.startedAt()), 150),
                        text("From", RunHistory.Run::origin, 200),
                        text("Table", RunHistory.Run::table, 120),
                        number("Read", RunHistory.Run::read),
                        number("Inserted", RunHistory.Run::inserted),
                        number("Updated", RunHistory.Run::updated),
                        number("Rejected", RunHistory.Run::rejected),
                        text("Outcome", r -> r.outcome().code() + (r.undoneAt() != null ? " (undone)" : ""), 170)));
        table.setPlaceholder(new Label("No imports yet."));
        Button undo = new Button("Undo import");
        undo.setId("history-undo");
        undo.disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> table.getSelectionModel().getSelectedItem() == null
                                || !table.getSelectionModel().getSelectedItem().undoable(),
                        table.getSelectionModel().selectedItemProperty()));
        undo.setOnAction(e -> model.undo(table.getSelectionModel().getSelectedItem()));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.refresh());
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        HBox bar = new HBox(8, undo, refresh, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        setTop(bar);
        setCenter(table);
        model.refresh();
    }

    private static TableColumn<RunHistory.Run, String> text(
            String title, Function<RunHistory.Run, String> value, double width) {
        TableColumn<RunHistory.Run, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<RunHistory.Run, String> number(String title, Function<RunHistory.Run, Long> value) {
        TableColumn<RunHistory.Run, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>("%,d".formatted(value.apply(cd.getValue()))));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(80);
        return c;
    }
}
