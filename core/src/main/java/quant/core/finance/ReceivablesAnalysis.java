package quant.core.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import quant.core.analysis.AsOf;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.job.JobMonitor;
import quant.core.settings.Levels;
import quant.core.settings.Monitors;

/**
 * Receivables at an as-of date, from invoices and their payments; every figure is as it stood at
 * that date (payments after it do not count, invoices issued after it do not exist). An invoice is
 * open for its amount less the payments made by then; void invoices are left out, disputed ones are
 * owed like the rest.
 *
 * <ul>
 *   <li>DSO = open receivables ÷ invoiced revenue over the last 90 days × 90, in days (the same at
 *       each month end for the trend);
 *   <li>aging: open receivables by days past the due date: current (not yet due), 1–30, 31–60,
 *       61–90, 90+;
 *   <li>collection efficiency over the last 90 days = collected ÷ collectible: collectible is, for
 *       each invoice due by the as-of date, what was still open 90 days before (its whole amount when
 *       issued since), collected what was paid of it since;
 *   <li>late-payment rate = the invoices due in the last 12 months that were paid in full after their
 *       due date or are unpaid past it, ÷ all invoices due then; days late run to the payment in full,
 *       or to the as-of date for an unpaid one.
 *   <li>slow payers: the customers who pay, but late: those with at least {@value #HABIT} invoices due
 *       in the last 12 months and paid in full by the as-of date, by their average days beyond terms over
 *       those paid invoices (days from due date to payment in full, 0 when paid on time). Invoices left
 *       unpaid are bad debt, which the aging and the customers' past-due amounts show; they do not make
 *       a customer a slow payer.
 * </ul>
 */
public final class ReceivablesAnalysis {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS = List.of(Snapshot.Invoices.PART, Snapshot.Jobs.PART);

    static final String[] BUCKETS = {"current", "1-30", "31-60", "61-90", "90+"};

    /** Invoices due in the last 12 months a customer needs for their payment habit to be ranked. */
    public static final int HABIT = 4;

    private ReceivablesAnalysis() {}

    /** Payments by invoice: {@code start[i]} to {@code start[i + 1]} index {@code day} and {@code amount}. */
    public record Ledger(int[] start, int[] day, double[] amount) {
        public static Ledger of(Snapshot.Invoices inv) {
            Snapshot.Payments p = inv.payments();
            int n = inv.size();
            int[] count = new int[n + 1];
            for (int k = 0; k < p.size(); k++) {
                count[p.invoice(k) + 1]++;
            }
            for (int i = 0; i < n; i++) {
                count[i + 1] += count[i];
            }
            int[] next = count.clone();
            int[] day = new int[p.size()];
            double[] amount = new double[p.size()];
            for (int k = 0; k < p.size(); k++) {
                int at = next[p.invoice(k)]++;
                day[at] = p.day(k);
                amount[at] = p.amount(k);
            }
            return new Ledger(count, day, amount);
        }

        /** What was paid of invoice {@code i} by the end of {@code d}. */
        public double paidBy(int i, int d) {
            double s = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                if (day[k] <= d) {
                    s += amount[k];
                }
            }
            return s;
        }

