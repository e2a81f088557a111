package quant.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import quant.core.job.JobMonitor;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.importers.engine.ImportOptions;
import quant.importers.engine.ImportResult;
import quant.importers.engine.Importer;
import quant.samples.SampleExporter;
import quant.samples.SampleLoader;

/**
 * The import issue's benchmark: a generated jobs CSV ({@code quant sample --scale N}) imported by our
 * engine (full validation, references by source key, audit and undo log) against H2's own
 * {@code INSERT INTO job … SELECT … FROM CSVREAD(…)} of the same file into the same empty table,
 * references resolved by joins on the source keys, with service lines, customers, technicians and
 * equipment preloaded in both; one warm-up run each, then the measured runs (second argument,
 * default 1), alternating, with each run's ratio and the median printed.
 * Usage: {@code JobImportBench [scale]} (61 gives 1,012,478 jobs).
 */
public final class JobImportBench {
    private static final List<DomainTable> PRELOADED = List.of(
            DomainTable.SERVICE_LINE,
            DomainTable.CAMPAIGN,
            DomainTable.CUSTOMER,
            DomainTable.TECHNICIAN,
            DomainTable.EQUIPMENT);

    private JobImportBench() {}

    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 61;
        Path work = Files.createTempDirectory("quant-job-bench");
        Path csv = work.resolve("csv");
        SampleExporter.export(csv, scale, JobMonitor.NONE);
        Path jobs = csv.resolve("job.csv");
        long rows;
        try (Stream<String> lines = Files.lines(jobs)) {
            rows = lines.count() - 1;
        }
        System.out.printf("jobs.csv: %,d rows, %,d MB%n", rows, Files.size(jobs) >> 20);

        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        long peak = 0;
        // Run 0 warms both up and is not reported; then ours and H2 alternate, so drift hits both.
        for (int run = 0; run <= runs; run++) {
            double ours;
            double oursCpu;
            try (Store store = prepared(work.resolve("ours" + run), csv)) {
                HeapSampler sampler = HeapSampler.start();
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                ImportResult r = new Importer(store)
                        .run(
                                jobs,
                                SampleLoader.profile(DomainTable.JOB),
                                new ImportOptions(ImportOptions.OnError.ABORT, false, null, ZoneId.systemDefault()),
                                JobMonitor.NONE);
                ours = (System.nanoTime() - t0) / 1e9;
                oursCpu = (cpuNanos() - c0) / 1e9;
                peak = Math.max(peak, sampler.stop());
                if (r.inserted() != rows) {
                    throw new IllegalStateException("imported " + r.inserted() + " of " + rows);
                }
            }
            double h2;
            double h2Cpu;
            try (Store store = prepared(work.resolve("h2-" + run), csv)) {
                System.gc();
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                store.inTransaction(c -> {
                    csvRead(c, jobs);
                    return null;
                });
                h2 = (System.nanoTime() - t0) / 1e9;
                h2Cpu = (cpuNanos() - c0) / 1e9;
            }
            Files.deleteIfExists(work.resolve("ours" + run + ".mv.db"));
            Files.deleteIfExists(work.resolve("h2-" + run + ".mv.db"));
            if (run == 0) {
                continue;
            }
            ratios.add(ours / h2);
            cpuRatios.add(oursCpu / h2Cpu);
            System.out.printf(
                    "run %d: ours %.1f s (%,.0f rows/s, %.1f s CPU); H2 INSERT…SELECT…CSVREAD %.1f s (%.1f s CPU);"
                            + " ratio %.2f (CPU %.2f)%n",
                    run, ours, rows / ours, oursCpu, h2, h2Cpu, ours / h2, oursCpu / h2Cpu);
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        System.out.printf(
                "median ratio over %d measured runs: %.2f (min %.2f, max %.2f); median CPU ratio %.2f; peak heap %d MB%n",
                runs, median(sorted), sorted.getFirst(), sorted.getLast(), median(cpuRatios), peak >> 20);
        duckDb(jobs);
        delete(work);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.size() % 2 == 1
                ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    /** CPU time of the whole process (every thread: ours reads on a second one, H2 serialises on its own). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * DuckDB's {@code read_csv} of the same file, as an outside reference. Its driver is only on the
     * classpath with the {@code duckdb} Maven profile; without it this says so and returns.
     */
    private static void duckDb(Path jobs) {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                var st = c.createStatement()) {
            String f = jobs.toAbsolutePath().toString().replace("'", "''");
            st.execute("CREATE TABLE warm AS SELECT * FROM read_csv('" + f + "')");
            long t0 = System.nanoTime();
            st.execute("CREATE TABLE jobs AS SELECT * FROM read_csv('" + f + "')");
            System.out.printf("DuckDB read_csv (outside reference): %.2f s%n", (System.nanoTime() - t0) / 1e9);
        } catch (java.sql.SQLException e) {
            System.out.println("DuckDB reference skipped: " + e.getMessage() + " (build the classpath with -Pduckdb)");
        }
    }

