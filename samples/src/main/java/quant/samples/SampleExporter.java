package quant.samples;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import quant.core.io.AtomicFile;
import quant.core.job.JobMonitor;
import quant.core.store.DomainTable;

/**
 * Writes the sample company's files to a folder: one CSV per table, multiplied by a scale, and the
 * owner's workbook. Streams row by row, so a scale of 100 needs no more memory than a scale of 1.
 */
public final class SampleExporter {
    private SampleExporter() {}

    /** The names of the files {@link #export} writes into its folder. */
    public static List<String> fileNames() {
        List<String> names = new java.util.ArrayList<>();
        for (DomainTable t : new SampleSource(1).tables()) {
            names.add(t.sqlName() + ".csv");
        }
        names.add(SampleWriter.WORKBOOK);
        return names;
    }

    /**
     * Writes the files and returns the number of rows written. Each file is written whole or not at
     * all ({@link AtomicFile}): a failure never leaves a half-written file where a good one was.
     */
    public static long export(Path dir, int scale, JobMonitor monitor) throws IOException {
        return export(dir, new SampleSource(scale), monitor);
    }

    /** As {@link #export(Path, int, JobMonitor)}, with the copies {@code source} makes (deals included). */
    public static long export(Path dir, SampleSource source, JobMonitor monitor) throws IOException {
        Files.createDirectories(dir);
        long[] rows = {0};
        List<DomainTable> tables = source.tables();
        int done = 0;
        for (DomainTable t : tables) {
            monitor.checkCancelled();
            monitor.progress(done++, tables.size(), "Writing " + t.sqlName() + ".csv");
            try (AtomicFile file = AtomicFile.create(dir.resolve(t.sqlName() + ".csv"))) {
                CsvWriter w = SampleWriter.csvWriter(file.stream());
                source.read(t, new SampleSource.RowSink() {
                    @Override
                    public void header(List<String> header) {
                        w.writeRecord(header);
                    }

                    @Override
                    public void row(String[] values) {
                        w.writeRecord(values);
                        rows[0]++;
                    }
                });
                w.close();
                file.commit();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        try (InputStream in =
                SampleExporter.class.getResourceAsStream(SampleSource.RESOURCE_DIR + SampleWriter.WORKBOOK)) {
            if (in != null) {
                AtomicFile.write(dir.resolve(SampleWriter.WORKBOOK), in::transferTo);
            }
        }
        monitor.progress(tables.size(), tables.size(), "Done");
        return rows[0];
    }

    /**
     * Regenerates the committed default sample from its seed into {@code args[0]} (used by
     * maintainers after changing the generator; a test checks the committed files match).
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples/data/sample-company");
        SampleCompany company = SampleCompanyGenerator.generate(SampleCompany.DEFAULT_SEED);
        SampleWriter.writeCsv(company, dir);
        SampleWriter.writeWorkbook(company, dir.resolve(SampleWriter.WORKBOOK));
        for (var e : company.tables().entrySet()) {
            System.out.printf("%-24s %8d%n", e.getKey().sqlName(), e.getValue().size());
        }
    }
}
