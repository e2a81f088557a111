package quant.app.analysis;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** Table columns that show numbers right-aligned, formatted, and sort by the number. */
public final class Tables {
    private Tables() {}

    /** The theme's type size for tables (AtlantaFX's 14 px), in which headers are set bold. */
    private static final double TYPE_SIZE = 14;

    /** A header's padding: half an em each side of the title, the header's own 4 px, and the sort arrow. */
    private static final double HEADER_PADDING = TYPE_SIZE + 4 + 10;

    /**
     * The least width that shows {@code title} whole in a column header, sorted or not: the title
     * measured in the header's bold type, plus the header's padding.
     */
    public static double headerWidth(String title) {
        Text t = new Text(title);
        t.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, TYPE_SIZE));
        return Math.ceil(t.getLayoutBounds().getWidth() + HEADER_PADDING);
    }

    /**
     * Sizes {@code col}: {@code width} wide, never narrower than its header, so that a table too wide
     * for its view scrolls instead of cutting a header to "…".
     */
    public static <T, V> TableColumn<T, V> sized(TableColumn<T, V> col, double width) {
        double header = headerWidth(col.getText());
        col.setMinWidth(header);
        col.setPrefWidth(Math.max(width, header));
        return col;
    }

    /** A column of text. */
    public static <T> TableColumn<T, String> text(String title, Function<T, String> value, double width) {
        TableColumn<T, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return sized(col, width);
    }

    /** A column of numbers (null shows as "–"), sorted numerically, shown by {@code format}. */
    public static <T> TableColumn<T, Number> number(
            String title, Function<T, Number> value, Function<Double, String> format, double width) {
        TableColumn<T, Number> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setComparator((a, b) -> Double.compare(
                a == null ? Double.NEGATIVE_INFINITY : a.doubleValue(),
                b == null ? Double.NEGATIVE_INFINITY : b.doubleValue()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty ? null : n == null ? "–" : format.apply(n.doubleValue()));
            }
        });
        col.setStyle("-fx-alignment: CENTER-RIGHT;");
        return sized(col, width);
    }

    /**
     * Opens the row's customer on a double click or Enter, with a tooltip saying so: the step from a
     * list to the customer's page.
     */
    public static <T> void opensCustomer(
            javafx.scene.control.TableView<T> table,
            java.util.function.ToLongFunction<T> id,
            java.util.function.LongConsumer open) {
        table.setTooltip(
                new javafx.scene.control.Tooltip("Double-click a customer (or press Enter) to open their page"));
        table.setOnMouseClicked(e -> {
            T row = table.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && row != null) {
                open.accept(id.applyAsLong(row));
            }
        });
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            T row = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && row != null) {
                open.accept(id.applyAsLong(row));
            }
        });
    }

    /** A bold heading above a table or chart in an analysis view. */
    public static Label heading(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
