package quant.core.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Measures of a probability prediction against 0/1 outcomes. */
public final class Roc {
    private Roc() {}

    /**
     * The area under the ROC curve: the probability that a random positive is scored above a random
     * negative, ties counting one half (the Mann–Whitney U statistic ÷ n₊n₋; Hanley &amp; McNeil 1982),
     * computed from mid-ranks. NaN when one class is absent.
     */
    public static double auc(double[] score, int[] y) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1) {
                    rankSumPositive += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Share of rows where score ≥ 0.5 agrees with the outcome. */
    public static double accuracy(double[] score, int[] y) {
        int right = 0;
        for (int i = 0; i < score.length; i++) {
            if ((score[i] >= 0.5) == (y[i] == 1)) {
                right++;
            }
        }
        return score.length == 0 ? Double.NaN : (double) right / score.length;
    }

    /**
     * One bin of a calibration plot.
     *
     * @param meanPredicted mean predicted probability in the bin
     * @param observedRate share of positives in the bin
     */
    public record CalibrationBin(int bin, int rows, double meanPredicted, double observedRate) {}

    /** Rows sorted by score and cut into {@code bins} groups of (almost) equal size. */
    public static List<CalibrationBin> calibration(double[] score, int[] y, int bins) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        List<CalibrationBin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            int from = (int) ((long) b * n / bins);
            int to = (int) ((long) (b + 1) * n / bins);
            if (to <= from) {
                continue;
            }
            double sp = 0;
            int pos = 0;
            for (int k = from; k < to; k++) {
                sp += score[order[k]];
                pos += y[order[k]];
            }
            out.add(new CalibrationBin(b + 1, to - from, sp / (to - from), (double) pos / (to - from)));
        }
        return out;
    }
}
