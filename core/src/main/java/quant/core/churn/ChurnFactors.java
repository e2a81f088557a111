package quant.core.churn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import quant.core.analysis.DisplayNames;
import quant.core.analysis.PurchaseDays;
import quant.core.analysis.Snapshot;

/**
 * The explainable churn factors of each customer at a day.
 *
 * <p>Recent ones, over the year before the day (always in the model):
 *
 * <ol>
 *   <li>callbacks: completed callback jobs (warranty revisits) on the customer's jobs;
 *   <li>low ratings: completed jobs the customer rated 1 or 2;
 *   <li>late or disputed invoices: invoices issued in the year that were paid after their due day,
 *       are unpaid past it, or are disputed;
 *   <li>falling frequency: the drop in purchase days against the year before that, (before − last) ÷
 *       before, 0 when it did not fall;
 *   <li>days since the last purchase.
 * </ol>
 *
 * <p>Candidates that {@link ChurnRiskAnalysis} keeps when they raise the time-split AUC: lasting ones
 * over the whole history before the day (ever a callback, ever a rating of 1–2, ever a late or disputed
 * invoice: 0 or 1 — a bad experience that raises the risk for good), and the customer's segment (one
 * 0/1 column per segment but the largest, which is the baseline).
 */
public final class ChurnFactors {
    /** What a column measures. */
    public enum Kind {
        CALLBACKS,
        LOW_RATINGS,
        LATE,
        DROP,
        DAYS,
        EVER_CALLBACK,
        EVER_LOW_RATING,
        EVER_LATE,
        SEGMENT
    }

    /**
     * One factor column.
     *
     * @param name the key in JSON (camelCase), e.g. {@code everCallback} or {@code segment:commercial}
     * @param unit the step the per-unit odds ratio is for
     * @param unitSize that step in the column's own scale
     * @param segment the segment of a {@link Kind#SEGMENT} column, else null
     * @param group columns kept or dropped together (a segment's dummies are one group)
     */
    public record Column(
            String name,
            String label,
            String description,
            String unit,
            double unitSize,
            Kind kind,
            String segment,
            String group) {}

    /** The recent factors, always in the model. */
    static final List<Column> RECENT = List.of(
            new Column(
                    "callbacks",
                    "Callbacks, last year",
                    "callbacks (warranty revisits) on the customer's jobs in the last year",
                    "callback",
                    1,
                    Kind.CALLBACKS,
                    null,
                    "recent"),
            new Column(
                    "lowRatings",
                    "Low ratings, last year",
                    "jobs rated 1 or 2 in the last year",
                    "low rating",
                    1,
                    Kind.LOW_RATINGS,
                    null,
                    "recent"),
            new Column(
                    "lateInvoices",
                    "Late invoices, last year",
                    "invoices of the last year paid late, unpaid past due or disputed",
                    "late or disputed invoice",
                    1,
                    Kind.LATE,
                    null,
                    "recent"),
            new Column(
                    "frequencyDrop",
                    "Fewer purchases",
                    "drop in purchases against the year before (0 to 1)",
                    "10 % drop",
                    0.1,
                    Kind.DROP,
                    null,
                    "recent"),
            new Column(
                    "daysSinceLastPurchase",
                    "Days since last purchase",
                    "days since the last purchase",
                    "30 days",
                    30,
                    Kind.DAYS,
                    null,
                    "recent"));

    /** The lasting factors over the whole history, each a candidate of its own. */
    static final List<Column> LASTING = List.of(
            new Column(
                    "everCallback",
                    "Ever a callback",
                    "ever a callback on the customer's jobs (0 or 1): a first callback raises the risk for good",
                    "customer with a callback",
                    1,
                    Kind.EVER_CALLBACK,
                    null,
                    "everCallback"),
            new Column(
                    "everLowRating",
                    "Ever a low rating",
                    "ever a job rated 1 or 2 (0 or 1)",
                    "customer with a low rating",
                    1,
                    Kind.EVER_LOW_RATING,
                    null,
                    "everLowRating"),
            new Column(
                    "everLateInvoice",
                    "Ever a late invoice",
                    "ever an invoice paid late, unpaid past due or disputed (0 or 1)",
                    "customer with a late invoice",
                    1,
                    Kind.EVER_LATE,
                    null,
                    "everLateInvoice"));

    private ChurnFactors() {}

    /** The names of the recent factors. */
    public static final List<String> NAMES = RECENT.stream().map(Column::name).toList();

