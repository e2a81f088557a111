package quant.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import quant.core.job.JobMonitor;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.core.store.StoreException;
import quant.importers.engine.ImportOptions;
import quant.importers.engine.ImportResult;
import quant.importers.engine.Importer;
import quant.importers.mapping.MappingProfile;

/**
 * Loads the sample company into an empty database through the import engine (one write path):
 * the sample's CSV files, written to a temporary folder at the requested scale, are imported table
 * by table with the profiles under {@code samples/mappings/sample-company/}, all in one transaction,
 * so a refused or cancelled load leaves the database exactly as it was.
 */
public final class SampleLoader {
    /** Classpath folder of the sample's mapping profiles. */
    public static final String PROFILES = "/quant/samples/mappings/sample-company/";

    private SampleLoader() {}

    /** What a load wrote, per table, and how long it took. */
    public record Result(Map<DomainTable, Long> rows, Duration took) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Loads {@code source} into {@code store}.
     *
     * @throws StoreException if the database already holds data or refuses a row
     * @throws java.util.concurrent.CancellationException if {@code monitor} is cancelled; nothing is written
     */
    public static Result load(Store store, SampleSource source, JobMonitor monitor) {
        long started = System.nanoTime();
        if (!store.isEmpty()) {
            throw new StoreException(
                    StoreException.Kind.REFUSED,
                    store.location().describe()
                            + " already holds data; the sample company is only loaded into an empty database"
                            + " (it is never mixed with your own data).");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("quant-sample");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            monitor.progress(0, -1, "Preparing the sample files");
            SampleExporter.export(dir, source, JobMonitor.NONE);
            long total = 0;
            for (DomainTable t : source.tables()) {
                total += lines(dir.resolve(t.sqlName() + ".csv")) - 1;
            }
            long grandTotal = total;
            List<DomainTable> tables = source.tables();
            List<Importer.ImportJob> jobs = new ArrayList<>();
            long[] offsets = new long[tables.size()];
            long offset = 0;
            for (int i = 0; i < tables.size(); i++) {
                DomainTable t = tables.get(i);
                Path file = dir.resolve(t.sqlName() + ".csv");
                jobs.add(new Importer.ImportJob(file, profile(t)));
                offsets[i] = offset;
                offset += lines(file) - 1;
            }
            List<ImportResult> results = new Importer(store).runTogether(jobs, OPTIONS, i -> new JobMonitor() {
                @Override
                public void progress(long d, long ignored, String stage) {
                    monitor.progress(
                            offsets[i] + d,
                            grandTotal,
                            "Loading " + tables.get(i).label().toLowerCase(java.util.Locale.ROOT));
                }

                @Override
                public boolean isCancelled() {
                    return monitor.isCancelled();
                }
            });
            Map<DomainTable, Long> rows = new LinkedHashMap<>();
            for (int i = 0; i < tables.size(); i++) {
                rows.put(tables.get(i), results.get(i).inserted());
            }
            SampleExtras.apply(store, monitor);
            return new Result(rows, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static final ImportOptions OPTIONS =
            new ImportOptions(ImportOptions.OnError.ABORT, false, null, ZoneId.systemDefault());

    /** The committed mapping profile of a sample table. */
    public static MappingProfile profile(DomainTable table) {
        String name = PROFILES + table.sqlName() + ".json";
        try (InputStream in = SampleLoader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The sample mapping " + name + " is missing from the application.");
            }
            return MappingProfile.read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) throws IOException {
        try (Stream<String> s = Files.lines(file)) {
            return s.count();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(SampleLoader.class).warn("Could not delete {}", dir, e);
        }
    }

    /** The table a {@code <name>_ref} column points to: the longest table name its stem ends with. */
    static DomainTable referencedTable(String column) {
        String stem = column.substring(0, column.length() - "_ref".length());
        DomainTable best = null;
        for (DomainTable t : DomainTable.values()) {
            if ((stem.equals(t.sqlName()) || stem.endsWith("_" + t.sqlName()))
                    && (best == null || t.sqlName().length() > best.sqlName().length())) {
                best = t;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("No table for the reference column " + column);
        }
        return best;
    }
}
