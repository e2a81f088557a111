package quant.core.survival;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import quant.core.analysis.InvalidSpecException;

/**
 * A file of survival times: a CSV with a header, one subject per row, the columns named by the caller —
 * the time (of the event or of censoring), the event indicator ({@code 1}/{@code 0}, {@code true}/
 * {@code false}, {@code yes}/{@code no}), optionally the age at entry (delayed entry) and a group.
 *
 * @param file the file's name, for messages
 * @param time each subject's time
 * @param event whether its event happened at that time
 * @param entry its age at entry, or null without an entry column
 * @param group its group, or null without a group column
 */
public record SurvivalCsv(String file, double[] time, boolean[] event, double[] entry, String[] group) {
    /**
     * Reads the file.
     *
     * @param entryColumn null without delayed entry
     * @param groupColumn null without groups
     * @throws InvalidSpecException naming the file, line and column of the first value that is not usable, or
     *     a column that is missing
     */
    public static SurvivalCsv read(
            Path file, String timeColumn, String eventColumn, String entryColumn, String groupColumn)
            throws IOException {
        String name = file.getFileName().toString();
        List<double[]> numbers = new ArrayList<>();
        List<Boolean> events = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        try (CsvReader<CsvRecord> csv =
                CsvReader.builder().ofCsvRecord(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            List<String> header = null;
            int it = -1;
            int ie = -1;
            int in = -1;
            int ig = -1;
            for (CsvRecord r : csv) {
                if (header == null) {
                    header = new ArrayList<>();
                    for (String h : r.getFields()) {
                        header.add(h.strip().replace("\uFEFF", ""));
                    }
                    it = column(header, name, timeColumn);
                    ie = column(header, name, eventColumn);
                    in = entryColumn == null ? -1 : column(header, name, entryColumn);
                    ig = groupColumn == null ? -1 : column(header, name, groupColumn);
                    continue;
                }
                if (r.getFieldCount() == 1 && r.getField(0).isBlank()) {
                    continue;
                }
                long line = r.getStartingLineNumber();
                double t = number(r, it, name, line, timeColumn);
                double e = in < 0 ? 0 : number(r, in, name, line, entryColumn);
                if (t < 0 || e < 0) {
                    throw new InvalidSpecException(name + ", line " + line + ": times and entries cannot be negative.");
                }
                if (in >= 0 && !(e < t)) {
                    throw new InvalidSpecException(
                            name + ", line " + line + ": the entry " + trim(e) + " is not before the time " + trim(t)
                                    + " (a subject is observed from its entry to its time).");
                }
                numbers.add(new double[] {t, e});
                events.add(flag(r, ie, name, line, eventColumn));
                groups.add(ig < 0 ? null : field(r, ig, name, line, groupColumn).strip());
            }
            if (header == null) {
                throw new InvalidSpecException(name + " is empty: it needs a header naming its columns.");
            }
        }
        if (numbers.isEmpty()) {
            throw new InvalidSpecException(name + " has a header but no rows.");
        }
        int n = numbers.size();
        double[] time = new double[n];
        double[] entry = entryColumn == null ? null : new double[n];
        boolean[] event = new boolean[n];
        String[] group = groupColumn == null ? null : groups.toArray(String[]::new);
        for (int i = 0; i < n; i++) {
            time[i] = numbers.get(i)[0];
            if (entry != null) {
                entry[i] = numbers.get(i)[1];
            }
            event[i] = events.get(i);
        }
        return new SurvivalCsv(name, time, event, entry, group);
    }

    /** The rows of each group, groups in the order they first appear (one group "all" without a group column). */
    public Map<String, int[]> groups() {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < time.length; i++) {
            rows.computeIfAbsent(group == null ? "all" : group[i], k -> new ArrayList<>())
                    .add(i);
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        rows.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /** The times of some rows. */
    public double[] time(int[] rows) {
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = time[rows[k]];
        }
        return out;
    }

    /** The event flags of some rows. */
    public boolean[] event(int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = event[rows[k]];
        }
        return out;
    }

    /** The entries of some rows, or null without an entry column. */
    public double[] entry(int[] rows) {
        if (entry == null) {
            return null;
        }
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = entry[rows[k]];
        }
        return out;
    }

    private static int column(List<String> header, String file, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new InvalidSpecException(
                    file + " has no column " + name + " (its header is " + String.join(",", header) + ").");
        }
        return i;
    }

    private static String field(CsvRecord r, int i, String file, long line, String column) {
        if (i >= r.getFieldCount()) {
            throw new InvalidSpecException(file + ", line " + line + ": no value in column " + column + ".");
        }
        return r.getField(i);
    }

    private static double number(CsvRecord r, int i, String file, long line, String column) {
        String cell = field(r, i, file, line, column).strip();
        try {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSpecException(file + ", line " + line + ": " + column + " '" + cell + "' is not a number.");
    }

    private static boolean flag(CsvRecord r, int i, String file, long line, String column) {
        String cell = field(r, i, file, line, column).strip();
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "y" -> true;
            case "0", "false", "no", "n" -> false;
            default ->
                throw new InvalidSpecException(file + ", line " + line + ": " + column + " '" + cell
                        + "' is not an event flag (1 or 0, true or false, yes or no).");
        };
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
