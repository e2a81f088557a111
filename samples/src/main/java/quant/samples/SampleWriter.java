package quant.samples;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import quant.core.store.DomainTable;

/**
 * Writes the sample company as one UTF-8 CSV file per table (LF line ends, so the files are the
 * same byte for byte on every OS) and an owner's XLSX workbook of the tables people keep in a
 * spreadsheet.
 */
public final class SampleWriter {
    /** The tables the owner keeps in the workbook, one sheet each. */
    public static final List<DomainTable> WORKBOOK_SHEETS =
            List.of(DomainTable.TECHNICIAN, DomainTable.MARKETING_SPEND, DomainTable.EXPENSE, DomainTable.KPI_TARGET);
    /** The workbook's file name. */
    public static final String WORKBOOK = "owner-workbook.xlsx";

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private SampleWriter() {}

    /** Writes every table as {@code <table>.csv} into {@code dir}. */
    public static void writeCsv(SampleCompany company, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (SampleTable t : company.tables().values()) {
            try (CsvWriter w = csvWriter(dir.resolve(t.fileName()))) {
                w.writeRecord(t.header());
                for (String[] row : t.rows()) {
                    w.writeRecord(row);
                }
            }
        }
    }

    static CsvWriter csvWriter(Path file) throws IOException {
        return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file, StandardCharsets.UTF_8);
    }

    static CsvWriter csvWriter(java.io.OutputStream out) {
        return CsvWriter.builder()
                .lineDelimiter(LineDelimiter.LF)
                .build(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /** Writes the owner's workbook: numbers as numbers, dates as dates. */
    public static void writeWorkbook(SampleCompany company, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "Quant Workbench", "1.0");
            for (DomainTable table : WORKBOOK_SHEETS) {
                SampleTable t = company.table(table);
                Worksheet ws = wb.newWorksheet(table.label());
                for (int c = 0; c < t.header().size(); c++) {
                    ws.value(0, c, t.header().get(c));
                }
                ws.style(0).bold().set();
                int r = 1;
                for (String[] row : t.rows()) {
                    for (int c = 0; c < row.length; c++) {
                        cell(ws, r, c, row[c]);
                    }
                    r++;
                }
            }
            wb.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void cell(Worksheet ws, int r, int c, String v) {
        if (v.isEmpty()) {
            return;
        }
        boolean leadingZero = v.length() > 1 && v.startsWith("0") && !v.startsWith("0.");
        if (NUMBER.matcher(v).matches() && !leadingZero) {
            ws.value(r, c, new BigDecimal(v));
        } else if (DATE.matcher(v).matches()) {
            ws.value(r, c, LocalDate.parse(v));
            ws.style(r, c).format("yyyy-mm-dd").set();
        } else {
            ws.value(r, c, v);
        }
    }
}