    /**
     * The segment columns: one per segment of the customers but the largest (the baseline), grouped so
     * they are kept or dropped together; empty with fewer than two segments.
     */
    static List<Column> segments(Snapshot s, boolean[] in) {
        var codes = s.customers().segments();
        int[] count = new int[codes.size()];
        for (int c = 0; c < in.length; c++) {
            int code = s.customers().segment(c);
            if (in[c] && code >= 0) {
                count[code]++;
            }
        }
        int baseline = -1;
        int present = 0;
        for (int k = 0; k < count.length; k++) {
            present += count[k] > 0 ? 1 : 0;
            if (count[k] > 0 && (baseline < 0 || count[k] > count[baseline])) {
                baseline = k;
            }
        }
        List<Column> out = new ArrayList<>();
        if (present < 2) {
            return out;
        }
        for (int k = 0; k < count.length; k++) {
            if (count[k] > 0 && k != baseline) {
                String v = codes.value(k);
                out.add(new Column(
                        "segment:" + v,
                        DisplayNames.of(v) + " customer",
                        String.format(Locale.ROOT, "the customer is %s (against %s)", v, codes.value(baseline)),
                        v + " customer",
                        1,
                        Kind.SEGMENT,
                        v,
                        "segment"));
            }
        }
        return out;
    }

    /** One row of {@link #NAMES} per customer (all customers; callers pick the ones that count). */
    public static double[][] at(Snapshot s, PurchaseDays pd, int day) {
        return at(s, pd, day, RECENT);
    }

    /** One row of the given columns per customer, at {@code day}. */
    static double[][] at(Snapshot s, PurchaseDays pd, int day, List<Column> columns) {
        int n = s.customers().size();
        double[][] recent = new double[n][5];
        double[][] ever = new double[n][3];
        int yearAgo = day - 365;
        Snapshot.Jobs jobs = s.jobs();
        for (int j = 0; j < jobs.size(); j++) {
            int c = jobs.customer(j);
            int d = jobs.completedDay(j);
            if (c < 0 || !jobs.isCompleted(j) || d > day) {
                continue;
            }
            int rating = jobs.rating(j);
            boolean low = rating >= 1 && rating <= 2;
            if (jobs.isCallback(j)) {
                ever[c][0] = 1;
                recent[c][0] += d > yearAgo ? 1 : 0;
            }
            if (low) {
                ever[c][1] = 1;
                recent[c][1] += d > yearAgo ? 1 : 0;
            }
        }
        Snapshot.Invoices inv = s.invoices();
        for (int i = 0; i < inv.size(); i++) {
            int c = inv.customer(i);
            int issued = inv.issuedDay(i);
            if (c < 0 || issued > day) {
                continue;
            }
            if (inv.status(i) == Snapshot.Invoices.DISPUTED || inv.isLate(i, day)) {
                ever[c][2] = 1;
                recent[c][2] += issued > yearAgo ? 1 : 0;
            }
        }
        for (int c = 0; c < n; c++) {
            int upTo = pd.countUpTo(c, day);
            int last = upTo > 0 ? pd.day(pd.start(c) + upTo - 1) : Snapshot.NO_DAY;
            int lastYear = upTo - pd.countUpTo(c, yearAgo);
            int yearBefore = pd.countUpTo(c, yearAgo) - pd.countUpTo(c, yearAgo - 365);
            recent[c][3] = yearBefore > 0 ? Math.max(0, (double) (yearBefore - lastYear) / yearBefore) : 0;
            recent[c][4] = last == Snapshot.NO_DAY ? 0 : day - last;
        }
        double[][] f = new double[n][columns.size()];
        for (int c = 0; c < n; c++) {
            for (int k = 0; k < columns.size(); k++) {
                Column col = columns.get(k);
                f[c][k] = switch (col.kind()) {
                    case CALLBACKS -> recent[c][0];
                    case LOW_RATINGS -> recent[c][1];
                    case LATE -> recent[c][2];
                    case DROP -> recent[c][3];
                    case DAYS -> recent[c][4];
                    case EVER_CALLBACK -> ever[c][0];
                    case EVER_LOW_RATING -> ever[c][1];
                    case EVER_LATE -> ever[c][2];
                    case SEGMENT ->
                        col.segment()
                                        .equals(s.customers()
                                                .segments()
                                                .value(s.customers().segment(c)))
                                ? 1
                                : 0;
                };
            }
        }
        return f;
    }
}
