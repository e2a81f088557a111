package quant.core.segment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import quant.core.analysis.AsOf;
import quant.core.analysis.CustomerHistory;
import quant.core.analysis.Part;
import quant.core.analysis.PurchaseDays;
import quant.core.analysis.Snapshot;
import quant.core.job.JobMonitor;

/**
 * Segments the customers with a purchase by the as-of date two ways: {@link Rfm} scores and named
 * segments, and {@link KMeans} on three features — ln(1 + days since the last purchase), ln(1 +
 * purchase days), ln(1 + revenue to date) — each standardised to mean 0 and standard deviation 1
 * (logs because all three are skewed; standardised so that no feature dominates the distance).
 */
public final class SegmentAnalysis {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS = List.of(Snapshot.Customers.PART, Snapshot.Jobs.PART);

    private SegmentAnalysis() {}

    public static SegmentResult run(Snapshot s, SegmentSpec spec, JobMonitor monitor) {
        AsOf asOf = AsOf.resolve(s, spec.asOf());
        int end = asOf.day();
        CustomerHistory history = CustomerHistory.of(s, end, monitor);
        PurchaseDays pd = PurchaseDays.of(s, end, monitor);
        int n = s.customers().size();
        double[] revenue = new double[n];
        double[] margin = new double[n];
        Snapshot.Jobs jobs = s.jobs();
        for (int j = 0; j < jobs.size(); j++) {
            int c = jobs.customer(j);
            if (c >= 0 && jobs.isCompleted(j) && jobs.completedDay(j) <= end) {
                revenue[c] += jobs.revenue(j);
                margin[c] += jobs.margin(j);
            }
        }
        List<Integer> who = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (pd.countUpTo(c, end) > 0 && spec.filter().test(s, c, history.firstServiceLine(c))) {
                who.add(c);
            }
        }
        int m = who.size();
        List<String> definitions = List.of(
                "A purchase is a completed job with revenue above 0; jobs on the same day are one purchase.",
                "R, F and M are quintile scores 1–5 of days since the last purchase (5 = most recent), purchase"
                        + " days, and revenue to date; ties share a score.",
                "k-means clusters the customers on ln(1 + days since the last purchase), ln(1 + purchases) and"
                        + " ln(1 + revenue), standardised; k is chosen by the mean silhouette.",
                "Churned: no purchase in the last 365 days.");
        if (m == 0) {
            return new SegmentResult(
                    asOf, 0, new int[5][5], List.of(), 0, List.of(), List.of(), List.of(), definitions);
        }
        double[] recency = new double[m];
        double[] frequency = new double[m];
        double[] money = new double[m];
        int[] last = new int[m];
        for (int i = 0; i < m; i++) {
            int c = who.get(i);
            int k = pd.countUpTo(c, end);
            last[i] = pd.day(pd.start(c) + k - 1);
            recency[i] = end - last[i];
            frequency[i] = k;
            money[i] = revenue[c];
        }
        double[] negRecency = new double[m];
        for (int i = 0; i < m; i++) {
            negRecency[i] = -recency[i];
        }
        int[] r = Rfm.scores(negRecency);
        int[] f = Rfm.scores(frequency);
        int[] mm = Rfm.scores(money);
        int[][] grid = new int[5][5];
        Rfm.Segment[] named = new Rfm.Segment[m];
        for (int i = 0; i < m; i++) {
            grid[5 - r[i]][f[i] - 1]++;
            named[i] = Rfm.Segment.of(r[i], f[i]);
        }
        monitor.checkCancelled();
        double[][] z = standardised(recency, frequency, money);
        KMeans.Clustering clustering = m >= 3
                ? KMeans.best(z, spec.maxClusters(), spec.seed(), monitor)
                : new KMeans.Clustering(1, new int[m], new double[][] {new double[3]}, List.of());
        Snapshot.Customers cs = s.customers();
        List<SegmentResult.CustomerSegment> rows = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            int c = who.get(i);
            rows.add(new SegmentResult.CustomerSegment(
                    cs.id(c),
                    cs.name(c),
                    cs.segments().value(cs.segment(c)),
                    (int) recency[i],
                    (int) frequency[i],
                    Math.round(revenue[c] * 100) / 100.0,
                    Math.round(margin[c] * 100) / 100.0,
                    LocalDate.ofEpochDay(last[i]),
                    r[i],
                    f[i],
                    mm[i],
                    "" + r[i] + f[i] + mm[i],
                    named[i].title(),
                    clustering.assignment()[i] + 1));
        }
        return new SegmentResult(
                asOf,
                m,
                grid,
                namedSegments(named, recency, frequency, money),
                clustering.k(),
                clustering.trials(),
                clusters(clustering, named, recency, frequency, money, margin, who),
                rows,
                definitions);
    }

    static double[][] standardised(double[]... features) {
        int m = features[0].length;
        double[][] z = new double[m][features.length];
        for (int j = 0; j < features.length; j++) {
            double[] v = new double[m];
            double mean = 0;
            for (int i = 0; i < m; i++) {
                v[i] = Math.log1p(Math.max(0, features[j][i]));
                mean += v[i] / m;
            }
            double var = 0;
            for (int i = 0; i < m; i++) {
                var += (v[i] - mean) * (v[i] - mean) / m;
            }
            double sd = var > 0 ? Math.sqrt(var) : 1;
            for (int i = 0; i < m; i++) {
                z[i][j] = (v[i] - mean) / sd;
            }
        }
        return z;
    }

    private static List<SegmentResult.NamedSegment> namedSegments(
            Rfm.Segment[] named, double[] recency, double[] frequency, double[] money) {
        int m = named.length;
        double totalRevenue = 0;
        for (double v : money) {
            totalRevenue += v;
        }
        List<SegmentResult.NamedSegment> out = new ArrayList<>();
        for (Rfm.Segment seg : Rfm.SEGMENTS) {
            int count = 0;
            double rec = 0;
            double fr = 0;
            double mo = 0;
            for (int i = 0; i < m; i++) {
                if (named[i] == seg) {
                    count++;
                    rec += recency[i];
                    fr += frequency[i];
                    mo += money[i];
                }
            }
            out.add(new SegmentResult.NamedSegment(
                    seg.title(),
                    seg.rule(),
                    seg.action(),
                    count,
                    (double) count / m,
                    count == 0 ? 0 : rec / count,
                    count == 0 ? 0 : fr / count,
                    count == 0 ? 0 : mo / count,
                    totalRevenue > 0 ? mo / totalRevenue : 0));
        }
        return out;
    }

    private static List<SegmentResult.Cluster> clusters(
            KMeans.Clustering clustering,
            Rfm.Segment[] named,
            double[] recency,
            double[] frequency,
            double[] money,
            double[] margin,
            List<Integer> who) {
        int m = named.length;
        double allRec = median(recency);
        double allFreq = median(frequency);
        double allMoney = median(money);
        List<SegmentResult.Cluster> out = new ArrayList<>();
        for (int k = 0; k < clustering.k(); k++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if (clustering.assignment()[i] == k) {
                    members.add(i);
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            double[] rec = members.stream().mapToDouble(i -> recency[i]).toArray();
            double[] fr = members.stream().mapToDouble(i -> frequency[i]).toArray();
            double[] mo = members.stream().mapToDouble(i -> money[i]).toArray();
            double ma = members.stream()
                    .mapToDouble(i -> margin[who.get(i)])
                    .average()
                    .orElse(0);
            long churned = members.stream().filter(i -> recency[i] >= 365).count();
            int[] segCount = new int[Rfm.SEGMENTS.size()];
            for (int i : members) {
                segCount[named[i].ordinal()]++;
            }
            int top = 0;
            for (int q = 1; q < segCount.length; q++) {
                if (segCount[q] > segCount[top]) {
                    top = q;
                }
            }
            String label = describe(median(rec), allRec, median(fr), allFreq, median(mo), allMoney);
            out.add(new SegmentResult.Cluster(
                    k + 1,
                    label,
                    members.size(),
                    mean(rec),
                    mean(fr),
                    mean(mo),
                    ma,
                    (double) churned / members.size(),
                    Rfm.SEGMENTS.get(top).title()));
        }
        return out;
    }

    /** "recent · frequent · high spend": each of the cluster's medians against all customers' median. */
    static String describe(double rec, double allRec, double fr, double allFreq, double mo, double allMoney) {
        String r = rec <= allRec * 0.67 ? "recent" : rec >= allRec * 1.5 ? "lapsed" : "mid recency";
        String f = fr >= allFreq * 1.5 ? "frequent" : fr <= allFreq * 0.67 ? "occasional" : "regular";
        String m = mo >= allMoney * 1.5 ? "high spend" : mo <= allMoney * 0.67 ? "low spend" : "mid spend";
        return r + " · " + f + " · " + m;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n == 0 ? 0 : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
