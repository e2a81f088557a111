package quant.core.importing;

/**
 * One thing wrong with an input row.
 *
 * @param row the row number the user sees in the file (the header is row 1), or 0 for the whole file
 * @param column the column's name in the file, or {@code null} for the whole row
 * @param value the offending text, or {@code null}
 * @param reason a plain sentence: why the value or row cannot be imported
 */
public record Problem(long row, String column, String value, String reason) {
    /** "Row 12, column due_date ("31/02/2024"): no such date." */
    public String describe() {
        StringBuilder s = new StringBuilder(row > 0 ? "Row " + row : "The file");
        if (column != null) {
            s.append(", column ").append(column);
        }
        if (value != null) {
            String shown = value.length() > 60 ? value.substring(0, 57) + "..." : value;
            s.append(" (\"").append(shown).append("\")");
        }
        return s.append(": ").append(reason).toString();
    }
}
