package quant.core.churn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import quant.core.analysis.InvalidSpecException;
import quant.core.job.JobMonitor;
import quant.core.stats.LogisticRegression;

/**
 * Stratified k-fold cross-validation of a logistic churn model on a feature table: positives and
 * negatives are shuffled apart (seeded) and dealt to the folds in turn, so every fold keeps the
 * table's churn rate; each fold is predicted by a model fitted on the others.
 *
 * @param auc ROC AUC of all out-of-fold predictions pooled
 * @param meanFoldAuc the mean of the folds' AUCs
 * @param accuracy share right at a 0.5 threshold, pooled
 * @param churnRate share of positive outcomes in the table
 * @param folds per fold
 * @param topFeatures the model fitted on all rows: the features with the largest standardised coefficients
 * @param calibration deciles of the pooled out-of-fold predictions
 */
public record ChurnEvaluation(
        int rows,
        int features,
        double churnRate,
        double auc,
        double meanFoldAuc,
        double accuracy,
        List<Fold> folds,
        List<Coefficient> topFeatures,
        List<Roc.CalibrationBin> calibration,
        List<String> notes) {

    public record Fold(int fold, int rows, double auc, double accuracy) {}

    /** A feature's coefficient per standard deviation (positive = more churn). */
    public record Coefficient(String feature, double coefficient) {}

    public static ChurnEvaluation run(FeatureTable t, int k, long seed, JobMonitor monitor) {
        int n = t.y().length;
        if (k < 2 || k > n) {
            throw new InvalidSpecException("The number of folds must be 2 to " + n + ", not " + k + ".");
        }
        List<Integer> pos = new ArrayList<>();
        List<Integer> neg = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (t.y()[i] == 1 ? pos : neg).add(i);
        }
        Random random = new Random(seed);
        java.util.Collections.shuffle(pos, random);
        java.util.Collections.shuffle(neg, random);
        int[] foldOf = new int[n];
        int next = 0;
        for (int i : pos) {
            foldOf[i] = next++ % k;
        }
        for (int i : neg) {
            foldOf[i] = next++ % k;
        }
        double[] score = new double[n];
        List<Fold> folds = new ArrayList<>();
        double sumAuc = 0;
        for (int f = 0; f < k; f++) {
            monitor.progress(f, k + 1, "Fold " + (f + 1) + " of " + k);
            monitor.checkCancelled();
            List<double[]> trainX = new ArrayList<>();
            List<Integer> trainY = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (foldOf[i] != f) {
                    trainX.add(t.x()[i]);
                    trainY.add(t.y()[i]);
                }
            }
            LogisticRegression m = LogisticRegression.fit(
                    trainX.toArray(double[][]::new),
                    trainY.stream().mapToInt(Integer::intValue).toArray(),
                    LogisticRegression.DEFAULT_LAMBDA);
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (foldOf[i] == f) {
                    score[i] = m.probability(t.x()[i]);
                    test.add(i);
                }
            }
            double[] s = test.stream().mapToDouble(i -> score[i]).toArray();
            int[] y = test.stream().mapToInt(i -> t.y()[i]).toArray();
            double auc = Roc.auc(s, y);
            sumAuc += auc;
            folds.add(new Fold(f + 1, test.size(), auc, Roc.accuracy(s, y)));
        }
        monitor.progress(k, k + 1, "Fitting on all rows");
        LogisticRegression all = LogisticRegression.fit(t.x(), t.y(), LogisticRegression.DEFAULT_LAMBDA);
        List<Coefficient> coefficients = new ArrayList<>();
        for (int j = 0; j < t.names().size(); j++) {
            coefficients.add(new Coefficient(t.names().get(j), all.coefficients()[j]));
        }
        coefficients.sort(Comparator.comparingDouble((Coefficient c) -> Math.abs(c.coefficient()))
                .reversed());
        int positives = 0;
        for (int v : t.y()) {
            positives += v;
        }
        return new ChurnEvaluation(
                n,
                t.names().size(),
                (double) positives / n,
                Roc.auc(score, t.y()),
                sumAuc / k,
                Roc.accuracy(score, t.y()),
                folds,
                coefficients.subList(0, Math.min(10, coefficients.size())),
                Roc.calibration(score, t.y(), 10),
                t.notes());
    }
}
