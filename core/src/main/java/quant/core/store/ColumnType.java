package quant.core.store;

import java.sql.Types;

/**
 * The kinds of value a column holds, as the importers, the Data view and the undo journal need
 * them. The one place that reads JDBC's {@link Types}; everything outside core sees this instead.
 */
public enum ColumnType {
    /** Text ({@code VARCHAR}, {@code CLOB}). */
    TEXT,
    /** An exact decimal ({@code DECIMAL(p, s)}): money. */
    DECIMAL,
    /** A floating-point number ({@code DOUBLE PRECISION}): coordinates, rates. */
    REAL,
    /** A whole number of up to 32 bits. */
    INTEGER,
    /** A whole number of up to 64 bits: ids. */
    BIGINT,
    /** A calendar date. */
    DATE,
    /** A date and time without zone. */
    TIMESTAMP,
    /** A date and time with an offset (the audit). */
    TIMESTAMP_WITH_ZONE,
    /** A time of day. */
    TIME,
    /** Yes or no. */
    BOOLEAN,
    /** Anything else (never in the data model's tables). */
    OTHER;

    /** The type for a JDBC type code. */
    public static ColumnType of(int sqlType) {
        return switch (sqlType) {
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR, Types.CLOB, Types.NCLOB ->
                TEXT;
            case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> REAL;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INTEGER;
            case Types.BIGINT -> BIGINT;
            case Types.DATE -> DATE;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_WITH_ZONE;
            case Types.TIME -> TIME;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            default -> OTHER;
        };
    }

    /** Whether values are numbers (right-aligned, compared by value). */
    public boolean isNumber() {
        return this == DECIMAL || this == REAL || this == INTEGER || this == BIGINT;
    }

    /** Whether values are dates or date-times. */
    public boolean isTemporal() {
        return this == DATE || this == TIMESTAMP || this == TIMESTAMP_WITH_ZONE;
    }
}
