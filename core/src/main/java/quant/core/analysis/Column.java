package quant.core.analysis;

/**
 * A column of a {@link Part}: the key its holder reads it by, the column it reads, and what it becomes
 * in memory.
 *
 * @param key the name the holder asks {@link Rows} for
 * @param source a column of the part's table ({@code amount}), of a joined table by its alias
 *     ({@code r.name}), or null for one the table does not have (always missing)
 * @param kind what the value becomes
 * @param target the referenced part of a {@link Kind#REF}, else null
 * @param missing a {@link Kind#WHOLE}'s value when the column is null
 */
public record Column(String key, String source, Kind kind, Part<?> target, int missing) {
    /** What a column's value becomes in memory. */
    public enum Kind {
        /** Days since 1970-01-01 of a date or timestamp; {@link Snapshot#NO_DAY} when missing. */
        DAY,
        /** A double; {@code NaN} when missing. */
        NUMBER,
        /** An int; the column's {@code missing} value when null. */
        WHOLE,
        /** A {@link Codes} code; {@link Codes#NONE} when missing or blank. */
        CODE,
        /** The text; null when missing. */
        TEXT,
        /** Whether the column holds a value. */
        FLAG,
        /** The minute of the day of a time; -1 when missing. */
        MINUTE,
        /** The row index in the target part; -1 when missing or not there. */
        REF,
        /** The row index in the same part; -1 when missing or not there. */
        SELF_REF,
        /** A row id as it is; {@link TableRows#NO_ID} when missing. */
        ID
    }
}
