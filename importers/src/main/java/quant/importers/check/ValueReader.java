package quant.importers.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import quant.core.store.ColumnType;
import quant.core.store.TableColumn;
import quant.importers.parse.DateOrder;
import quant.importers.parse.DateParser;
import quant.importers.parse.NumberParser;

/**
 * Turns a cell's text into the value a column of a given SQL type holds, or explains in one
 * sentence why it cannot.
 */
public final class ValueReader {
    /** A typed value, or the reason there is none. */
    public record Read(Object value, String problem) {
        static Read ok(Object v) {
            return new Read(v, null);
        }

        static Read fail(String reason) {
            return new Read(null, reason);
        }
    }

    private final NumberParser numbers;
    private final DateParser dates;
    private final DateOrder order;
    private final boolean roundExtraDecimals;

    public ValueReader(NumberParser.DecimalMark mark, DateOrder order, ZoneId zone) {
        this(mark, order, zone, false);
    }

    /**
     * @param roundExtraDecimals round numbers with more decimals than their column keeps half-even
     *     (the profile's {@code "extraDecimals": "ROUND_HALF_EVEN"}) instead of refusing them
     */
    public ValueReader(NumberParser.DecimalMark mark, DateOrder order, ZoneId zone, boolean roundExtraDecimals) {
        this.numbers = new NumberParser(mark);
        this.order = order;
        this.dates = new DateParser(order == null ? DateOrder.YMD : order, zone);
        this.roundExtraDecimals = roundExtraDecimals;
    }

    /**
     * Reads {@code text} for a column.
     *
     * @param column the column's name: {@code lat}/{@code lon} (and {@code *_lat}/{@code *_lon}) are
     *     checked against the ranges of latitudes and longitudes
     * @param precision digits of a DECIMAL, or the longest text
     * @param scale decimals of a DECIMAL
     */
    public Read read(String text, TableColumn column) {
        return read(text, column.name(), column.type(), column.precision(), column.scale());
    }

    Read read(String text, String column, ColumnType type, int precision, int scale) {
        try {
            return switch (type) {
                case DECIMAL ->
                    numbers.parse(text).map(v -> decimal(v, precision, scale)).orElseGet(() -> notA("number"));
                case REAL -> numbers.parse(text).map(v -> real(v, column)).orElseGet(() -> notA("number"));
                case INTEGER, BIGINT -> whole(text, type);
                case DATE ->
                    dates.parseDate(text).map(v -> inYears(v.getYear(), v)).orElseGet(this::notADate);
                case TIMESTAMP ->
                    dates.parseDateTime(text).map(v -> inYears(v.getYear(), v)).orElseGet(this::notADate);
                case TIME ->
                    DateParser.parseTime(text).map(v -> Read.ok((Object) v)).orElseGet(() -> notA("time of day"));
                case BOOLEAN -> bool(text);
                case TEXT, TIMESTAMP_WITH_ZONE, OTHER -> text(text, precision);
            };
        } catch (DateTimeException | ArithmeticException e) {
            return Read.fail("is outside the range of dates and numbers the workbench keeps");
        }
    }

    /** Business records lie between the years 1 and 9999; anything else is a typo or an attack. */
    private static Read inYears(int year, Object value) {
        return year >= 1 && year <= 9999 ? Read.ok(value) : Read.fail("is outside the years 1 to 9999");
    }

    private static Read text(String text, int maxLength) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isISOControl(ch) && ch != '\t' && ch != '\n' && ch != '\r') {
                return Read.fail("contains the control character U+" + String.format("%04X", (int) ch)
                        + ", which text may not hold");
            }
        }
        return text.length() > maxLength && maxLength > 0
                ? Read.fail("is longer than " + maxLength + " characters")
                : Read.ok(text);
    }

    private Read decimal(BigDecimal v, int precision, int scale) {
        BigDecimal value = v;
        if (scale >= 0 && value.scale() > scale) {
            BigDecimal trimmed = value.stripTrailingZeros();
            if (trimmed.scale() > scale) {
                if (!roundExtraDecimals) {
                    return Read.fail("has more decimals than the column keeps (" + scale
                            + "); round it in the file, or set \"extraDecimals\": \"ROUND_HALF_EVEN\" in the mapping");
                }
                value = value.setScale(scale, RoundingMode.HALF_EVEN);
            } else {
                value = trimmed.setScale(scale, RoundingMode.UNNECESSARY);
            }
        }
        if (precision > 0 && scale >= 0 && value.precision() - value.scale() > precision - scale) {
            return Read.fail("is too large for the column (at most " + (precision - scale) + " digits before the"
                    + " decimal mark)");
        }
        return Read.ok(value);
    }

    private static Read real(BigDecimal v, String column) {
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            return Read.fail("is too large a number");
        }
        String name = column.toLowerCase(Locale.ROOT);
        if ((name.equals("lat") || name.endsWith("_lat")) && Math.abs(d) > 90) {
            return Read.fail("is not a latitude (from -90 to 90)");
        }
        if ((name.equals("lon") || name.endsWith("_lon")) && Math.abs(d) > 180) {
            return Read.fail("is not a longitude (from -180 to 180)");
        }
        return Read.ok(d);
    }

    private Read whole(String text, ColumnType type) {
        return numbers.parse(text)
                .map(v -> {
                    try {
                        BigDecimal exact = v.stripTrailingZeros();
                        long l = exact.longValueExact();
                        if (type == ColumnType.INTEGER && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
                            return Read.fail("is out of range");
                        }
                        return type == ColumnType.BIGINT ? Read.ok((Object) l) : Read.ok((Object) (int) l);
                    } catch (ArithmeticException e) {
                        return Read.fail("is not a whole number");
                    }
                })
                .orElseGet(() -> notA("whole number"));
    }

    private static Read bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Read.ok(Boolean.TRUE);
            case "false", "no", "n", "0" -> Read.ok(Boolean.FALSE);
            default -> Read.fail("is not yes/no");
        };
    }

    private static Read notA(String what) {
        return Read.fail("is not a " + what);
    }

    private Read notADate() {
        return Read.fail("is not a date"
                + (order == DateOrder.DMY ? " (day/month/year)" : order == DateOrder.MDY ? " (month/day/year)" : ""));
    }
}