        /** The day the invoice was paid in full by {@code d}, or {@link Snapshot#NO_DAY}. */
        int settledOn(int i, double amountDue, int d) {
            double s = 0;
            int last = Snapshot.NO_DAY;
            // payments in day order
            int[] order = java.util.stream.IntStream.range(start[i], start[i + 1])
                    .boxed()
                    .sorted(Comparator.comparingInt(k -> day[k]))
                    .mapToInt(Integer::intValue)
                    .toArray();
            for (int k : order) {
                if (day[k] > d) {
                    break;
                }
                s += amount[k];
                last = day[k];
                if (s >= amountDue - 0.005) {
                    return last;
                }
            }
            return Snapshot.NO_DAY;
        }
    }

    public static ReceivablesResult run(Snapshot s, Optional<LocalDate> asOfDate, Monitors levels, JobMonitor monitor) {
        Snapshot.Invoices inv = s.invoices();
        if (inv.size() == 0) {
            throw new InvalidSpecException(
                    "The database holds no invoices: import them (table invoice) to see receivables.");
        }
        AsOf asOf = AsOf.resolve(s, asOfDate);
        int end = asOf.day();
        Ledger ledger = Ledger.of(inv);
        monitor.progress(0, 3, "Aging");
        double[] bucketAmount = new double[BUCKETS.length];
        int[] bucketCount = new int[BUCKETS.length];
        int customers = s.customers().size();
        double[] open = new double[customers];
        double[] pastDue = new double[customers];
        double[] over60 = new double[customers];
        int[] oldest = new int[customers];
        int[] due12 = new int[customers];
        int[] late12 = new int[customers];
        double[] daysLate12 = new double[customers];
        int[] paid12 = new int[customers];
        double[] beyondTerms12 = new double[customers];
        double totalOpen = 0;
        double overYear = 0;
        int lateAll = 0;
        int dueAll = 0;
        double lateDaysAll = 0;
        for (int i = 0; i < inv.size(); i++) {
            if (inv.status(i) == Snapshot.Invoices.VOID || inv.issuedDay(i) > end) {
                continue;
            }
            int c = inv.customer(i);
            double left = Math.max(0, inv.amount(i) - ledger.paidBy(i, end));
            if (left > 0.005) {
                int pastDays = end - inv.dueDay(i);
                int b = pastDays <= 0 ? 0 : pastDays <= 30 ? 1 : pastDays <= 60 ? 2 : pastDays <= 90 ? 3 : 4;
                bucketAmount[b] += left;
                bucketCount[b]++;
                totalOpen += left;
                if (pastDays > 365) {
                    overYear += left;
                }
                if (c >= 0) {
                    open[c] += left;
                    if (pastDays > 0) {
                        pastDue[c] += left;
                        oldest[c] = Math.max(oldest[c], pastDays);
                    }
                    if (pastDays > 60) {
                        over60[c] += left;
                    }
                }
            }
            int due = inv.dueDay(i);
            if (due <= end && due > end - 365) {
                int settled = ledger.settledOn(i, inv.amount(i), end);
                boolean isLate = settled == Snapshot.NO_DAY ? due < end : settled > due;
                dueAll++;
                if (c >= 0) {
                    due12[c]++;
                    if (settled != Snapshot.NO_DAY) {
                        paid12[c]++;
                        beyondTerms12[c] += Math.max(0, settled - due);
                    }
                }
                if (isLate) {
                    int days = (settled == Snapshot.NO_DAY ? end : settled) - due;
                    lateAll++;
                    lateDaysAll += days;
                    if (c >= 0) {
                        late12[c]++;
                        daysLate12[c] += days;
                    }
                }
            }
        }
        monitor.progress(1, 3, "Days sales outstanding");
        List<ReceivablesResult.DsoPoint> trend = new ArrayList<>();
        LocalDate monthEnd = asOf.date().withDayOfMonth(1).minusDays(1);
        List<Integer> days = new ArrayList<>();
        for (int k = 11; k >= 0; k--) {
            days.add((int) monthEnd.minusMonths(k)
                    .withDayOfMonth(monthEnd.minusMonths(k).lengthOfMonth())
                    .toEpochDay());
        }
        days.add(end);
        for (int d : days) {
            trend.add(dsoAt(inv, ledger, d));
        }
        ReceivablesResult.DsoPoint now = trend.getLast();
        double pastDueAll = totalOpen - bucketAmount[0];
        double over60All = bucketAmount[3] + bucketAmount[4];
        double collection = collection(inv, ledger, end);

        monitor.progress(2, 3, "Customers");
        List<ReceivablesResult.Customer> rows = new ArrayList<>();
        Snapshot.Customers cu = s.customers();
        for (int c = 0; c < customers; c++) {
            if (open[c] > 0.005 || late12[c] > 0) {
                rows.add(new ReceivablesResult.Customer(
                        cu.id(c),
                        cu.name(c),
                        round(open[c]),
                        round(pastDue[c]),
                        round(over60[c]),
                        oldest[c],
                        due12[c],
                        late12[c],
                        due12[c] == 0 ? Double.NaN : round4((double) late12[c] / due12[c]),
                        late12[c] == 0 ? Double.NaN : round(daysLate12[c] / late12[c]),
                        paid12[c],
                        paid12[c] == 0 ? Double.NaN : round(beyondTerms12[c] / paid12[c])));
            }
        }
        rows.sort(Comparator.comparingDouble((ReceivablesResult.Customer r) -> -r.pastDue())
                .thenComparingDouble(r -> -r.open())
                .thenComparingLong(ReceivablesResult.Customer::id));
        List<ReceivablesResult.Customer> slow = rows.stream()
                .filter(r -> r.paid() >= HABIT && r.daysBeyondTerms() > 0)
                .sorted(Comparator.comparingDouble((ReceivablesResult.Customer r) -> -r.daysBeyondTerms())
                        .thenComparingLong(ReceivablesResult.Customer::id))
                .limit(10)
                .toList();
        List<ReceivablesResult.Bucket> aging = new ArrayList<>();
        for (int b = 0; b < BUCKETS.length; b++) {
            aging.add(new ReceivablesResult.Bucket(
                    BUCKETS[b],
                    round(bucketAmount[b]),
                    bucketCount[b],
                    totalOpen > 0 ? round4(bucketAmount[b] / totalOpen) : Double.NaN));
        }
        double overdueShare = totalOpen > 0 ? over60All / totalOpen : Double.NaN;
        List<String> notes = new ArrayList<>();
        if (!(now.invoiced90() > 0)) {
            notes.add("Nothing was invoiced in the 90 days to the as-of date, so DSO cannot be computed.");
        }
        if (overYear > 0.005 && now.invoiced90() > 0) {
            notes.add(String.format(
                    Locale.ROOT,
                    "%,.2f (%.0f %%) of open receivables is more than a year past due: candidates to write off;"
                            + " without them DSO would be %.0f days.",
                    overYear,
                    100 * overYear / totalOpen,
                    (totalOpen - overYear) / now.invoiced90() * 90));
        }
        long unknown = java.util.stream.IntStream.range(0, inv.size())
                .filter(i -> inv.customer(i) < 0)
                .count();
        if (unknown > 0) {
            notes.add(unknown + " invoices name a customer the data does not hold; they count in the totals only.");
        }
        monitor.progress(3, 3, "Done");
        return new ReceivablesResult(
                asOf,
                round(totalOpen),
                round(pastDueAll),
                now.dso(),
                status(levels.dso(), now.dso()),
                round4(overdueShare),
                status(levels.overdue60(), overdueShare),
                round4(collection),
                status(levels.collection(), collection),
                dueAll == 0 ? Double.NaN : round4((double) lateAll / dueAll),
                lateAll == 0 ? Double.NaN : round(lateDaysAll / lateAll),
                List.copyOf(aging),
                List.copyOf(trend),
                List.copyOf(rows),
                slow,
                List.of(
                        "DSO: " + levels.dso().words(v -> String.format(Locale.ROOT, "%.0f days", v)) + ".",
                        "More than 60 days past due: " + levels.overdue60().words(ReceivablesAnalysis::percent)
                                + " of open receivables.",
                        "Collection efficiency: " + levels.collection().words(ReceivablesAnalysis::percent) + "."),
                List.copyOf(notes),
                definitions());
    }

    /** DSO at the end of day {@code d}: open receivables ÷ the invoicing of the 90 days to it × 90. */
    public static ReceivablesResult.DsoPoint dsoAt(Snapshot.Invoices inv, Ledger ledger, int d) {
        double open = 0;
        double invoiced = 0;
        for (int i = 0; i < inv.size(); i++) {
            if (inv.status(i) == Snapshot.Invoices.VOID || inv.issuedDay(i) > d) {
                continue;
            }
            open += Math.max(0, inv.amount(i) - ledger.paidBy(i, d));
            if (inv.issuedDay(i) > d - 90) {
                invoiced += inv.amount(i);
            }
        }
        return new ReceivablesResult.DsoPoint(
                LocalDate.ofEpochDay(d),
                invoiced > 0 ? round(open / invoiced * 90) : Double.NaN,
                round(open),
                round(invoiced));
    }

    static double collection(Snapshot.Invoices inv, Ledger ledger, int end) {
        int from = end - 90;
        double collectible = 0;
        double collected = 0;
        for (int i = 0; i < inv.size(); i++) {
            if (inv.status(i) == Snapshot.Invoices.VOID || inv.issuedDay(i) > end || inv.dueDay(i) > end) {
                continue;
            }
            double before = inv.issuedDay(i) > from ? 0 : ledger.paidBy(i, from);
            double owed = Math.max(0, inv.amount(i) - before);
            if (owed <= 0.005) {
                continue;
            }
            collectible += owed;
            collected += Math.min(owed, ledger.paidBy(i, end) - before);
        }
        return collectible > 0 ? collected / collectible : Double.NaN;
    }

    static String status(Levels levels, double value) {
        return Double.isNaN(value) ? null : levels.judge(value).name().toLowerCase(Locale.ROOT);
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * v);
    }

    private static List<String> definitions() {
        return List.of(
                "Open receivables: invoices issued by the as-of date, not void, less the payments made by then.",
                "DSO (days sales outstanding): open receivables ÷ invoiced revenue over the last 90 days × 90.",
                "Aging: open receivables by days past the due date: current (not yet due), 1–30, 31–60, 61–90, 90+.",
                "Collection efficiency: of what was collectible in the last 90 days (invoices due by the as-of date,"
                        + " as much as was open 90 days before), the share collected since.",
                "Late-payment rate: invoices due in the last 12 months paid in full after the due date or unpaid past"
                        + " it, ÷ all invoices due then; days late run to the payment in full or to the as-of date.");
    }

    static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
    }

    static double round4(double v) {
        return Double.isFinite(v) ? Math.round(v * 10_000) / 10_000.0 : v;
    }
}
