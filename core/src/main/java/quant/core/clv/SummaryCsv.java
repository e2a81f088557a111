package quant.core.clv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import quant.core.analysis.InvalidSpecException;

/**
 * A file of customer summaries for the repeat-buying models: a CSV whose header names {@code x, t_x,
 * T} (Fader &amp; Hardie's names) or {@code frequency, recency, T} (the lifetimes package's names), and
 * optionally {@code zbar} or {@code monetary_value} (mean value of the repeat transactions) and an
 * {@code ID} or {@code id} column. Other columns are ignored; fields are plain, without quotes.
 *
 * @param ids one per customer: the ID column, else the line number
 * @param zbar the mean repeat-transaction values, when the file has them
 */
public record SummaryCsv(List<String> ids, CustomerSummaries summaries, Optional<double[]> zbar) {
    /**
     * Reads the file.
     *
     * @throws InvalidSpecException naming the file and line when a column is missing or a value is not a number
     *     or the summary is impossible
     */
    public static SummaryCsv read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String name = file.getFileName().toString();
        if (lines.isEmpty()) {
            throw new InvalidSpecException(name + " is empty: it needs a header naming x, t_x and T.");
        }
        List<String> header = new ArrayList<>();
        for (String h : lines.getFirst().split(",")) {
            header.add(h.strip().replace("\uFEFF", ""));
        }
        int ix = column(header, name, true, "x", "frequency");
        int itx = column(header, name, true, "t_x", "recency");
        int it = column(header, name, true, "T", "T_cal");
        int iz = column(header, name, false, "zbar", "monetary_value");
        int iid = column(header, name, false, "ID", "id", "customer_id", "sample_id");
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            try {
                rows.add(new double[] {
                    number(cells[ix]), number(cells[itx]), number(cells[it]), iz < 0 ? 0 : number(cells[iz])
                });
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new InvalidSpecException(
                        name + ", line " + (n + 1) + ": " + String.join(", ", needed(iz)) + " must be numbers.");
            }
            ids.add(iid < 0 || iid >= cells.length ? Integer.toString(n) : cells[iid].strip());
        }
        if (rows.isEmpty()) {
            throw new InvalidSpecException(name + " has a header but no customers.");
        }
        double[] x = new double[rows.size()];
        double[] tx = new double[rows.size()];
        double[] t = new double[rows.size()];
        double[] z = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = rows.get(i)[0];
            tx[i] = rows.get(i)[1];
            t[i] = rows.get(i)[2];
            z[i] = rows.get(i)[3];
        }
        try {
            return new SummaryCsv(ids, new CustomerSummaries(x, tx, t), iz < 0 ? Optional.empty() : Optional.of(z));
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(name + ": " + e.getMessage());
        }
    }

    private static List<String> needed(int iz) {
        return iz < 0 ? List.of("x", "t_x", "T") : List.of("x", "t_x", "T", "zbar");
    }

    private static double number(String cell) {
        double v = Double.parseDouble(cell.strip());
        if (!Double.isFinite(v)) {
            throw new NumberFormatException("not finite");
        }
        return v;
    }

    private static int column(List<String> header, String file, boolean required, String... names) {
        for (String name : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equals(name)) {
                    return i;
                }
            }
        }
        if (!required) {
            return -1;
        }
        throw new InvalidSpecException(file + " has no column " + String.join(" or ", names) + " (its header is "
                + String.join(",", header).toLowerCase(Locale.ROOT) + ").");
    }
}
