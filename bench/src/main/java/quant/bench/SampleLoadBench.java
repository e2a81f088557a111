package quant.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import quant.core.job.JobMonitor;
import quant.core.store.Store;
import quant.samples.SampleExporter;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/**
 * Loads the sample company at a scale into a fresh database and compares it with H2's own bulk
 * load ({@code CREATE TABLE … AS SELECT * FROM CSVREAD(…)}) of the same CSV files, untyped and
 * unchecked, measured in the same run. Usage: {@code SampleLoadBench [scale] [runs]}.
 */
public final class SampleLoadBench {
    private SampleLoadBench() {}

    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Files.createTempDirectory("quant-bench");
        Path csv = work.resolve("csv");
        SampleExporter.export(csv, scale, JobMonitor.NONE);
        Path db = work.resolve("db");
        SampleSource source = new SampleSource(scale);

        Timing.Result ours = Timing.measure("SampleLoader", runs, () -> clean(work, "db"), () -> {
            try (Store store = Store.open(db)) {
                return SampleLoader.load(store, source, JobMonitor.NONE);
            }
        });
        Timing.Result h2 = Timing.measure("H2 CSVREAD", runs, () -> clean(work, "ref"), () -> {
            try (Store store = Store.open(work.resolve("ref"))) {
                return store.inTransaction(c -> {
                    try (var st = c.createStatement()) {
                        for (String table :
                                source.tables().stream().map(t -> t.sqlName()).toList()) {
                            st.execute("CREATE TABLE raw_" + table + " AS SELECT * FROM CSVREAD('"
                                    + csv.resolve(table + ".csv") + "', NULL, 'charset=UTF-8')");
                        }
                    }
                    return null;
                });
            }
        });
        System.out.printf(
                "scale %d: %s %.2f s, %s %.2f s, ratio %.2f, peak heap %d MB%n",
                scale,
                ours.name(),
                ours.median().toMillis() / 1000.0,
                h2.name(),
                h2.median().toMillis() / 1000.0,
                ours.ratioTo(h2),
                ours.peakHeapBytes() / (1024 * 1024));
    }

    private static Object clean(Path work, String name) throws Exception {
        try (Stream<Path> files = Files.list(work)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(name + "."))
                    .sorted(Comparator.reverseOrder())
                    .toList()) {
                Files.delete(p);
            }
        }
        return null;
    }
}
