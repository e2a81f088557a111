package quant.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotLoader;
import quant.core.clv.ClvAnalysis;
import quant.core.clv.ClvResult;
import quant.core.clv.ClvSpec;
import quant.core.cohort.CohortAnalysis;
import quant.core.cohort.CohortResult;
import quant.core.cohort.CohortSpec;
import quant.core.job.JobMonitor;
import quant.core.store.Store;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/**
 * The customer-analytics issue's benchmark: on the generated company at a scale (61 gives about a
 * million jobs), the monthly cohort matrix and the all-customer lifetime value computed by the
 * workbench from its snapshot, against the same cohort matrix as one SQL query in DuckDB over the
 * same customer and job rows, in the same run. The one-off snapshot load from H2 is timed and
 * reported separately. Both cohort matrices are compared cell by cell before anything is timed.
 *
 * <p>Usage: {@code CustomerAnalyticsBench [database] [scale] [runs]}; the database is built with the
 * sample company at that scale when it does not exist, and reused after that. DuckDB's driver comes
 * with the bench's {@code duckdb} Maven profile (see bench/README.md).
 */
public final class CustomerAnalyticsBench {
    /** What the two analyses read: the customer parts. */
    static final java.util.Set<Part<?>> PARTS =
            Part.closure(java.util.stream.Stream.concat(CohortAnalysis.PARTS.stream(), ClvAnalysis.PARTS.stream())
                    .toList());

