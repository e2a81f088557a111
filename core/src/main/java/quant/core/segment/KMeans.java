package quant.core.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import quant.core.job.JobMonitor;

/**
 * k-means with k-means++ seeding (Arthur &amp; Vassilvitskii 2007; commons-math3, best of 5 runs by
 * within-cluster variance), k chosen by the mean silhouette (Rousseeuw 1987): for each point, s = (b −
 * a) ÷ max(a, b) with a the mean distance to its own cluster and b the smallest mean distance to
 * another; the k with the highest mean s wins. The silhouette is computed on at most
 * {@value #SILHOUETTE_SAMPLE} points drawn with the seed (it costs n² distances).
 */
public final class KMeans {
    static final int SILHOUETTE_SAMPLE = 1500;
    private static final int RUNS = 5;
    private static final int MAX_ITERATIONS = 300;

    private KMeans() {}

    /** One k tried, and its mean silhouette. */
    public record Trial(int k, double silhouette) {}

    /**
     * The chosen clustering.
     *
     * @param assignment the cluster of each point, 0 … k−1, clusters numbered by size (0 = largest)
     * @param centres the cluster centres, in the same order
     * @param trials every k tried
     */
    public record Clustering(int k, int[] assignment, double[][] centres, List<Trial> trials) {}

    private record Point(int index, double[] point) implements Clusterable {
        @Override
        public double[] getPoint() {
            return point;
        }
    }

    /** Clusters the points (already scaled) with k from 2 to {@code maxK} (fewer when there are few points). */
    public static Clustering best(double[][] points, int maxK, long seed, JobMonitor monitor) {
        int n = points.length;
        List<Point> data = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            data.add(new Point(i, points[i]));
        }
        int[] sample = sample(n, seed);
        Clustering best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        List<Trial> trials = new ArrayList<>();
        for (int k = 2; k <= Math.min(maxK, n - 1); k++) {
            monitor.checkCancelled();
            monitor.progress(k - 2, maxK - 1, "k-means with k = " + k);
            JDKRandomGenerator random = new JDKRandomGenerator();
            random.setSeed(seed + k);
            KMeansPlusPlusClusterer<Point> one =
                    new KMeansPlusPlusClusterer<>(k, MAX_ITERATIONS, new EuclideanDistance(), random);
            List<CentroidCluster<Point>> clusters = new MultiKMeansPlusPlusClusterer<>(one, RUNS).cluster(data);
            clusters.removeIf(c -> c.getPoints().isEmpty());
            clusters.sort((a, b) ->
                    Integer.compare(b.getPoints().size(), a.getPoints().size()));
            int[] assignment = new int[n];
            double[][] centres = new double[clusters.size()][];
            for (int c = 0; c < clusters.size(); c++) {
                centres[c] = clusters.get(c).getCenter().getPoint();
                for (Point p : clusters.get(c).getPoints()) {
                    assignment[p.index()] = c;
                }
            }
            double s = silhouette(points, assignment, clusters.size(), sample);
            trials.add(new Trial(k, s));
            if (s > bestScore) {
                bestScore = s;
                best = new Clustering(clusters.size(), assignment, centres, null);
            }
        }
        if (best == null) {
            return new Clustering(1, new int[n], new double[][] {mean(points)}, List.of());
        }
        return new Clustering(best.k(), best.assignment(), best.centres(), List.copyOf(trials));
    }

    private static int[] sample(int n, long seed) {
        if (n <= SILHOUETTE_SAMPLE) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        // a seeded partial Fisher–Yates shuffle
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Random r = new Random(seed);
        for (int i = 0; i < SILHOUETTE_SAMPLE; i++) {
            int j = i + r.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return java.util.Arrays.copyOf(idx, SILHOUETTE_SAMPLE);
    }

    /** The mean silhouette of the sampled points, distances to the sampled points only. */
    static double silhouette(double[][] points, int[] assignment, int k, int[] sample) {
        double total = 0;
        int counted = 0;
        for (int i : sample) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int j : sample) {
                if (i != j) {
                    sum[assignment[j]] += distance(points[i], points[j]);
                    count[assignment[j]]++;
                }
            }
            int own = assignment[i];
            if (count[own] == 0) {
                counted++; // a singleton: s = 0 by convention
                continue;
            }
            double a = sum[own] / count[own];
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && count[c] > 0) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            if (Double.isFinite(b)) {
                total += (b - a) / Math.max(a, b);
            }
            counted++;
        }
        return counted == 0 ? 0 : total / counted;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    private static double[] mean(double[][] points) {
        double[] m = new double[points.length == 0 ? 0 : points[0].length];
        for (double[] p : points) {
            for (int j = 0; j < m.length; j++) {
                m[j] += p[j] / points.length;
            }
        }
        return m;
    }
}
