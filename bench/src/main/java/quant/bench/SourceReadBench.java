package quant.bench;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import quant.core.job.JobMonitor;
import quant.core.store.Store;
import quant.importers.api.RecordTableReader;
import quant.importers.engine.ImportOptions;
import quant.importers.engine.ImportSource;
import quant.importers.engine.Importer;
import quant.importers.mapping.ColumnMapping;
import quant.importers.mapping.MappingProfile;
import quant.importers.read.ReaderSettings;
import quant.importers.read.TableReader;

/**
 * The source design's question (ADR 0025): should a connector's pages go straight into the import, or
 * be written to a temporary CSV file that the file importer then reads? The same records — customers
 * in pages of 100, as an API serves them — imported both ways into fresh databases, alternating, after
 * one warm-up each; the ratio is direct ÷ temporary file (the file's time includes writing it).
 *
 * <p>Usage: {@code SourceReadBench [records] [runs]} (default 100,000 and 3).
 */
public final class SourceReadBench {
    private SourceReadBench() {}

    static final List<String> FIELDS = List.of("id", "name", "city", "created", "updated");

    static final MappingProfile PROFILE = new MappingProfile(
            "bench companies",
            "customer",
            "bench",
            ReaderSettings.DETECT,
            List.of("id"),
            List.of(
                    ColumnMapping.of("name", "name"),
                    ColumnMapping.of("city", "city"),
                    ColumnMapping.of("created", "acquired_on")),
            Map.of());

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Double> direct = new ArrayList<>();
        List<Double> viaFile = new ArrayList<>();
        for (int r = 0; r <= runs; r++) {
            double d = direct(records);
            double f = viaFile(records);
            if (r > 0) {
                direct.add(d);
                viaFile.add(f);
            }
        }
        double md = Timing.median(direct);
        double mf = Timing.median(viaFile);
        System.out.printf(
                Locale.ROOT,
                "%,d records in pages of 100: read directly %.2f s (%s), through a temporary CSV %.2f s (%s);"
                        + " ratio %.2f%n",
                records,
                md,
                direct,
                mf,
                viaFile,
                md / mf);
    }

    static Map<String, String> record(int i) {
        Map<String, String> m = new HashMap<>();
        m.put("id", "C" + i);
        m.put("name", "Company " + i);
        m.put("city", i % 3 == 0 ? "Springfield" : "Shelbyville");
        m.put("created", "2024-01-" + String.format("%02d", 1 + i % 28));
        m.put("updated", "2025-01-01T00:00:00Z");
        return m;
    }

    /** Pages of 100 records, as the vendor would send them. */
    static RecordTableReader.Pages pages(int records) {
        int[] next = {0};
        return () -> {
            if (next[0] >= records) {
                return null;
            }
            List<Map<String, String>> page = new ArrayList<>();
            for (int i = 0; i < 100 && next[0] < records; i++) {
                page.add(record(next[0]++));
            }
            return page;
        };
    }

    static double direct(int records) throws Exception {
        Path dir = Files.createTempDirectory("quant-source-direct");
        try (Store store = Store.open(dir.resolve("db"))) {
            long t0 = System.nanoTime();
            ImportSource.Records source = new ImportSource.Records() {
                @Override
                public String connector() {
                    return "bench";
                }

                @Override
                public String object() {
                    return "companies";
                }

                @Override
                public MappingProfile profile() {
                    return PROFILE;
                }

                @Override
                public TableReader open() {
                    return new RecordTableReader(FIELDS, pages(records));
                }

                @Override
                public String watermark() {
                    return "2025-01-01T00:00:00Z";
                }
            };
            new Importer(store).runSources(List.of(source), ImportOptions.DEFAULT, i -> JobMonitor.NONE);
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    static double viaFile(int records) throws Exception {
        Path dir = Files.createTempDirectory("quant-source-file");
        try (Store store = Store.open(dir.resolve("db"))) {
            long t0 = System.nanoTime();
            Path csv = dir.resolve("companies.csv");
            RecordTableReader.Pages pages = pages(records);
            try (BufferedWriter w = Files.newBufferedWriter(csv)) {
                w.write(String.join(",", FIELDS));
                w.newLine();
                for (List<Map<String, String>> page = pages.next(); page != null; page = pages.next()) {
                    for (Map<String, String> rec : page) {
                        List<String> cells = new ArrayList<>();
                        for (String f : FIELDS) {
                            cells.add(rec.get(f));
                        }
                        w.write(String.join(",", cells));
                        w.newLine();
                    }
                }
            }
            new Importer(store).run(csv, PROFILE, ImportOptions.DEFAULT, JobMonitor.NONE);
            Files.delete(csv);
            return (System.nanoTime() - t0) / 1e9;
        }
    }
}
