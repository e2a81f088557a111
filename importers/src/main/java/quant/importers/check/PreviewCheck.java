package quant.importers.check;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import quant.core.store.TableColumn;
import quant.importers.mapping.ColumnMapping;
import quant.importers.parse.NumberParser;
import quant.importers.read.ReaderSettings;

/**
 * The checks the import runs on a cell, applied to a few previewed rows while a column is being
 * mapped, so problems show before anything is read in full. References and keys are not checked
 * here: they need the database and the whole file, and the dry run checks them.
 */
public final class PreviewCheck {
    /** How many previewed values of one file column its target accepts, and the first it refuses with why. */
    public record ColumnCheck(int fits, int refused, String firstProblem) {
        public static final ColumnCheck NONE = new ColumnCheck(0, 0, "");
    }

    private PreviewCheck() {}

    /** Checks column {@code index} of {@code rows} read through {@code mapping} into {@code target}. */
    public static ColumnCheck column(
            ColumnMapping mapping, int index, List<String[]> rows, TableColumn target, ReaderSettings settings) {
        ValueReader reader = reader(settings);
        int fits = 0;
        int refused = 0;
        String first = "";
        for (String[] row : rows) {
            String cell = index < row.length ? row[index] : "";
            Optional<String> problem = problem(mapping.apply(cell), target, reader);
            if (problem.isEmpty()) {
                fits++;
            } else {
                refused++;
                if (first.isEmpty()) {
                    first = "\"" + cell + "\" " + problem.get();
                }
            }
        }
        return new ColumnCheck(fits, refused, first);
    }

    private static ValueReader reader(ReaderSettings settings) {
        return new ValueReader(
                settings.decimalMark() == null ? NumberParser.DecimalMark.DOT : settings.decimalMark(),
                settings.dateOrder(),
                ZoneId.systemDefault());
    }

    private static Optional<String> problem(String text, TableColumn column, ValueReader reader) {
        String s = text.strip();
        if (s.isEmpty()) {
            return column.required()
                    ? Optional.of("is empty, but " + column.name() + " is required")
                    : Optional.empty();
        }
        if (column.references() != null || column.name().equals("external_ref")) {
            return Optional.empty();
        }
        return Optional.ofNullable(reader.read(s, column).problem());
    }
}
