package quant.core.report;

/**
 * What the values of a report column are, which decides how every renderer writes them: the window
 * and the text aligned and formatted, XLSX as typed cells with a number format, CSV as plain values.
 *
 * <p>The Java type each expects in a cell (null for no value): {@link #TEXT} a {@code String};
 * {@link #INTEGER} any {@code Number} written whole; {@link #DECIMAL}, {@link #MONEY} and {@link
 * #PERCENT} a {@code Number} (a percent is a fraction, 0.25 for 25 %; NaN and infinities read as no
 * value); {@link #DATE} a {@code LocalDate}; {@link #DURATION} a {@code java.time.Duration}.
 */
public enum ColumnType {
    TEXT,
    INTEGER,
    DECIMAL,
    MONEY,
    PERCENT,
    DATE,
    DURATION;

    /** Whether values are numbers (aligned right, summed, written as numeric cells). */
    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == MONEY || this == PERCENT;
    }

    /** Decimals written when a column does not say: none for counts, two for money, one for percent. */
    public int defaultDecimals() {
        return switch (this) {
            case INTEGER, TEXT, DATE, DURATION -> 0;
            case DECIMAL, MONEY -> 2;
            case PERCENT -> 1;
        };
    }
}
