package quant.core.analysis;

import java.util.Arrays;
import quant.core.job.JobMonitor;

/**
 * Per customer, what several analyses need from the jobs up to an as-of day, in one pass: the first
 * completed job (its day and service line) and the cohort day (the day acquired, else the first
 * completed job's day).
 */
public final class CustomerHistory {
    private final int[] firstCompletedDay;
    private final int[] firstLine;
    private final int[] cohortDay;

    private CustomerHistory(int[] firstCompletedDay, int[] firstLine, int[] cohortDay) {
        this.firstCompletedDay = firstCompletedDay;
        this.firstLine = firstLine;
        this.cohortDay = cohortDay;
    }

    /** Scans the jobs completed on or before {@code asOfDay}. */
    public static CustomerHistory of(Snapshot s, int asOfDay, JobMonitor monitor) {
        int n = s.customers().size();
        int[] first = new int[n];
        int[] line = new int[n];
        Arrays.fill(first, Integer.MAX_VALUE);
        Arrays.fill(line, Codes.NONE);
        Snapshot.Jobs jobs = s.jobs();
        for (int j = 0; j < jobs.size(); j++) {
            if ((j & 0xFFFF) == 0) {
                monitor.checkCancelled();
            }
            int day = jobs.completedDay(j);
            int c = jobs.customer(j);
            if (jobs.isCompleted(j) && day <= asOfDay && c >= 0 && day < first[c]) {
                first[c] = day;
                line[c] = jobs.serviceLine(j);
            }
        }
        int[] cohort = new int[n];
        for (int i = 0; i < n; i++) {
            if (first[i] == Integer.MAX_VALUE) {
                first[i] = Snapshot.NO_DAY;
            }
            int acquired = s.customers().acquiredDay(i);
            cohort[i] = acquired != Snapshot.NO_DAY ? acquired : first[i];
        }
        return new CustomerHistory(first, line, cohort);
    }

    /** The day of the customer's first completed job, or {@link Snapshot#NO_DAY}. */
    public int firstCompletedDay(int customer) {
        return firstCompletedDay[customer];
    }

    /** The service line of the customer's first completed job, or {@link Codes#NONE}. */
    public int firstServiceLine(int customer) {
        return firstLine[customer];
    }

    /** The day that sets the customer's cohort: acquired on, else the first completed job; or {@link Snapshot#NO_DAY}. */
    public int cohortDay(int customer) {
        return cohortDay[customer];
    }
}
