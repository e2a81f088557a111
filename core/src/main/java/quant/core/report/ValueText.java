package quant.core.report;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How report values read as text, the same in the CLI, PDF and the window: thousands separators,
 * a column's decimals, percentages with their sign, ISO dates, durations in hours and minutes. Money
 * is written without its currency; headers and figures carry it ({@link #header}, {@link #figure}).
 */
public final class ValueText {
    private ValueText() {}

    /** The text of a cell: "" for no value, "–" for a number that is not finite, the mark appended. */
    public static String cell(ColumnType type, Object cell, int digits) {
        if (cell instanceof Marked m) {
            String v = cell(type, m.value(), digits);
            return v.isEmpty() ? v : v + m.mark();
        }
        if (cell == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> cell.toString();
            case INTEGER -> number(cell, 0);
            case DECIMAL, MONEY -> number(cell, digits);
            case PERCENT -> percent(cell, digits);
            case DATE -> cell instanceof LocalDate d ? d.toString() : cell.toString();
            case DURATION -> cell instanceof Duration d ? duration(d) : cell.toString();
        };
    }

    /** The text of {@code column}'s value in {@code row}. */
    public static <T> String of(Column<T> column, T row) {
        return cell(column.type(), column.cell(row), column.digits());
    }

    private static String number(Object cell, int digits) {
        if (!(cell instanceof Number n)) {
            return cell.toString();
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            return "–";
        }
        if (cell instanceof Long || cell instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", n.longValue());
        }
        String s = String.format(Locale.ROOT, "%,." + digits + "f", v);
        // no "-0" for a value that rounds to zero
        return s.startsWith("-") && s.substring(1).replaceAll("[0.,]", "").isEmpty() ? s.substring(1) : s;
    }

    private static String percent(Object cell, int digits) {
        if (!(cell instanceof Number n)) {
            return cell.toString();
        }
        double v = n.doubleValue();
        return Double.isFinite(v) ? number(100 * v, digits) + "%" : "–";
    }

    /** 65 minutes → "1 h 05 min"; 40 minutes → "40 min". */
    public static String duration(Duration d) {
        long minutes = Math.round(d.toSeconds() / 60.0);
        String sign = minutes < 0 ? "-" : "";
        minutes = Math.abs(minutes);
        return minutes < 60
                ? sign + minutes + " min"
                : String.format(Locale.ROOT, "%s%d h %02d min", sign, minutes / 60, minutes % 60);
    }

    /**
     * A column's header with its unit, as text and documents show it: "Revenue (USD)", "Tenure (days)";
     * a percentage's cells carry their own sign, so its header has none.
     */
    public static String header(Column<?> column, String currency) {
        String unit = column.type() == ColumnType.PERCENT ? "" : unit(column.type(), column.unit(), currency);
        return unit.isEmpty() ? column.title() : column.title() + " (" + unit + ")";
    }

    /** The unit a column or figure is counted in: the currency for money, "%" for percent, else its own. */
    public static String unit(ColumnType type, String unit, String currency) {
        return switch (type) {
            case MONEY -> unit.isEmpty() ? currency : unit;
            case PERCENT -> "%";
            default -> unit;
        };
    }

    /** A key figure's value with its unit: "1,360,760 USD", "52.6%", "2,957 customers". */
    public static String figure(KeyFigure f, String currency) {
        String v = cell(f.type(), f.value(), f.digits());
        if (v.isEmpty() || v.equals("–")) {
            return "–";
        }
        String unit = f.type() == ColumnType.PERCENT ? "" : unit(f.type(), f.unit(), currency);
        return unit.isEmpty() ? v : v + " " + unit;
    }
}
