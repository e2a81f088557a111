package quant.importers.parse;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads numbers as spreadsheets and accounting exports write them: either decimal mark, thousands
 * separators ({@code ,} {@code .} space, non-breaking space, apostrophe), currency symbols and
 * codes, a leading or trailing minus, and accounting negatives in parentheses, e.g.
 * {@code (1,234.50)} → {@code -1234.50}. Text that is not one number (such as {@code 1.2.3}) is
 * refused, never guessed.
 */
public final class NumberParser {
    /** Which character separates the decimals. */
    public enum DecimalMark {
        DOT('.'),
        COMMA(',');

        final char mark;

        DecimalMark(char mark) {
            this.mark = mark;
        }

        char thousands() {
            return this == DOT ? ',' : '.';
        }
    }

    private final DecimalMark decimalMark;

    public NumberParser(DecimalMark decimalMark) {
        this.decimalMark = decimalMark;
    }

    /** The number in {@code text}, or empty when it is not exactly one number. */
    public Optional<BigDecimal> parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal simple = plain(s);
        if (simple != null) {
            return Optional.of(simple);
        }
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        s = stripCurrency(s);
        if (s.startsWith("-") || s.startsWith("−")) {
            negative = !negative;
            s = s.substring(1).strip();
        } else if (s.endsWith("-")) {
            negative = !negative;
            s = s.substring(0, s.length() - 1).strip();
        } else if (s.startsWith("+")) {
            s = s.substring(1).strip();
        }
        s = stripCurrency(s);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(s.length());
        int decimals = -1;
        int groupDigits = -1;
        boolean grouped = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                if (groupDigits >= 0) {
                    groupDigits++;
                }
            } else if (c == decimalMark.mark) {
                if (decimals >= 0 || (grouped && groupDigits != 3)) {
                    return Optional.empty();
                }
                decimals = digits.length();
                groupDigits = -1;
            } else if (c == decimalMark.thousands() || c == ' ' || c == '\u00a0' || c == '\u202f' || c == '\'') {
                if (decimals >= 0 || digits.isEmpty() || (grouped && groupDigits != 3)) {
                    return Optional.empty();
                }
                grouped = true;
                groupDigits = 0;
            } else if ((c == 'e' || c == 'E') && !grouped && !digits.isEmpty()) {
                return scientific(s, negative);
            } else {
                return Optional.empty();
            }
        }
        if (digits.isEmpty() || (grouped && decimals < 0 && groupDigits != 3)) {
            return Optional.empty();
        }
        String plain =
                decimals < 0 ? digits.toString() : digits.substring(0, decimals) + "." + digits.substring(decimals);
        if (plain.startsWith(".")) {
            plain = "0" + plain;
        }
        if (plain.endsWith(".")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        BigDecimal value = new BigDecimal(plain);
        return Optional.of(negative ? value.negate() : value);
    }

    /**
     * The most common form, read without the general path's copies: an optional minus, digits, and at
     * most one decimal mark between digits ({@code -1234.50}); {@code null} for anything else.
     */
    private BigDecimal plain(String s) {
        int start = s.charAt(0) == '-' ? 1 : 0;
        int n = s.length();
        if (n == start || !isDigit(s.charAt(start)) || !isDigit(s.charAt(n - 1))) {
            return null;
        }
        int mark = -1;
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c == decimalMark.mark && mark < 0) {
                mark = i;
            } else if (!isDigit(c)) {
                return null;
            }
        }
        return new BigDecimal(mark < 0 || decimalMark == DecimalMark.DOT ? s : s.replace(',', '.'));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Optional<BigDecimal> scientific(String s, boolean negative) {
        String normal = decimalMark == DecimalMark.COMMA ? s.replace(',', '.') : s;
        try {
            BigDecimal v = new BigDecimal(normal);
            return Optional.of(negative ? v.negate() : v);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static final String[] CURRENCIES = {
        "US$", "USD", "EUR", "GBP", "CAD", "AUD", "CHF", "$", "€", "£", "¥", "kr"
    };

    private static String stripCurrency(String s) {
        for (String c : CURRENCIES) {
            if (s.startsWith(c)) {
                return s.substring(c.length()).strip();
            }
            if (s.endsWith(c)) {
                return s.substring(0, s.length() - c.length()).strip();
            }
        }
        return s;
    }
}
