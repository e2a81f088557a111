package quant.core.forecast;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the M4 competition's files as its organisers publish them (M4-methods, "Dataset"): one series
 * per row, the id first and then the values, rows padded with empty cells, a header of column names.
 */
public final class M4Files {
    private M4Files() {}

    /** One M4 series: its id, the history and the hidden test values. */
    public record Series(String id, double[] train, double[] test) {}

    /**
     * Reads a train file and its test file and pairs their rows by id.
     *
     * @throws IOException when a file cannot be read, or a value is not a number (with its row and column)
     */
    public static List<Series> read(Path train, Path test) throws IOException {
        Map<String, double[]> trains = rows(train);
        Map<String, double[]> tests = rows(test);
        List<Series> out = new ArrayList<>(trains.size());
        for (Map.Entry<String, double[]> e : trains.entrySet()) {
            double[] t = tests.get(e.getKey());
            if (t == null) {
                throw new IOException(test + " has no row for series " + e.getKey() + ".");
            }
            out.add(new Series(e.getKey(), e.getValue(), t));
        }
        return out;
    }

    private static Map<String, double[]> rows(Path file) throws IOException {
        return quant.core.io.CsvFiles.read(file, () -> rowsChecked(file));
    }

    private static Map<String, double[]> rowsChecked(Path file) throws IOException {
        Map<String, double[]> rows = new LinkedHashMap<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
            boolean header = true;
            for (CsvRecord r : csv) {
                if (header) {
                    header = false;
                    continue;
                }
                int n = r.getFieldCount();
                while (n > 1 && r.getField(n - 1).isBlank()) {
                    n--;
                }
                double[] values = new double[n - 1];
                for (int i = 1; i < n; i++) {
                    try {
                        values[i - 1] = Double.parseDouble(r.getField(i));
                    } catch (NumberFormatException ex) {
                        throw new IOException(file + " row " + r.getStartingLineNumber() + " column " + (i + 1) + ": \""
                                + r.getField(i) + "\" is not a number.");
                    }
                }
                rows.put(r.getField(0), values);
            }
        }
        return rows;
    }
}
