package quant.core.report;

import java.util.Objects;

/**
 * A headline figure of a report: the value large, its name, and what it is measured against.
 *
 * @param key a stable name, lower case with dashes
 * @param label the name people read
 * @param type how the value is written
 * @param value the value (as a column of {@code type} holds it), or null when there is none
 * @param unit what a number counts in words, or ""
 * @param decimals digits after the point, or -1 for the type's default
 * @param detail a short line under the value: what it compares with or how it is made, or ""
 * @param status how it stands, or null when nothing judges it
 */
public record KeyFigure(
        String key,
        String label,
        ColumnType type,
        Object value,
        String unit,
        int decimals,
        String detail,
        Status status) {
    public KeyFigure {
        Objects.requireNonNull(key);
        Objects.requireNonNull(label);
        Objects.requireNonNull(type);
        unit = unit == null ? "" : unit;
        detail = detail == null ? "" : detail;
    }

    public static KeyFigure money(String key, String label, double value, String detail) {
        return new KeyFigure(key, label, ColumnType.MONEY, value, "", 0, detail, null);
    }

    public static KeyFigure count(String key, String label, long value, String unit, String detail) {
        return new KeyFigure(key, label, ColumnType.INTEGER, value, unit, -1, detail, null);
    }

    public static KeyFigure percent(String key, String label, double fraction, String detail) {
        return new KeyFigure(key, label, ColumnType.PERCENT, fraction, "", -1, detail, null);
    }

    public static KeyFigure decimal(String key, String label, double value, String unit, int decimals, String detail) {
        return new KeyFigure(key, label, ColumnType.DECIMAL, value, unit, decimals, detail, null);
    }

    public static KeyFigure text(String key, String label, String value, String detail) {
        return new KeyFigure(key, label, ColumnType.TEXT, value, "", -1, detail, null);
    }

    /** The same figure judged: {@code status} drawn beside it. */
    public KeyFigure judged(Status s) {
        return new KeyFigure(key, label, type, value, unit, decimals, detail, s);
    }

    /** The decimals to write: the figure's own, else the type's default. */
    public int digits() {
        return decimals >= 0 ? decimals : type.defaultDecimals();
    }
}
