package quant.core.store;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** Values as text and back, by SQL type: how the undo journal keeps the previous values of a row. */
public final class StoredValues {
    private StoredValues() {}

    /** The text the journal keeps for a stored value; {@code null} stays {@code null}. */
    public static String toText(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return v.toString();
    }

    /** The value of journal text for a column of {@code sqlType} ({@link java.sql.Types}). */
    public static Object fromText(String s, int sqlType) {
        if (s == null) {
            return null;
        }
        return switch (sqlType) {
            case Types.DECIMAL, Types.NUMERIC -> new BigDecimal(s);
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> Double.parseDouble(s);
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Integer.parseInt(s);
            case Types.BIGINT -> Long.parseLong(s);
            case Types.DATE -> LocalDate.parse(s);
            case Types.TIMESTAMP -> LocalDateTime.parse(s);
            case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.parse(s);
            case Types.TIME -> LocalTime.parse(s);
            case Types.BOOLEAN -> Boolean.parseBoolean(s);
            default -> s;
        };
    }

    /** Whether a stored value equals a new one (numbers by value, so 12.50 equals 12.5). */
    public static boolean same(Object stored, Object fresh) {
        if (stored == null || fresh == null) {
            return stored == fresh;
        }
        if (stored instanceof BigDecimal a && fresh instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        if (stored instanceof Number a && fresh instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return toText(stored).equals(toText(fresh));
    }
}
