package quant.core.clv;

import java.io.IOException;
import java.nio.file.Path;

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
            if (!(x[i] >= 0 && tx[i] >= 0 && t[i] >= 0 && tx[i] <= t[i]) || (x[i] == 0 && tx[i] != 0)) {
                throw new IllegalArgumentException(
                        "Customer " + (i + 1) + " has an impossible summary: x = " + x[i] + ", t_x = " + tx[i]
                                + ", T = " + t[i]
                                + " (need x ≥ 0, 0 ≤ t_x ≤ T, T ≥ 0 (0 for a customer acquired on the last day), t_x = 0 when x = 0).");
            }
        }
        this.x = x.clone();
        this.tx = tx.clone();
        this.t = t.clone();
        // Customers with the same (x, t_x, T) add the same term to a likelihood: keep each once, with a count.
        java.util.Map<Summary, Integer> groupOf = new java.util.LinkedHashMap<>();
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        customerGroup = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            customerGroup[i] = groupOf.computeIfAbsent(new Summary(x[i], tx[i], t[i]), k -> groupOf.size());
            xs.add(x[i]);
        }
        distinctX = xs.stream().mapToDouble(Double::doubleValue).toArray();
        int g = groupOf.size();
        groupTx = new double[g];
        groupT = new double[g];
        xIndex = new int[g];
        weights = new double[g];
        int i = 0;
        for (Summary k : groupOf.keySet()) {
            xIndex[i] = java.util.Arrays.binarySearch(distinctX, k.x());
            groupTx[i] = k.tx();
            groupT[i] = k.t();
            i++;
        }
        for (int c : customerGroup) {
            weights[c]++;
        }
    }

    private record Summary(double x, double tx, double t) {}

    private final int[] customerGroup;

    /** The group (index below {@link #groups()}) of customer {@code i}'s summary. */
    int group(int i) {
        return customerGroup[i];
    }

    /** The x of group {@code g}. */
    double groupX(int g) {
        return distinctX[xIndex[g]];
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

    /** Reads a summary CSV (see {@link SummaryCsv}) and keeps x, t_x and T. */
    public static CustomerSummaries readCsv(Path file) throws IOException {
        return SummaryCsv.read(file).summaries();
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

    /** The mean observation time T over customers. */
    public double meanT() {
        double st = 0;
        for (double v : t) {
            st += v;
        }
        return t.length == 0 ? 0 : st / t.length;
    }
}