    private static Store prepared(Path db, Path csv) throws Exception {
        Store store = Store.open(db);
        Importer importer = new Importer(store);
        for (DomainTable t : PRELOADED) {
            importer.run(
                    csv.resolve(t.sqlName() + ".csv"), SampleLoader.profile(t), ImportOptions.DEFAULT, JobMonitor.NONE);
        }
        return store;
    }

    /** The reference: H2 reads the file and resolves every reference with joins on the source keys. */
    private static void csvRead(Connection c, Path jobs) throws java.sql.SQLException {
        String f = jobs.toAbsolutePath().toString().replace("'", "''");
        String sql =
                "INSERT INTO job (source, external_ref, customer_id, service_line_id, technician_id, equipment_id, status,"
                        + " priority, requested_at, window_start, window_end, scheduled_at, started_at, completed_at, estimated_hours,"
                        + " actual_hours, travel_minutes, revenue, labour_cost, material_cost, equipment_cost, rating)"
                        + " SELECT 'sample', j.external_ref, cu.id, sl.id, t.id, e.id, j.status, j.priority,"
                        + " CAST(j.requested_at AS TIMESTAMP), CAST(NULLIF(j.window_start, '') AS TIMESTAMP),"
                        + " CAST(NULLIF(j.window_end, '') AS TIMESTAMP), CAST(NULLIF(j.scheduled_at, '') AS TIMESTAMP),"
                        + " CAST(NULLIF(j.started_at, '') AS TIMESTAMP), CAST(NULLIF(j.completed_at, '') AS TIMESTAMP),"
                        + " CAST(NULLIF(j.estimated_hours, '') AS DECIMAL(8,2)), CAST(NULLIF(j.actual_hours, '') AS DECIMAL(8,2)),"
                        + " CAST(NULLIF(j.travel_minutes, '') AS INTEGER), CAST(NULLIF(j.revenue, '') AS DECIMAL(14,2)),"
                        + " CAST(NULLIF(j.labour_cost, '') AS DECIMAL(14,2)), CAST(NULLIF(j.material_cost, '') AS DECIMAL(14,2)),"
                        + " CAST(NULLIF(j.equipment_cost, '') AS DECIMAL(14,2)), CAST(NULLIF(j.rating, '') AS SMALLINT)"
                        + " FROM CSVREAD('" + f + "', NULL, 'charset=UTF-8') j"
                        + " JOIN customer cu ON cu.source = 'sample' AND cu.external_ref = j.customer_ref"
                        + " JOIN service_line sl ON sl.source = 'sample' AND sl.external_ref = j.service_line_ref"
                        + " LEFT JOIN technician t ON t.source = 'sample' AND t.external_ref = NULLIF(j.technician_ref, '')"
                        + " LEFT JOIN equipment e ON e.source = 'sample' AND e.external_ref = NULLIF(j.equipment_ref, '')";
        try (var st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    /** Samples the used heap every 20 ms on a daemon thread and keeps the largest value seen. */
    private static final class HeapSampler implements Runnable {
        private volatile boolean running = true;
        private volatile long max;
        private final Thread thread = new Thread(this, "heap-sampler");

        static HeapSampler start() {
            System.gc();
            HeapSampler s = new HeapSampler();
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        @Override
        public void run() {
            while (running) {
                max = Math.max(
                        max,
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return max;
        }
    }

    private static void delete(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
