package quant.core.clv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import quant.core.analysis.InvalidSpecException;

/**
 * Summarises a transaction log into the models' (x, t_x, T, z̄) per customer, in weeks, as Fader
 * &amp; Hardie do for CDNOW: transactions on the same day are one purchase (their values summed); x is
 * the number of purchase days after the first one up to the calibration end, t_x the weeks from the
 * first purchase to the last, T the weeks from the first purchase to the calibration end, and z̄ the
 * mean value of the repeat purchases (0 when x = 0). Purchases after the calibration end day are
 * left out (CDNOW's end 1997-09-30 gives T = 38.86 weeks for a customer who first bought on
 * 1997-01-01), and so are customers whose first purchase is on that day or later (T = 0 tells the
 * models nothing).
 *
 * <p>The file has a header naming a customer column ({@code customer_id}, {@code id} or
 * {@code customer}), a {@code date} column (ISO {@code 2024-03-01} or {@code 20240301}) and
 * optionally a value column ({@code amount}, {@code revenue}, {@code dollar_value} or
 * {@code value}); fields are separated by commas, or by white space when the header has no comma.
 */
public final class TransactionLog {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private TransactionLog() {}

    /**
     * Reads and summarises the file.
     *
     * @throws InvalidSpecException naming the file and line of the first bad value, or when no customer
     *     bought before the calibration end
     */
    public static SummaryCsv summarise(Path file, LocalDate calibrationEnd) throws IOException {
        String name = file.getFileName().toString();
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new InvalidSpecException(name + " is empty: it needs a header naming customer_id and date.");
        }
        String first = lines.getFirst().replace("\uFEFF", "");
        String separator = first.contains(",") ? "," : "\\s+";
        List<String> header = new ArrayList<>();
        for (String h : first.strip().split(separator)) {
            header.add(h.strip().toLowerCase(Locale.ROOT));
        }
        int ic = column(header, name, true, "customer_id", "id", "customer");
        int id = column(header, name, true, "date");
        int iv = column(header, name, false, "amount", "revenue", "dollar_value", "value");
        Map<String, TreeMap<LocalDate, Double>> byCustomer = new LinkedHashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(separator, -1);
            if (cells.length <= Math.max(ic, Math.max(id, iv))) {
                throw new InvalidSpecException(name + ", line " + (n + 1) + " has " + cells.length
                        + " fields; the header has " + header.size() + ".");
            }
            LocalDate date = date(cells[id].strip(), name, n + 1);
            if (date.isAfter(calibrationEnd)) {
                continue;
            }
            double value = 0;
            if (iv >= 0) {
                try {
                    value = Double.parseDouble(cells[iv].strip());
                } catch (NumberFormatException e) {
                    throw new InvalidSpecException(
                            name + ", line " + (n + 1) + ": the value \"" + cells[iv].strip() + "\" is not a number.");
                }
            }
            byCustomer.computeIfAbsent(cells[ic].strip(), k -> new TreeMap<>()).merge(date, value, Double::sum);
        }
        long endDay = calibrationEnd.toEpochDay();
        byCustomer.values().removeIf(days -> days.firstKey().toEpochDay() >= endDay);
        if (byCustomer.isEmpty()) {
            throw new InvalidSpecException(
                    name + " has no purchase before the calibration end " + calibrationEnd + ".");
        }
        int size = byCustomer.size();
        double[] x = new double[size];
        double[] tx = new double[size];
        double[] t = new double[size];
        double[] zbar = new double[size];
        List<String> ids = new ArrayList<>(size);
        int i = 0;
        for (var e : byCustomer.entrySet()) {
            TreeMap<LocalDate, Double> days = e.getValue();
            long firstDay = days.firstKey().toEpochDay();
            ids.add(e.getKey());
            x[i] = days.size() - 1;
            tx[i] = (days.lastKey().toEpochDay() - firstDay) / 7.0;
            t[i] = (calibrationEnd.toEpochDay() - firstDay) / 7.0;
            if (x[i] > 0) {
                double repeat =
                        days.values().stream().mapToDouble(Double::doubleValue).sum()
                                - days.firstEntry().getValue();
                zbar[i] = repeat / x[i];
            }
            i++;
        }
        return new SummaryCsv(ids, new CustomerSummaries(x, tx, t), iv < 0 ? Optional.empty() : Optional.of(zbar));
    }

    private static LocalDate date(String text, String file, int line) {
        try {
            return text.length() == 8 && text.chars().allMatch(Character::isDigit)
                    ? LocalDate.parse(text, BASIC)
                    : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidSpecException(
                    file + ", line " + line + ": \"" + text + "\" is not a date (use 2024-03-01 or 20240301).");
        }
    }

    private static int column(List<String> header, String file, boolean required, String... names) {
        for (String name : names) {
            int i = header.indexOf(name);
            if (i >= 0) {
                return i;
            }
        }
        if (!required) {
            return -1;
        }
        throw new InvalidSpecException(file + " has no column " + String.join(" or ", names) + " (its header is "
                + String.join(",", header) + ").");
    }
}
