package quant.core.clv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Customers summarised for the repeat-buying models: per customer x (repeat purchases in the
 * calibration period), t_x (time of the last purchase after the first) and T (time from the first
 * purchase to the end of the calibration period), in one time unit, as primitive columns.
 */
public final class CustomerSummaries {
    private final double[] x;
    private final double[] tx;
    private final double[] t;

    /** @throws IllegalArgumentException when the columns differ in length or a row is impossible (x &lt; 0, t_x &gt; T, …) */
    public CustomerSummaries(double[] x, double[] tx, double[] t) {
        if (x.length != tx.length || x.length != t.length) {
            throw new IllegalArgumentException("x, t_x and T must have one value per customer");
        }
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= 0 && tx[i] >= 0 && t[i] > 0 && tx[i] <= t[i]) || (x[i] == 0 && tx[i] != 0)) {
                throw new IllegalArgumentException(
                        "Customer " + (i + 1) + " has an impossible summary: x = " + x[i] + ", t_x = " + tx[i]
                                + ", T = " + t[i] + " (need x ≥ 0, 0 ≤ t_x ≤ T, T > 0, t_x = 0 when x = 0).");
            }
        }
        this.x = x.clone();
        this.tx = tx.clone();
        this.t = t.clone();
        // Customers with the same (x, t_x, T) add the same term to a likelihood: keep each once, with a count.
        java.util.Map<java.util.List<Double>, Integer> groupOf = new java.util.LinkedHashMap<>();
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        for (int i = 0; i < x.length; i++) {
            groupOf.merge(java.util.List.of(x[i], tx[i], t[i]), 1, Integer::sum);
            xs.add(x[i]);
        }
        distinctX = xs.stream().mapToDouble(Double::doubleValue).toArray();
        int g = groupOf.size();
        groupTx = new double[g];
        groupT = new double[g];
        xIndex = new int[g];
        weights = new double[g];
        int i = 0;
        for (var e : groupOf.entrySet()) {
            xIndex[i] = java.util.Arrays.binarySearch(distinctX, e.getKey().get(0));
            groupTx[i] = e.getKey().get(1);
            groupT[i] = e.getKey().get(2);
            weights[i] = e.getValue();
            i++;
        }
    }

    private final double[] distinctX;
    private final int[] xIndex;
    private final double[] groupTx;
    private final double[] groupT;
    private final double[] weights;

    /** The distinct values of x, ascending. */
    double[] distinctX() {
        return distinctX;
    }

    /** Distinct (x, t_x, T) summaries. */
    int groups() {
        return weights.length;
    }

    /** The index in {@link #distinctX()} of group {@code i}'s x. */
    int xIndex(int i) {
        return xIndex[i];
    }

    double groupTx(int i) {
        return groupTx[i];
    }

    double groupT(int i) {
        return groupT[i];
    }

    /** How many customers share group {@code i}'s summary. */
    double weight(int i) {
        return weights[i];
    }

    /**
     * Reads a CSV with a header naming {@code x, t_x, T} or the lifetimes-style {@code frequency,
     * recency, T} (other columns are ignored).
     */
    public static CustomerSummaries readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file.getFileName() + " is empty.");
        }
        List<String> header = List.of(lines.getFirst().strip().split(","));
        int ix = column(header, file, "x", "frequency");
        int itx = column(header, file, "t_x", "recency");
        int it = column(header, file, "T", "T_cal");
        List<double[]> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            try {
                rows.add(new double[] {
                    Double.parseDouble(cells[ix]), Double.parseDouble(cells[itx]), Double.parseDouble(cells[it])
                });
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException(
                        file.getFileName() + ", line " + (n + 1) + ": x, t_x and T must be numbers.");
            }
        }
        double[] x = new double[rows.size()];
        double[] tx = new double[rows.size()];
        double[] t = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = rows.get(i)[0];
            tx[i] = rows.get(i)[1];
            t[i] = rows.get(i)[2];
        }
        return new CustomerSummaries(x, tx, t);
    }

    private static int column(List<String> header, Path file, String... names) {
        for (String name : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().equals(name)) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException(file.getFileName() + " has no column " + String.join(" or ", names)
                + " (its header is " + String.join(",", header).toLowerCase(Locale.ROOT) + ").");
    }

    public int size() {
        return x.length;
    }

    public double x(int i) {
        return x[i];
    }

    public double tx(int i) {
        return tx[i];
    }

    public double t(int i) {
        return t[i];
    }

    /** Customers with at least one repeat purchase. */
    public long repeaters() {
        long n = 0;
        for (double v : x) {
            n += v > 0 ? 1 : 0;
        }
        return n;
    }

    /** Repeat purchases per unit of time over all customers: Σx / ΣT. */
    public double meanRepeatRate() {
        double sx = 0;
        double st = 0;
        for (int i = 0; i < x.length; i++) {
            sx += x[i];
            st += t[i];
        }
        return st == 0 ? 0 : sx / st;
    }
}
