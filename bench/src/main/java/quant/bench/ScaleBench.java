package quant.bench;

import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotLoader;
import quant.core.cohort.CohortAnalysis;
import quant.core.cohort.CohortResult;
import quant.core.cohort.CohortSpec;
import quant.core.job.JobMonitor;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.core.store.StoreLocation;

/**
 * What changes when a team server holds ten times the jobs: on the database named on the command line
 * (a server's, e.g. the 1,010,160-job company with its jobs copied nine more times), the snapshot the
 * cohort matrix reads (customers and jobs) is loaded into the workbench and the matrix computed there,
 * against the same matrix computed by the server as one SQL query — the two compared cell by cell —
 * with the heap the snapshot takes. The whole snapshot is then loaded, to see whether it fits.
 *
 * <p>Usage: {@code ScaleBench jdbc:postgresql://host:port/db?user=U}.
 */
public final class ScaleBench {
    private ScaleBench() {}

    public static void main(String[] args) throws Exception {
        StoreLocation at = StoreLocation.parse(args[0]);
        try (Store store = Store.openExisting(at)) {
            System.out.printf(
                    Locale.ROOT,
                    "%s: %,d jobs, %,d customers%n",
                    at.describe(),
                    store.rowCounts().get(DomainTable.JOB),
                    store.rowCounts().get(DomainTable.CUSTOMER));
            long before = usedAfterGc();
            cohorts(store, (StoreLocation.Server) at, before);
            long t3 = System.nanoTime();
            Snapshot all = new SnapshotLoader(store).loadAll(JobMonitor.NONE);
            System.out.printf(
                    Locale.ROOT,
                    "whole snapshot: %.1f s, %,d MB of heap (data version %d)%n",
                    seconds(t3),
                    (usedAfterGc() - before) >> 20,
                    all.dataVersion());
        }
    }

    /** The cohort matrix both ways; the snapshot it read is garbage when this returns. */
    private static void cohorts(Store store, StoreLocation.Server at, long before) throws Exception {
        long t0 = System.nanoTime();
        Snapshot s = new SnapshotLoader(store).load(CohortAnalysis.PARTS, JobMonitor.NONE);
        double load = seconds(t0);
        long heap = usedAfterGc() - before;
        long t1 = System.nanoTime();
        CohortResult ours = CohortAnalysis.run(s, CohortSpec.DEFAULT, JobMonitor.NONE);
        double compute = seconds(t1);
        System.out.printf(
                Locale.ROOT,
                "workbench: customers and jobs read in %.1f s (%,d MB of heap),"
                        + " cohort matrix computed in %.1f s%n",
                load,
                heap >> 20,
                compute);
        java.util.Properties user = new java.util.Properties();
        user.setProperty("user", at.user());
        long t2 = System.nanoTime();
        List<CustomerAnalyticsBench.Cell> cells;
        try (Connection c = java.sql.DriverManager.getConnection(at.url(), user)) {
            cells = CustomerAnalyticsBench.duckCells(
                    c, CustomerAnalyticsBench.cohortSql(ours.asOf().date()));
        }
        double sql = seconds(t2);
        CustomerAnalyticsBench.compare(ours, cells);
        System.out.printf(
                Locale.ROOT, "server: the same matrix as one query in %.1f s (%,d cells sent)%n", sql, cells.size());
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
