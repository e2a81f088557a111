package quant.importers.mapping;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import quant.core.store.ColumnType;
import quant.importers.parse.DateOrder;
import quant.importers.parse.DateParser;
import quant.importers.parse.NumberParser;

/**
 * What a file column's values look like: the kind that at least {@value #SHARE_PERCENT}% of its
 * non-empty sampled values share, so a mapping suggestion can be checked against, or made from,
 * the data and not only the header.
 */
public enum ValueKind {
    /** No values in the sample. */
    EMPTY,
    EMAIL,
    /** Seven to fifteen digits with separators such as spaces, dashes, dots or brackets. */
    PHONE,
    DATE,
    DATE_TIME,
    INTEGER,
    DECIMAL,
    /** Anything else, or a mix. */
    TEXT;

    static final int SHARE_PERCENT = 80;
    private static final Pattern EMAIL_TEXT = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE_TEXT =
            Pattern.compile("[A-Za-z]{0,8}:?\\s*\\+?[\\d\\s().\\-/]{7,24}(\\s*(x|ext\\.?)\\s*\\d+)?");
    private static final Pattern INTEGER_TEXT = Pattern.compile("[-+]?\\d+");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?\\d*[.,]\\d+");
    private static final DateParser MDY = new DateParser(DateOrder.MDY, java.time.ZoneOffset.UTC);
    private static final DateParser DMY = new DateParser(DateOrder.DMY, java.time.ZoneOffset.UTC);
    private static final NumberParser DOT = new NumberParser(NumberParser.DecimalMark.DOT);
    private static final NumberParser COMMA = new NumberParser(NumberParser.DecimalMark.COMMA);

    /** The kind of one non-blank value. */
    static ValueKind ofValue(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return EMPTY;
        }
        if (EMAIL_TEXT.matcher(s).matches()) {
            return EMAIL;
        }
        if (INTEGER_TEXT.matcher(s).matches()) {
            return INTEGER;
        }
        if (PLAIN_DECIMAL.matcher(s).matches()) {
            return DECIMAL; // a number, though a date column would read it as an Excel serial date
        }
        boolean hasTime = s.indexOf(':') > 0 && Character.isDigit(s.charAt(0));
        if (MDY.parseDate(s).isPresent() || DMY.parseDate(s).isPresent()) {
            return hasTime ? DATE_TIME : DATE;
        }
        if (hasTime && (MDY.parseDateTime(s).isPresent() || DMY.parseDateTime(s).isPresent())) {
            return DATE_TIME;
        }
        if (DOT.parse(s).isPresent() || COMMA.parse(s).isPresent()) {
            return DECIMAL;
        }
        if (PHONE_TEXT.matcher(s).matches()
                && s.chars().filter(Character::isDigit).count() >= 7) {
            return PHONE;
        }
        return TEXT;
    }

    /** The kind a column's sampled values share, {@link #EMPTY} when all are blank, {@link #TEXT} for a mix. */
    public static ValueKind of(List<String> values) {
        Map<ValueKind, Integer> counts = new EnumMap<>(ValueKind.class);
        int filled = 0;
        for (String v : values) {
            ValueKind k = ofValue(v == null ? "" : v);
            if (k == EMPTY) {
                continue;
            }
            filled++;
            counts.merge(k, 1, Integer::sum);
        }
        if (filled == 0) {
            return EMPTY;
        }
        // Whole numbers are decimals too, and dates with times are dates.
        int decimals = counts.getOrDefault(DECIMAL, 0) + counts.getOrDefault(INTEGER, 0);
        int dates = counts.getOrDefault(DATE, 0) + counts.getOrDefault(DATE_TIME, 0);
        for (ValueKind k : List.of(EMAIL, PHONE, INTEGER, DATE_TIME)) {
            if (counts.getOrDefault(k, 0) * 100 >= filled * SHARE_PERCENT) {
                return k;
            }
        }
        if (decimals * 100 >= filled * SHARE_PERCENT) {
            return DECIMAL;
        }
        if (dates * 100 >= filled * SHARE_PERCENT) {
            return DATE;
        }
        return TEXT;
    }

    /**
     * Whether values of this kind can fill a column of the given type: numbers for numeric columns,
     * dates for date and timestamp columns; text columns take anything.
     */
    public boolean fits(ColumnType type) {
        return switch (type) {
            case INTEGER, BIGINT -> this == INTEGER || this == EMPTY;
            case DECIMAL, REAL -> this == INTEGER || this == DECIMAL || this == EMPTY;
            case DATE, TIMESTAMP, TIMESTAMP_WITH_ZONE -> this == DATE || this == DATE_TIME || this == EMPTY;
            default -> true;
        };
    }
}
