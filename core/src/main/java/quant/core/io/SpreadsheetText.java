package quant.core.io;

import java.util.regex.Pattern;

/**
 * Text a spreadsheet would run as a formula, made safe: the one helper every CSV and XLSX the product
 * writes goes through (OWASP's CSV-injection guidance).
 */
public final class SpreadsheetText {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?(\\d[\\d,]*)?(\\.\\d+)?([eE][-+]?\\d+)?");

    private SpreadsheetText() {}

    /**
     * The text with a leading apostrophe when it starts with {@code = + - @}, a tab, a carriage return
     * or a line feed; plain numbers such as {@code -5} or {@code +1.5e3} are not formulas and stay as
     * they are, so a file that is read back gets the same values.
     */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        boolean risky = "=+-@\t\r\n".indexOf(cell.charAt(0)) >= 0;
        return risky && !PLAIN_NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }
}
