package quant.core.forecast;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads one series from a CSV file with a header: a date column (ISO dates such as 2025-03-31, months
 * such as 2025-03) and a numeric value column, picked by name or else the first of each kind; or, with
 * no date column, the values in file order. The spacing (day, week, month, quarter, year) is the
 * smallest gap between dates; periods without a row become NaN, for {@link DataChecks} to fill and
 * report. Dates are moved to the start of their month, quarter or year.
 */
public final class SeriesFile {
    /** The series and the columns it came from. */
    public record Read(TimeSeries series, String dateColumn, String valueColumn) {}

    private SeriesFile() {}

    /** The most rows a series file may have. */
    public static final int MAX_ROWS = 20_000;

    /** The largest value, in absolute terms, a series may hold: beyond it the models' sums lose their digits. */
    public static final double LARGEST = 1e15;

    /**
     * Reads the file.
     *
     * @param dateColumn the date column's name, "" for none, or null to pick the first column of dates
     * @param valueColumn the value column's name, or null to pick the first numeric column
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the content is unusable, naming the row and column: an empty
     *     file, no column of numbers, a cell that is not a number, not finite or beyond ±{@value
     *     #LARGEST}, a date that is not one or not on the calendar, more than {@value #MAX_ROWS} rows
     * @throws quant.core.io.CsvFiles.UnreadableFileException when it is not well-formed CSV or not text
     */
    public static Read read(Path file, String dateColumn, String valueColumn) throws IOException {
        return quant.core.io.CsvFiles.read(file, () -> readChecked(file, dateColumn, valueColumn));
    }

    private static Read readChecked(Path file, String dateColumn, String valueColumn) throws IOException {
        List<String> header;
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
            var it = csv.iterator();
            if (!it.hasNext()) {
                throw new IllegalArgumentException(file + " is empty.");
            }
            header = it.next().getFields().stream().map(String::trim).toList();
            while (it.hasNext()) {
                CsvRecord r = it.next();
                if (rows.size() >= MAX_ROWS) {
                    throw new IllegalArgumentException(file + " has more than " + String.format("%,d", MAX_ROWS)
                            + " rows; a forecast takes at most that many periods: sum the values by a longer"
                            + " period (days to weeks, hours to days) first.");
                }
                if (r.getFields().stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(r.getFields());
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " has a header but no rows.");
        }
        int dateIndex =
                dateColumn == null ? firstColumn(header, rows, SeriesFile::isDate) : index(file, header, dateColumn);
        int valueIndex = valueColumn == null
                ? firstColumn(header, rows, (c) -> isNumber(c), dateIndex)
                : index(file, header, valueColumn);
        if (valueIndex < 0) {
            throw new IllegalArgumentException(file + " has no column of numbers; name one with --value-column.");
        }
        double[] values = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String cell = cell(rows.get(i), valueIndex);
            if (cell.isBlank()) {
                values[i] = Double.NaN;
                continue;
            }
            String where = file + " row " + (i + 2) + ", column " + header.get(valueIndex) + ": \"" + cell + "\" ";
            try {
                values[i] = Double.parseDouble(cell.replace(",", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "is not a number.");
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(where + "is not a finite number.");
            }
            if (Math.abs(values[i]) > LARGEST) {
                throw new IllegalArgumentException(
                        where + "is beyond ±" + String.format("%,.0f", LARGEST) + ", too large to forecast.");
            }
        }
        if (dateIndex < 0) {
            return new Read(
                    new TimeSeries(TimeSeries.Frequency.INDEX, LocalDate.of(2000, 1, 1), values),
                    "",
                    header.get(valueIndex));
        }
        LocalDate[] dates = new LocalDate[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String cell = cell(rows.get(i), dateIndex);
            dates[i] = parseDate(cell);
            if (dates[i] == null) {
                String where = file + " row " + (i + 2) + ", column " + header.get(dateIndex) + ": \"" + cell + "\" ";
                throw new IllegalArgumentException(
                        cell.trim().matches("\\d{4}-\\d{2}(-\\d{2})?.*")
                                ? where + "is not a day of the calendar."
                                : where + "is not a date (write 2025-03-31 or 2025-03).");
            }
        }
        return new Read(regular(file, dates, values), header.get(dateIndex), header.get(valueIndex));
    }