    private CustomerAnalyticsBench() {}

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args.length > 0 ? args[0] : "bench/target/company-61");
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 61;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path file = Store.normalise(db);
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            try (Store store = Store.open(db)) {
                SampleLoader.load(store, new SampleSource(scale), JobMonitor.NONE);
            }
            System.out.printf("built %s at scale %d in %.0f s%n", file, scale, (System.nanoTime() - t0) / 1e9);
        }
        Snapshot snapshot;
        List<Double> loads = new ArrayList<>();
        Path csv = Files.createTempDirectory("quant-customer-bench");
        try (Store store = Store.openExisting(file)) {
            snapshot = null;
            for (int i = 0; i < 3; i++) {
                snapshot = null;
                System.gc();
                long t0 = System.nanoTime();
                snapshot = new SnapshotLoader(store).load(PARTS, JobMonitor.NONE);
                loads.add((System.nanoTime() - t0) / 1e9);
            }
            export(store, csv);
        }
        System.out.printf(
                "snapshot from H2: %,d customers, %,d jobs; load %.2f s first, %.2f s after (target < 5 s)%n",
                snapshot.customers().size(),
                snapshot.jobs().size(),
                loads.getFirst(),
                Math.min(loads.get(1), loads.get(2)));

        CohortSpec cohortSpec = CohortSpec.DEFAULT;
        ClvSpec clvSpec = ClvSpec.DEFAULT;
        CohortResult cohorts = CohortAnalysis.run(snapshot, cohortSpec, JobMonitor.NONE);
        LocalDate asOf = cohorts.asOf().date();

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            long t0 = System.nanoTime();
            try (Statement st = duck.createStatement()) {
                st.execute("CREATE TABLE customer AS SELECT * FROM read_csv('" + csv.resolve("customer.csv")
                        + "', header = true, types = {'ID': 'BIGINT', 'ACQUIRED_ON': 'DATE'})");
                st.execute("CREATE TABLE job AS SELECT * FROM read_csv('" + csv.resolve("job.csv")
                        + "', header = true, types = {'CUSTOMER_ID': 'BIGINT', 'COMPLETED_AT': 'TIMESTAMP',"
                        + " 'REVENUE': 'DOUBLE', 'LABOUR_COST': 'DOUBLE', 'MATERIAL_COST': 'DOUBLE',"
                        + " 'EQUIPMENT_COST': 'DOUBLE'})");
            }
            System.out.printf(
                    "DuckDB tables from H2's CSVWRITE: %.1f s (not timed below)%n", (System.nanoTime() - t0) / 1e9);
            String sql = cohortSql(asOf);
            compare(cohorts, duckCells(duck, sql));

            List<Double> ours = new ArrayList<>();
            List<Double> oursCohort = new ArrayList<>();
            List<Double> duckDb = new ArrayList<>();
            ClvResult clv = null;
            for (int run = 0; run <= runs; run++) {
                System.gc();
                long a = System.nanoTime();
                CohortAnalysis.run(snapshot, cohortSpec, JobMonitor.NONE);
                long b = System.nanoTime();
                StageClock stages = new StageClock();
                clv = ClvAnalysis.run(snapshot, clvSpec, stages);
                stages.stop();
                if (run == runs) {
                    System.out.println("lifetime value by stage (last run): " + stages);
                }
                long c = System.nanoTime();
                System.gc();
                long d = System.nanoTime();
                int rows = duckCells(duck, sql).size();
                long e = System.nanoTime();
                if (rows == 0) {
                    throw new IllegalStateException("DuckDB returned no cells");
                }
                if (run == 0) {
                    continue; // warm-up
                }
                oursCohort.add((b - a) / 1e9);
                ours.add((c - a) / 1e9);
                duckDb.add((e - d) / 1e9);
                System.out.printf(
                        "run %d: ours %.3f s (cohorts %.3f s + lifetime value %.3f s); DuckDB cohort query %.3f s;"
                                + " ratio %.2f%n",
                        run, (c - a) / 1e9, (b - a) / 1e9, (c - b) / 1e9, (e - d) / 1e9, (double) (c - a) / (e - d));
            }
            System.out.printf(
                    "lifetime value of %,d customers (recommended: %s); median over %d runs: ours %.3f s"
                            + " (cohorts alone %.3f s), DuckDB %.3f s: ratio %.2f (cohorts alone %.2f); target <= 1.0%n",
                    clv.customers(),
                    clv.recommended(),
                    runs,
                    Timing.median(ours),
                    Timing.median(oursCohort),
                    Timing.median(duckDb),
                    Timing.median(ours) / Timing.median(duckDb),
                    Timing.median(oursCohort) / Timing.median(duckDb));
        }
        try (var files = Files.list(csv)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(csv);
    }

    /** The customer and job columns the cohort matrix reads, written by H2 itself. */
    private static void export(Store store, Path dir) throws SQLException {
        try (Connection c = store.readConnection();
                Statement st = c.createStatement()) {
            st.execute("CALL CSVWRITE('" + dir.resolve("customer.csv")
                    + "', 'SELECT id, acquired_on FROM customer', 'charset=UTF-8')");
            st.execute("CALL CSVWRITE('" + dir.resolve("job.csv")
                    + "', 'SELECT customer_id, status, completed_at, revenue, labour_cost, material_cost,"
                    + " equipment_cost FROM job', 'charset=UTF-8')");
        }
    }

    /**
     * The monthly cohort matrix as one query, with the definitions of {@code CohortAnalysis}: cohort =
     * month of acquired_on, else of the first completed job; active = a completed job with revenue in
     * the month; revenue and margin of all completed jobs; a job before acquisition counts in the
     * cohort's first month; nothing after the as-of day.
     */
    static String cohortSql(LocalDate asOf) {
        String day = "DATE '" + asOf + "'";
        return """
                WITH done AS (
                  SELECT customer_id, CAST(completed_at AS DATE) AS d, revenue,
                         revenue - labour_cost - material_cost - equipment_cost AS margin
                  FROM job
                  WHERE status = 'completed' AND completed_at IS NOT NULL AND CAST(completed_at AS DATE) <= %1$s),
                firsts AS (SELECT customer_id, MIN(d) AS first_day FROM done GROUP BY customer_id),
                cohort AS (
                  SELECT c.id, CAST(date_trunc('month', COALESCE(c.acquired_on, f.first_day)) AS DATE) AS cm
                  FROM customer c LEFT JOIN firsts f ON f.customer_id = c.id
                  WHERE COALESCE(c.acquired_on, f.first_day) <= %1$s),
                sizes AS (SELECT cm, COUNT(*) AS size FROM cohort GROUP BY cm),
                cells AS (
                  SELECT k.cm, CAST(greatest(date_trunc('month', d.d), k.cm) AS DATE) AS pm,
                         COUNT(DISTINCT CASE WHEN d.revenue > 0 THEN d.customer_id END) AS active,
                         SUM(d.revenue) AS revenue, SUM(d.margin) AS margin
                  FROM done d JOIN cohort k ON k.id = d.customer_id
                  GROUP BY 1, 2)
                SELECT s.cm, s.size, c.pm, c.active, c.active / s.size AS share, c.revenue, c.margin,
                       SUM(c.revenue) OVER w / s.size AS cumulative_revenue_per_customer,
                       SUM(c.margin) OVER w / s.size AS cumulative_margin_per_customer
                FROM sizes s JOIN cells c USING (cm)
                WINDOW w AS (PARTITION BY s.cm ORDER BY c.pm)
                ORDER BY 1, 3
                """.formatted(day);
    }

    /** One cell of the matrix: cohort month, calendar month, size, active customers, revenue. */
    record Cell(LocalDate cohort, LocalDate month, long size, long active, double revenue) {}

    static List<Cell> duckCells(Connection duck, String sql) throws SQLException {
        List<Cell> cells = new ArrayList<>();
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                cells.add(new Cell(
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getLong(2),
                        rs.getLong(4),
                        rs.getDouble(6)));
            }
        }
        return cells;
    }

    /** Fails unless every cell DuckDB returned has our size, active count and revenue. */
    static void compare(CohortResult ours, List<Cell> theirs) {
        Map<String, CohortResult.Cell> byKey = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (CohortResult.Cohort c : ours.cohorts()) {
            for (CohortResult.Cell cell : c.cells()) {
                byKey.put(c.start() + " " + cell.period(), cell);
            }
            sizes.put(c.start().toString(), c.size());
        }
        int checked = 0;
        for (Cell t : theirs) {
            String month = t.month().toString().substring(0, 7);
            CohortResult.Cell o = byKey.get(t.cohort() + " " + month);
            if (o == null
                    || sizes.get(t.cohort().toString()) != t.size()
                    || o.active() != t.active()
                    || Math.abs(o.revenue() - t.revenue()) > 0.011) {
                throw new IllegalStateException("cohort matrices differ at " + t + ": ours " + o);
            }
            checked++;
        }
        System.out.printf("cohort matrices agree: %,d cells with activity (of %,d cohorts)%n", checked, sizes.size());
    }

    /** Times the stages a job reports through its monitor. */
    static final class StageClock implements JobMonitor {
        private final Map<String, Long> nanos = new java.util.LinkedHashMap<>();
        private String stage;
        private long since;

        @Override
        public void progress(long done, long total, String name) {
            if (!name.equals(stage)) {
                stop();
                stage = name;
                since = System.nanoTime();
            }
        }

        /** Seconds spent in a stage so far (0 when it never ran). */
        double seconds(String name) {
            return nanos.getOrDefault(name, 0L) / 1e9;
        }

        void stop() {
            if (stage != null) {
                nanos.merge(stage, System.nanoTime() - since, Long::sum);
                stage = null;
            }
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            nanos.forEach((k, v) -> b.append(String.format(java.util.Locale.ROOT, "%s %.3f s; ", k, v / 1e9)));
            return b.toString();
        }
    }
}
