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
        return Math.ceil(textWidth(title, FontWeight.BOLD) + HEADER_PADDING);
    }

    /** A cell's padding: half an em each side, and a little air. */
    private static final double CELL_PADDING = TYPE_SIZE + 6;

    /** The rows a column measures to fit its figures: enough for every table of a view's result. */
    private static final int ROWS_MEASURED = 500;

    private static double textWidth(String s, FontWeight weight) {
        Text t = new Text(s);
        t.setFont(Font.font(Font.getDefault().getFamily(), weight, TYPE_SIZE));
        return t.getLayoutBounds().getWidth();
    }

    /**
     * Sizes {@code col}: {@code width} wide, never narrower than its header, and widened to its widest
     * figure whenever its table's rows change, so that a table too wide for its view scrolls instead
     * of cutting a header or a value to "…".
     */
    public static <T, V> TableColumn<T, V> sized(TableColumn<T, V> col, double width) {
        double header = headerWidth(col.getText());
        col.setMinWidth(header);
        col.setPrefWidth(Math.max(width, header));
        javafx.collections.ListChangeListener<T> rowsChanged = c -> fitContent(col);
        col.tableViewProperty().addListener((obs, old, table) -> {
            if (table != null) {
                table.itemsProperty().addListener((o, before, now) -> {
                    if (before != null) {
                        before.removeListener(rowsChanged);
                    }
                    if (now != null) {
                        now.addListener(rowsChanged);
                    }
                    fitContent(col);
                });
                if (table.getItems() != null) {
                    table.getItems().addListener(rowsChanged);
                }
                fitContent(col);
            }
        });
        return col;
    }

    /** Widens {@code col} to the widest of its first rows' texts as its cells show them. */
    private static <T, V> void fitContent(TableColumn<T, V> col) {
        javafx.scene.control.TableView<T> table = col.getTableView();
        if (table == null || table.getItems() == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Function<Object, String> shown = (Function<Object, String>)
                col.getProperties().getOrDefault(SHOWN, (Function<Object, String>) String::valueOf);
        double widest = 0;
        int rows = Math.min(table.getItems().size(), ROWS_MEASURED);
        for (int i = 0; i < rows; i++) {
            V v;
            try {
                v = col.getCellData(i);
            } catch (RuntimeException e) {
                // a column built for the next result, measured against rows of the last one a view has
                // not replaced yet: it is measured again when the new rows arrive
                return;
            }
            if (v != null) {
                widest = Math.max(widest, textWidth(shown.apply(v), FontWeight.NORMAL));
            }
        }
        // figures are widened to the widest; words only so far, so that one long sentence does not push
        // every figure out of sight
        double wanted = Math.ceil(widest + CELL_PADDING);
        boolean figures = col.getProperties().containsKey(SHOWN);
        if (!figures) {
            wanted = Math.min(wanted, MAX_TEXT_WIDTH);
        }
        // a table that shares out its width (a constrained policy) squeezes to the least widths: a
        // figure is never squeezed, words to no less than a short name
        double least = Math.max(headerWidth(col.getText()), figures ? wanted : Math.min(wanted, MIN_TEXT_WIDTH));
        col.setMinWidth(least);
        if (wanted > col.getPrefWidth()) {
            col.setPrefWidth(wanted);
        }
    }

    /** The least width a column of words keeps to show its texts, if they are that long. */
    private static final double MIN_TEXT_WIDTH = 160;

    /** The widest a column of words is made to fit its longest text. */
    private static final double MAX_TEXT_WIDTH = 320;

    /** The key of a column's property that holds how its cells turn a value into text. */
    private static final String SHOWN = "quant.shown";

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
        col.getProperties().put(SHOWN, (Function<Object, String>) n -> format.apply(((Number) n).doubleValue()));
        return sized(col, width);
    }

    /**
     * The window's column for a report column: its title, its values formatted as everywhere else
     * ({@link Formats} for money and percentages, {@link quant.core.report.ValueText} for the rest),
     * numbers right-aligned and sorted as numbers, dates sorted as dates.
     */
    public static <T> TableColumn<T, Object> of(quant.core.report.Column<T> c) {
        TableColumn<T, Object> col = new TableColumn<>(c.title());
        col.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(c.cell(x.getValue())));
        Function<Object, String> shown = v -> shown(c, v);
        col.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(Object v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : shown.apply(v));
            }
        });
        quant.core.report.ColumnType type = c.type();
        if (type.isNumeric() || type == quant.core.report.ColumnType.DURATION) {
            col.setStyle("-fx-alignment: CENTER-RIGHT;");
            col.getProperties().put(SHOWN, shown);
        }
        col.setComparator(Tables::compareCells);
        col.setId(c.key());
        return sized(col, type == quant.core.report.ColumnType.TEXT ? 140 : 90);
    }

    /** The window's columns for report columns, in order. */
    public static <T> java.util.List<TableColumn<T, ?>> of(java.util.List<quant.core.report.Column<T>> columns) {
        java.util.List<TableColumn<T, ?>> out = new java.util.ArrayList<>();
        for (quant.core.report.Column<T> c : columns) {
            out.add(of(c));
        }
        return out;
    }

    /** A cell's text on screen: money with the currency's symbol, percentages, the rest as in documents. */
    static String shown(quant.core.report.Column<?> c, Object v) {
        if (v == null) {
            return "";
        }
        Object plain = quant.core.report.Marked.plain(v);
        String mark = v instanceof quant.core.report.Marked m ? m.mark() : "";
        if (plain instanceof Number n) {
            double d = n.doubleValue();
            switch (c.type()) {
                case MONEY -> {
                    return (c.digits() == 0 ? Formats.money(d) : Double.isFinite(d) ? Formats.cents(d) : "–") + mark;
                }
                case PERCENT -> {
                    return Formats.percent(d) + mark;
                }
                default -> {}
            }
        }
        return quant.core.report.ValueText.cell(c.type(), v, c.digits());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareCells(Object a, Object b) {
        Object x = quant.core.report.Marked.plain(a);
        Object y = quant.core.report.Marked.plain(b);
        if (x instanceof Number n && y instanceof Number m) {
            return Double.compare(
                    Double.isNaN(n.doubleValue()) ? Double.NEGATIVE_INFINITY : n.doubleValue(),
                    Double.isNaN(m.doubleValue()) ? Double.NEGATIVE_INFINITY : m.doubleValue());
        }
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        if (x instanceof Comparable cx && x.getClass() == y.getClass()) {
            return cx.compareTo(y);
        }
        return x.toString().compareTo(y.toString());
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
