package quant.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotLoader;
import quant.core.catalog.AnalysisCatalog;
import quant.core.job.JobMonitor;
import quant.core.settings.BusinessSettings;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.core.store.StoreLocation;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/**
 * The same company on a PostgreSQL server and in an H2 file: the load through the import engine, the
 * whole snapshot, and every analysis of the catalogue (the snapshot of its parts read from the
 * engine, then computed), each timed on both in the same run, H2 first then the server, for each
 * measured run; the ratio is the server's time ÷ H2's.
 *
 * <p>Usage: {@code ServerBench H2-FILE jdbc:postgresql://host:port/db?user=U SCALE [RUNS]}. A database
 * that is empty is loaded at {@code SCALE} (61 gives the 1,010,160-job company) and kept for later
 * runs; the server database must exist (the password from {@code ~/.pgpass} or {@code PGPASSFILE}).
 */
public final class ServerBench {
    private ServerBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("Usage: ServerBench H2-FILE jdbc:postgresql://host:port/db?user=U SCALE [RUNS]");
            System.exit(2);
        }
        StoreLocation file = StoreLocation.of(Path.of(args[0]));
        StoreLocation server = StoreLocation.parse(args[1]);
        int scale = Integer.parseInt(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        List<StoreLocation> both = List.of(file, server);
        for (StoreLocation at : both) {
            load(at, scale);
        }
        Map<String, double[][]> times = new LinkedHashMap<>(); // name -> [engine][run]
        for (int run = 0; run < runs; run++) {
            for (int e = 0; e < 2; e++) {
                System.gc();
                try (Store store = Store.openExisting(both.get(e))) {
                    BusinessSettings settings = BusinessSettings.read(store);
                    long t0 = System.nanoTime();
                    Snapshot all = new SnapshotLoader(store).loadAll(JobMonitor.NONE);
                    record(times, "whole snapshot (every part)", e, run, runs, t0);
                    for (AnalysisCatalog.Entry entry : AnalysisCatalog.ENTRIES) {
                        long t1 = System.nanoTime();
                        Snapshot parts = new SnapshotLoader(store).load(entry.parts(), JobMonitor.NONE);
                        record(times, entry.id() + ": read", e, run, runs, t1);
                        long t2 = System.nanoTime();
                        entry.report(parts, settings, Optional.empty(), JobMonitor.NONE);
                        record(times, entry.id() + ": compute", e, run, runs, t2);
                    }
                    if (all.dataVersion() < 0) {
                        throw new IllegalStateException("unreachable: keeps the whole snapshot alive until here");
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%n%-40s %12s %12s %8s%n",
                "median of " + runs + " run(s)",
                "H2 (s)",
                "server (s)",
                "ratio");
        double h2Total = 0;
        double pgTotal = 0;
        for (Map.Entry<String, double[][]> t : times.entrySet()) {
            double h2 = Timing.median(list(t.getValue()[0]));
            double pg = Timing.median(list(t.getValue()[1]));
            if (!t.getKey().startsWith("whole")) {
                h2Total += h2;
                pgTotal += pg;
            }
            System.out.printf(Locale.ROOT, "%-40s %12.2f %12.2f %8.2f%n", t.getKey(), h2, pg, pg / h2);
        }
        System.out.printf(
                Locale.ROOT,
                "%-40s %12.2f %12.2f %8.2f%n",
                "every analysis, read + compute",
                h2Total,
                pgTotal,
                pgTotal / h2Total);
    }

    private static void record(Map<String, double[][]> times, String name, int engine, int run, int runs, long t0) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        times.computeIfAbsent(name, k -> new double[2][runs])[engine][run] = seconds;
        System.out.printf(
                Locale.ROOT, "  %-9s run %d  %-40s %8.2f s%n", engine == 0 ? "H2" : "server", run + 1, name, seconds);
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    /** Loads the company into {@code at} when it holds nothing yet, and says how long it took. */
    private static void load(StoreLocation at, int scale) throws Exception {
        try (Store store = Store.open(at)) {
            if (!store.isEmpty()) {
                System.out.printf(
                        Locale.ROOT,
                        "%s: reused (%,d jobs)%n",
                        at.describe(),
                        store.rowCounts().get(DomainTable.JOB));
                return;
            }
            long t0 = System.nanoTime();
            SampleLoader.Result r = SampleLoader.load(store, new SampleSource(scale), JobMonitor.NONE);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%s: loaded %,d rows (%,d jobs) in %.1f s, %,.0f rows/s%n",
                    at.describe(),
                    r.total(),
                    store.rowCounts().get(DomainTable.JOB),
                    s,
                    r.total() / s);
        }
    }
}