    private static TimeSeries regular(Path file, LocalDate[] dates, double[] values) {
        java.util.Map<LocalDate, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < dates.length; i++) {
            Integer earlier = seen.put(dates[i], i);
            if (earlier != null) {
                throw new IllegalArgumentException(file + " row " + (i + 2) + ": the date " + dates[i]
                        + " is also on row " + (earlier + 2) + "; a series has one value per period.");
            }
        }
        if (dates.length < 2) {
            throw new IllegalArgumentException(file + " has one dated row; a forecast needs a history.");
        }
        LocalDate[] sorted = dates.clone();
        Arrays.sort(sorted);
        long smallest = Long.MAX_VALUE;
        for (int i = 1; i < sorted.length; i++) {
            long gap = sorted[i].toEpochDay() - sorted[i - 1].toEpochDay();
            if (gap > 0) {
                smallest = Math.min(smallest, gap);
            }
        }
        TimeSeries.Frequency f = smallest <= 1
                ? TimeSeries.Frequency.DAY
                : smallest <= 7
                        ? TimeSeries.Frequency.WEEK
                        : smallest <= 31
                                ? TimeSeries.Frequency.MONTH
                                : smallest <= 92 ? TimeSeries.Frequency.QUARTER : TimeSeries.Frequency.YEAR;
        TreeMap<LocalDate, Double> byPeriod = new TreeMap<>();
        for (int i = 0; i < dates.length; i++) {
            LocalDate period = align(dates[i], f);
            if (byPeriod.put(period, values[i]) != null) {
                throw new IllegalArgumentException(file + " row " + (i + 2) + ": the " + f.noun() + " "
                        + f.label(period, 0) + " appears twice; a series has one value per " + f.noun() + ".");
            }
        }
        LocalDate start = byPeriod.firstKey();
        long span = f.between(start, byPeriod.lastKey()) + 1;
        if (span > MAX_ROWS) {
            throw new IllegalArgumentException(
                    file + " spans " + String.format("%,d", span) + " " + f.noun() + "s from "
                            + start + " to " + byPeriod.lastKey() + "; a forecast takes at most "
                            + String.format("%,d", MAX_ROWS)
                            + " periods.");
        }
        int n = (int) span;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        for (var e : byPeriod.entrySet()) {
            long k = f.between(start, e.getKey());
            if (!f.plus(start, k).equals(e.getKey())) {
                throw new IllegalArgumentException(file + ": the date " + e.getKey() + " is not a whole number of "
                        + f.noun() + "s after " + start + ".");
            }
            out[(int) k] = e.getValue();
        }
        return new TimeSeries(f, start, out);
    }

    private static LocalDate align(LocalDate d, TimeSeries.Frequency f) {
        return switch (f) {
            case MONTH -> d.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> LocalDate.of(d.getYear(), 1, 1);
            default -> d;
        };
    }

    static LocalDate parseDate(String s) {
        String v = s.trim();
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (DateTimeParseException notADay) {
            try {
                return YearMonth.parse(v).atDay(1);
            } catch (DateTimeParseException notAMonth) {
                return null;
            }
        }
    }

    /** Whether a cell is, or is written like, a date: a column of them is the dates, and a cell off the calendar is named. */
    private static boolean isDate(String cell) {
        return parseDate(cell) != null || cell.trim().matches("\\d{4}-\\d{2}(-\\d{2})?");
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell.trim().replace(",", ""));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int firstColumn(
            List<String> header, List<List<String>> rows, java.util.function.Predicate<String> kind, int... skip) {
        for (int c = 0; c < header.size(); c++) {
            final int column = c;
            if (Arrays.stream(skip).anyMatch(s -> s == column)) {
                continue;
            }
            boolean all = rows.stream()
                            .limit(50)
                            .map(r -> cell(r, column))
                            .filter(v -> !v.isBlank())
                            .allMatch(kind)
                    && rows.stream().limit(50).anyMatch(r -> !cell(r, column).isBlank());
            if (all) {
                return c;
            }
        }
        return -1;
    }

    private static int index(Path file, List<String> header, String name) {
        if (name.isEmpty()) {
            return -1;
        }
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                file + " has no column \"" + name + "\"; its columns are " + String.join(", ", header) + ".");
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column) : "";
    }
}
