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
 *
 * <p>The deals and their stage history may be copied more often than the rest ({@code dealCopies}
 * ≥ scale), for a company whose sales team works far more deals: deal copy {@code k} keeps its own
 * suffix {@code -x<k>}, and its references to customers and leads point at copy {@code k mod scale}.
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

    /** Tables copied {@code dealCopies} times. */
    static final Set<DomainTable> DEALS = EnumSet.of(DomainTable.DEAL, DomainTable.DEAL_STAGE_HISTORY);

    private final int scale;
    private final int dealCopies;

    public SampleSource(int scale) {
        this(scale, scale);
    }

    public SampleSource(int scale, int dealCopies) {
        if (scale < 1) {
            throw new IllegalArgumentException("The scale must be at least 1, not " + scale + ".");
        }
        if (dealCopies < scale) {
            throw new IllegalArgumentException(
                    "The deals are copied at least as often as the company (" + scale + "), not " + dealCopies + ".");
        }
        this.scale = scale;
        this.dealCopies = dealCopies;
    }

    public int dealCopies() {
        return dealCopies;
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
        int copies = SHARED.contains(table) ? 1 : DEALS.contains(table) ? dealCopies : scale;
        for (int k = 0; k < copies; k++) {
            String suffix = k == 0 ? "" : "-x" + k;
            String otherSuffix = k % scale == 0 ? "" : "-x" + (k % scale);
            try (InputStream in = open(table);
                    CsvReader<CsvRecord> reader =
                            CsvReader.builder().ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                boolean first = true;
                boolean[] suffixed = null;
                boolean[] ownCopy = null;
                for (CsvRecord record : reader) {
                    if (first) {
                        List<String> header = record.getFields();
                        suffixed = new boolean[header.size()];
                        ownCopy = new boolean[header.size()];
                        for (int c = 0; c < header.size(); c++) {
                            suffixed[c] = isOwnRef(header.get(c)) || refersToCopied(header.get(c));
                            ownCopy[c] =
                                    isOwnRef(header.get(c)) || header.get(c).equals("deal_ref");
                        }
                        if (k == 0) {
                            sink.header(header);
                        }
                        first = false;
                        continue;
                    }
                    String[] values = record.getFields().toArray(String[]::new);
                    if (k > 0) {
                        for (int c = 0; c < values.length; c++) {
                            if (suffixed[c] && !values[c].isEmpty()) {
                                values[c] = values[c] + (ownCopy[c] ? suffix : otherSuffix);
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
