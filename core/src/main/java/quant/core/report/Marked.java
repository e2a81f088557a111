package quant.core.report;

/**
 * A cell value with a mark that text renderings append to it, such as {@code *} for a period that is
 * not over yet; a spreadsheet keeps the plain value so it still computes.
 *
 * @param value the value, of the column's type
 * @param mark a short mark, e.g. "*"
 */
public record Marked(Object value, String mark) {
    /** The plain value of a cell, marked or not. */
    public static Object plain(Object cell) {
        return cell instanceof Marked m ? m.value() : cell;
    }
}
