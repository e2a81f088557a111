package quant.app.data;

import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import quant.app.analysis.Tables;
import quant.core.store.DomainTable;

/**
 * The Data view: every table of the data model with its row count. Double-click (or Enter) opens
 * a table in a browser.
 */
public final class DataView extends BorderPane {
    public static final String ID = "data.tables";

    private final TableView<DomainTable> tables = new TableView<>();

    /** "Competitor observations" whole in the table's type. */
    private static final double NAME_WIDTH = 190;

    /**
     * Sizes the counts' column to the widest count, so that no count is cut to "16,5…", and keeps the
     * side panel from narrowing past the two columns and a scroll bar.
     */
    private void fitRows(TableColumn<DomainTable, Long> rows, Map<DomainTable, Long> counts) {
        long most = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        double width = Math.max(Tables.headerWidth(rows.getText()), Tables.headerWidth("%,d".formatted(most)));
        rows.setMinWidth(width);
        rows.setPrefWidth(width);
        setMinWidth(NAME_WIDTH + width + 16);
    }

    public DataView(ReadOnlyObjectProperty<Map<DomainTable, Long>> counts, Consumer<DomainTable> open) {
        tables.setId("data-tables");
        tables.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        tables.getItems().setAll(DomainTable.values());
        TableColumn<DomainTable, String> name = new TableColumn<>("Table");
        name.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().label()));
        name.setPrefWidth(NAME_WIDTH);
        name.setMinWidth(NAME_WIDTH); // "Competitor observations" whole, even in a narrow side panel
        TableColumn<DomainTable, Long> rows = new TableColumn<>("Rows");
        rows.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(counts.get().getOrDefault(cd.getValue(), 0L)));
        rows.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : "%,d".formatted(n));
            }
        });
        rows.setStyle("-fx-alignment: CENTER-RIGHT;");
        fitRows(rows, counts.get());
        tables.getColumns().setAll(java.util.List.of(name, rows));
        tables.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        counts.addListener((obs, o, n) -> {
            fitRows(rows, n);
            tables.refresh();
        });
        tables.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && tables.getSelectionModel().getSelectedItem() != null) {
                open.accept(tables.getSelectionModel().getSelectedItem());
            }
        });
        tables.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && tables.getSelectionModel().getSelectedItem() != null) {
                open.accept(tables.getSelectionModel().getSelectedItem());
            }
        });
        Label hint = new Label("Double-click a table to browse it.");
        hint.getStyleClass().add("text-muted");
        hint.setPadding(new Insets(6, 8, 6, 8));
        hint.setWrapText(true);
        setCenter(tables);
        setBottom(hint);
    }

    /** The row count shown for a table, as text (for tests and accessibility). */
    public String shownCount(DomainTable table) {
        int row = tables.getItems().indexOf(table);
        Object v = tables.getColumns().get(1).getCellData(row);
        return v == null ? "" : "%,d".formatted((Long) v);
    }
}
