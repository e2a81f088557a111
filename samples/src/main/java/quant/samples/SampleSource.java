package quant.samples;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import quant.core.store.DomainTable;

/**
 * The committed default sample company, read from the classpath, optionally multiplied: copy
 * {@code k > 0} of every row gets {@code -x<k>} appended to its own reference and to the
 * references it holds, so copies never collide. Tables of the company as a whole (service lines,
 * catalogue, sales team, campaigns, market and competitor figures, KPI targets) are not multiplied.
 * Rows are streamed, so memory does not grow with the scale.
 */
public final class SampleSource {
    /** Classpath folder of the committed CSV files. */
    public static final String RESOURCE_DIR = "/quant/samples/data/";

    static final Set<DomainTable> SHARED = EnumSet.of(
            DomainTable.SERVICE_LINE,
            DomainTable.CAMPAIGN,
            DomainTable.PRODUCT,
            DomainTable.SALES_REP,
            DomainTable.MARKET_SIZE,
            DomainTable.COMPETITOR_OBSERVATION,
            DomainTable.KPI_TARGET);

    private final int scale;

    public SampleSource(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("The scale must be at least 1, not " + scale + ".");
        }
        this.scale = scale;
    }

    public int scale() {
        return scale;
    }

    /** The tables in the sample, in load order. */
    public List<DomainTable> tables() {
        return List.of(DomainTable.values()).stream()
                .filter(t -> t != DomainTable.IMPORT_RUN)
                .toList();
    }

    /** Receives the header once, then every row. */
    public interface RowSink {
        void header(List<String> header);

        void row(String[] values);
    }

    /** Streams one table's rows, all copies, into {@code sink}. */
    public void read(DomainTable table, RowSink sink) {
        int copies = SHARED.contains(table) ? 1 : scale;
        for (int k = 0; k < copies; k++) {
            String suffix = k == 0 ? "" : "-x" + k;
            try (InputStream in = open(table);
                    CsvReader<CsvRecord> reader =
                            CsvReader.builder().ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                boolean first = true;
                boolean[] suffixed = null;
                for (CsvRecord record : reader) {
                    if (first) {
                        List<String> header = record.getFields();
                        suffixed = new boolean[header.size()];
                        for (int c = 0; c < header.size(); c++) {
                            suffixed[c] = isOwnRef(header.get(c)) || refersToCopied(header.get(c));
                        }
                        if (k == 0) {
                            sink.header(header);
                        }
                        first = false;
                        continue;
                    }
                    String[] values = record.getFields().toArray(String[]::new);
                    if (!suffix.isEmpty()) {
                        for (int c = 0; c < values.length; c++) {
                            if (suffixed[c] && !values[c].isEmpty()) {
                                values[c] = values[c] + suffix;
                            }
                        }
                    }
                    sink.row(values);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the sample table " + table.sqlName(), e);
            }
        }
    }

    /** Opens the committed CSV of a table. */
    public static InputStream open(DomainTable table) throws IOException {
        InputStream in = SampleSource.class.getResourceAsStream(RESOURCE_DIR + table.sqlName() + ".csv");
        if (in == null) {
            throw new IOException("The sample file " + table.sqlName() + ".csv is missing from the application.");
        }
        return in;
    }

    private static boolean isOwnRef(String column) {
        return column.equals("external_ref") || column.equals("invoice_number");
    }

    /** A {@code <table>_ref} column pointing at a table whose rows are copied. */
    private static boolean refersToCopied(String column) {
        if (!column.endsWith("_ref") || column.equals("external_ref")) {
            return false;
        }
        return !SHARED.contains(SampleLoader.referencedTable(column));
    }
}
