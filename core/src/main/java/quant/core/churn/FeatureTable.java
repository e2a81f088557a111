package quant.core.churn;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import quant.core.analysis.InvalidSpecException;

/**
 * A table of features and a 0/1 outcome read from a CSV file with a header, for training a churn
 * model: the target column's values are yes/no, true/false or 1/0; an id column is left out; a column
 * whose non-blank values are all numbers is numeric (blanks take the column's mean); any other
 * column is categorical and becomes one 0/1 column per level except its most frequent one (the
 * reference level). Categorical columns with more than {@value #MAX_LEVELS} levels are left out (an
 * identifier or free text), and said so in {@link #notes()}.
 *
 * @param names one per feature column: "tenure", or "Contract=Two year" for a level
 * @param notes columns left out or imputed, in words
 */
public record FeatureTable(List<String> names, double[][] x, int[] y, List<String> notes) {
    public static final int MAX_LEVELS = 50;

    /**
     * Reads the file.
     *
     * @param idColumn a column to leave out, or null
     * @throws InvalidSpecException naming the file, and the row where a target value is not a yes/no
     */
    public static FeatureTable read(Path file, String target, String idColumn) throws IOException {
        return quant.core.io.CsvFiles.read(file, () -> readChecked(file, target, idColumn));
    }

    private static FeatureTable readChecked(Path file, String target, String idColumn) throws IOException {
        String name = file.getFileName().toString();
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CsvReader<CsvRecord> csv = CsvReader.builder()
                        .skipEmptyLines(true)
                        .allowMissingFields(true)
                        .allowExtraFields(true)
                        .ofCsvRecord(in)) {
            for (CsvRecord r : csv) {
                if (header == null) {
                    header = new ArrayList<>();
                    for (String h : r.getFields()) {
                        header.add(h.replace("\uFEFF", "").strip());
                    }
                    continue;
                }
                String[] cells = new String[header.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = i < r.getFieldCount() ? r.getField(i).strip() : "";
                }
                rows.add(cells);
            }
        }
        if (header == null || rows.isEmpty()) {
            throw new InvalidSpecException(name + " has no rows: it needs a header and one row per customer.");
        }
        int t = header.indexOf(target);
        if (t < 0) {
            throw new InvalidSpecException(
                    name + " has no column " + target + " (its header is " + String.join(",", header) + ").");
        }
        int id = idColumn == null ? -1 : header.indexOf(idColumn);
        if (idColumn != null && id < 0) {
            throw new InvalidSpecException(
                    name + " has no column " + idColumn + " (its header is " + String.join(",", header) + ").");
        }
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            y[i] = outcome(rows.get(i)[t], name, i + 2, target);
        }
        List<String> names = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c == t || c == id) {
                continue;
            }
            addColumn(header.get(c), c, rows, names, columns, notes);
        }
        double[][] x = new double[rows.size()][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            double[] col = columns.get(j);
            for (int i = 0; i < rows.size(); i++) {
                x[i][j] = col[i];
            }
        }
        return new FeatureTable(List.copyOf(names), x, y, List.copyOf(notes));
    }

    private static int outcome(String v, String file, int row, String target) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "y" -> {
                return 1;
            }
            case "no", "false", "0", "n" -> {
                return 0;
            }
            default ->
                throw new InvalidSpecException(file + ", row " + row + ": " + target + " is \"" + v
                        + "\"; it must be yes/no, true/false or 1/0.");
        }
    }

    private static void addColumn(
            String header, int c, List<String[]> rows, List<String> names, List<double[]> columns, List<String> notes) {
        int n = rows.size();
        double[] values = new double[n];
        boolean numeric = true;
        int blanks = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            String v = rows.get(i)[c];
            if (v.isEmpty()) {
                values[i] = Double.NaN;
                blanks++;
                continue;
            }
            try {
                values[i] = Double.parseDouble(v);
                if (!Double.isFinite(values[i])) {
                    numeric = false;
                    break;
                }
                sum += values[i];
            } catch (NumberFormatException e) {
                numeric = false;
                break;
            }
        }
        if (numeric && blanks < n) {
            double mean = sum / (n - blanks);
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(values[i])) {
                    values[i] = mean;
                }
            }
            if (blanks > 0) {
                notes.add(header + ": " + blanks + " blank values taken as the column's mean "
                        + String.format(Locale.ROOT, "%.4g", mean) + ".");
            }
            names.add(header);
            columns.add(values);
            return;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String[] row : rows) {
            counts.merge(row[c], 1, Integer::sum);
        }
        if (counts.size() > MAX_LEVELS) {
            notes.add(header + " has " + counts.size() + " different values: left out as an identifier or free text.");
            return;
        }
        String reference = null;
        int most = -1;
        for (var e : counts.entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                reference = e.getKey();
            }
        }
        Map<String, double[]> levels = new HashMap<>();
        for (String level : counts.keySet()) {
            if (!level.equals(reference)) {
                double[] col = new double[n];
                levels.put(level, col);
                names.add(header + "=" + level);
                columns.add(col);
            }
        }
        for (int i = 0; i < n; i++) {
            double[] col = levels.get(rows.get(i)[c]);
            if (col != null) {
                col[i] = 1;
            }
        }
    }
}
