package quant.core.analysis;

import java.util.Arrays;
import quant.core.job.JobMonitor;

/**
 * Per customer, the days with at least one transaction (a completed job with revenue &gt; 0), in
 * order, with that day's revenue and margin summed: several jobs on one day are one purchase, as
 * Fader &amp; Hardie count CDNOW's. Held as compressed rows: customer i's days are
 * {@code day(offset(i)) … day(offset(i+1) − 1)}. Built in O(n) by bucketing jobs by customer, then
 * sorting each customer's few days.
 */
public final class PurchaseDays {
    private final int[] offsets;
    private final int[] days;
    private final double[] revenue;
    private final double[] margin;

    private PurchaseDays(int[] offsets, int[] days, double[] revenue, double[] margin) {
        this.offsets = offsets;
        this.days = days;
        this.revenue = revenue;
        this.margin = margin;
    }

    /** The transactions of the snapshot's customers completed on or before {@code lastDay}. */
    public static PurchaseDays of(Snapshot s, int lastDay, JobMonitor monitor) {
        Snapshot.Jobs jobs = s.jobs();
        int customers = s.customers().size();
        Builder b = new Builder(customers);
        for (int j = 0; j < jobs.size(); j++) {
            if ((j & 0xFFFF) == 0) {
                monitor.checkCancelled();
            }
            int c = jobs.customer(j);
            if (c >= 0 && jobs.isTransaction(j) && jobs.completedDay(j) <= lastDay) {
                b.add(c, jobs.completedDay(j), jobs.revenue(j), jobs.margin(j));
            }
        }
        return b.build();
    }

    /** Collects transactions in any order, then sorts and merges them per customer and day. */
    public static final class Builder {
        private final int customers;
        private int size;
        private int[] customer = new int[1024];
        private int[] day = new int[1024];
        private double[] rev = new double[1024];
        private double[] mar = new double[1024];

        public Builder(int customers) {
            this.customers = customers;
        }

        public Builder add(int c, int d, double revenue, double margin) {
            if (c < 0 || c >= customers) {
                throw new IllegalArgumentException("customer index " + c + " outside 0.." + (customers - 1));
            }
            if (size == customer.length) {
                int n = size * 2;
                customer = Arrays.copyOf(customer, n);
                day = Arrays.copyOf(day, n);
                rev = Arrays.copyOf(rev, n);
                mar = Arrays.copyOf(mar, n);
            }
            customer[size] = c;
            day[size] = d;
            rev[size] = revenue;
            mar[size] = margin;
            size++;
            return this;
        }

        public PurchaseDays build() {
            int[] start = new int[customers + 1];
            for (int k = 0; k < size; k++) {
                start[customer[k] + 1]++;
            }
            for (int c = 0; c < customers; c++) {
                start[c + 1] += start[c];
            }
            // bucket by customer, each entry packed as (day, entry index) for a primitive sort
            long[] packed = new long[size];
            int[] fill = Arrays.copyOf(start, customers);
            for (int k = 0; k < size; k++) {
                packed[fill[customer[k]]++] = ((long) day[k] << 32) | k;
            }
            int[] offsets = new int[customers + 1];
            int[] outDay = new int[size];
            double[] outRev = new double[size];
            double[] outMar = new double[size];
            int n = 0;
            for (int c = 0; c < customers; c++) {
                offsets[c] = n;
                Arrays.sort(packed, start[c], start[c + 1]);
                for (int p = start[c]; p < start[c + 1]; p++) {
                    int k = (int) packed[p];
                    int d = (int) (packed[p] >> 32);
                    if (n > offsets[c] && outDay[n - 1] == d) {
                        outRev[n - 1] += rev[k];
                        outMar[n - 1] += mar[k];
                    } else {
                        outDay[n] = d;
                        outRev[n] = rev[k];
                        outMar[n] = mar[k];
                        n++;
                    }
                }
            }
            offsets[customers] = n;
            return new PurchaseDays(
                    offsets, Arrays.copyOf(outDay, n), Arrays.copyOf(outRev, n), Arrays.copyOf(outMar, n));
        }
    }

    public int customers() {
        return offsets.length - 1;
    }

    /** The index of customer c's first purchase day. */
    public int start(int c) {
        return offsets[c];
    }

    /** One past the index of customer c's last purchase day. */
    public int end(int c) {
        return offsets[c + 1];
    }

    /** Purchase days of customer c. */
    public int count(int c) {
        return offsets[c + 1] - offsets[c];
    }

    public int day(int k) {
        return days[k];
    }

    public double revenue(int k) {
        return revenue[k];
    }

    public double margin(int k) {
        return margin[k];
    }

    /** Purchase days of customer c on or before {@code lastDay}. */
    public int countUpTo(int c, int lastDay) {
        int lo = offsets[c];
        int hi = offsets[c + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (days[mid] <= lastDay) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - offsets[c];
    }
}
