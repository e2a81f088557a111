package quant.core.report;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of a report table, defined once and rendered everywhere: the window's table, the text
 * output, PDF, XLSX and CSV.
 *
 * @param key a stable name, lower case with dashes (e.g. {@code expected-value}), used in CSV headers'
 *     place when asked and by tests
 * @param title the header people read
 * @param type how values are written
 * @param unit what a number counts in words ("jobs", "days"), or "" (money takes the company's
 *     currency, percent its sign)
 * @param description what the column means, in a sentence (a tooltip on screen, a note in documents)
 * @param decimals digits after the point, or -1 for the type's default
 * @param value reads the column's value from a row (a {@link Marked} value carries a mark)
 * @param <T> the row type
 */
public record Column<T>(
        String key,
        String title,
        ColumnType type,
        String unit,
        String description,
        int decimals,
        Function<? super T, ?> value) {
    public Column {
        Objects.requireNonNull(key);
        Objects.requireNonNull(title);
        Objects.requireNonNull(type);
        Objects.requireNonNull(value);
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
    }

    public static <T> Column<T> text(String key, String title, String description, Function<? super T, ?> value) {
        return new Column<>(key, title, ColumnType.TEXT, "", description, -1, value);
    }

    public static <T> Column<T> integer(
            String key, String title, String unit, String description, Function<? super T, ?> value) {
        return new Column<>(key, title, ColumnType.INTEGER, unit, description, -1, value);
    }

    public static <T> Column<T> decimal(
            String key, String title, String unit, int decimals, String description, Function<? super T, ?> value) {
        return new Column<>(key, title, ColumnType.DECIMAL, unit, description, decimals, value);
    }

    /** Money to the cent. */
    public static <T> Column<T> money(String key, String title, String description, Function<? super T, ?> value) {
        return new Column<>(key, title, ColumnType.MONEY, "", description, -1, value);
    }

    /** Money in whole units, for amounts where cents are noise (lifetime values, forecasts). */
    public static <T> Column<T> wholeMoney(String key, String title, String description, Function<? super T, ?> value) {
        return new Column<>(key, title, ColumnType.MONEY, "", description, 0, value);
    }

    /** A fraction shown as a percentage with one decimal. */
    public static <T> Column<T> percent(String key, String title, String description, Function<? super T, ?> value) {
        return new Column<>(key, title, ColumnType.PERCENT, "", description, -1, value);
    }

    public static <T> Column<T> date(String key, String title, String description, Function<? super T, ?> value) {
        return new Column<>(key, title, ColumnType.DATE, "", description, -1, value);
    }

    public static <T> Column<T> duration(String key, String title, String description, Function<? super T, ?> value) {
        return new Column<>(key, title, ColumnType.DURATION, "", description, -1, value);
    }

    /** The decimals to write: the column's own, else the type's default. */
    public int digits() {
        return decimals >= 0 ? decimals : type.defaultDecimals();
    }

    /** The value of this column in {@code row} (may be a {@link Marked} value or null). */
    public Object cell(T row) {
        return value.apply(row);
    }

    /** The same column with another title (e.g. "Revenue" over a forecast's months). */
    public Column<T> titled(String newTitle) {
        return new Column<>(key, newTitle, type, unit, description, decimals, value);
    }
}
