package quant.importers.engine;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.ZoneId;
import java.util.Locale;
import quant.importers.parse.DateOrder;
import quant.importers.parse.DateParser;
import quant.importers.parse.NumberParser;

/**
 * Turns a cell's text into the value a column of a given SQL type holds, or explains in one
 * sentence why it cannot.
 */
final class ValueReader {
    /** A typed value, or the reason there is none. */
    record Read(Object value, String problem) {
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

    ValueReader(NumberParser.DecimalMark mark, DateOrder order, ZoneId zone) {
        this.numbers = new NumberParser(mark);
        this.order = order;
        this.dates = new DateParser(order == null ? DateOrder.YMD : order, zone);
    }

    Read read(String text, int sqlType, int maxLength) {
        return switch (sqlType) {
            case Types.DECIMAL, Types.NUMERIC ->
                numbers.parse(text).map(v -> Read.ok((Object) v)).orElseGet(() -> notA("number"));
            case Types.DOUBLE, Types.FLOAT, Types.REAL ->
                numbers.parse(text).map(v -> Read.ok((Object) v.doubleValue())).orElseGet(() -> notA("number"));
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.BIGINT -> whole(text, sqlType);
            case Types.DATE ->
                dates.parseDate(text).map(v -> Read.ok((Object) v)).orElseGet(this::notADate);
            case Types.TIMESTAMP ->
                dates.parseDateTime(text).map(v -> Read.ok((Object) v)).orElseGet(this::notADate);
            case Types.TIME ->
                DateParser.parseTime(text).map(v -> Read.ok((Object) v)).orElseGet(() -> notA("time of day"));
            case Types.BOOLEAN -> bool(text);
            default ->
                text.length() > maxLength && maxLength > 0
                        ? Read.fail("is longer than " + maxLength + " characters")
                        : Read.ok(text);
        };
    }

    private Read whole(String text, int sqlType) {
        return numbers.parse(text)
                .map(v -> {
                    try {
                        BigDecimal exact = v.stripTrailingZeros();
                        long l = exact.longValueExact();
                        if (sqlType == Types.SMALLINT && (l < Short.MIN_VALUE || l > Short.MAX_VALUE)
                                || sqlType == Types.INTEGER && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
                            return Read.fail("is out of range");
                        }
                        return sqlType == Types.BIGINT ? Read.ok((Object) l) : Read.ok((Object) (int) l);
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
