package quant.importers.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.importing.ImportException;
import quant.core.job.JobMonitor;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.importers.engine.ImportOptions;
import quant.importers.engine.ImportResult;
import quant.importers.engine.Importer;
import quant.importers.mapping.MappingProfile;

/** Reads the sample company's owner workbook, which holds the same rows as its CSV files. */
class XlsxTableReaderTest {
    static final Path SAMPLE = Path.of("..", "samples", "data", "sample-company");
    static final Path WORKBOOK = SAMPLE.resolve("owner-workbook.xlsx");

    @Test
    void listsTheSheetsAndReadsOneAsTheCsvHoldsIt() throws Exception {
        assertThat(XlsxTableReader.sheetNames(WORKBOOK))
                .containsExactly("Technicians", "Marketing spend", "Expenses", "KPI targets");
        List<String> csv = Files.readAllLines(SAMPLE.resolve("marketing_spend.csv"));
        try (TableReader reader = TableReaders.open(WORKBOOK, ReaderSettings.DETECT.withSheet("Marketing spend"))) {
            assertThat(String.join(",", reader.header())).isEqualTo(csv.getFirst());
            TableReader.Row first = reader.next();
            String[] cells = Arrays.copyOf(first.cells(), reader.header().size());
            String[] expected = csv.get(1).split(",", -1);
            for (int i = 0; i < expected.length; i++) {
                String got = cells[i] == null ? "" : cells[i];
                assertThat(got).as(reader.header().get(i)).isEqualTo(expected[i]);
            }
            assertThat(first.number()).isEqualTo(2);
        }
    }

    @Test
    void aMissingSheetIsASettingsErrorNamingTheSheetsThereAre() {
        assertThatThrownBy(() -> TableReaders.open(WORKBOOK, ReaderSettings.DETECT.withSheet("Jobs")))
                .isInstanceOfSatisfying(
                        ImportException.class, e -> assertThat(e.kind()).isEqualTo(ImportException.Kind.SETTINGS))
                .hasMessageContaining("no sheet named \"Jobs\"")
                .hasMessageContaining("\"Technicians\"");
    }

    @Test
    void aSheetImportsWithTheSameProfileAsTheCsv(@TempDir Path dir) throws Exception {
        MappingProfile profile =
                MappingProfile.read(Path.of("..", "samples", "mappings", "sample-company", "technician.json"));
        try (Store store = Store.open(dir.resolve("xlsx"))) {
            ImportResult r = new Importer(store)
                    .run(
                            WORKBOOK,
                            profile.withReader(profile.reader().withSheet("Technicians")),
                            ImportOptions.DEFAULT,
                            JobMonitor.NONE);
            assertThat(r.inserted()).isEqualTo(24);
            assertThat(store.rowCounts().get(DomainTable.TECHNICIAN)).isEqualTo(24);
        }
    }

    @Test
    void aReportsTitleBlockAboveTheTableIsSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Invoice List.xlsx");
        try (var out = Files.newOutputStream(file);
                var wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0")) {
            var ws = wb.newWorksheet("Invoice List");
            ws.value(0, 0, "Ridgeline Heating & Air");
            ws.value(1, 0, "Invoice List");
            ws.value(2, 0, "All Dates");
            List<String> header = List.of("Date", "Num", "Customer", "Amount");
            for (int c = 0; c < header.size(); c++) {
                ws.value(4, c, header.get(c));
            }
            ws.value(5, 0, "2024-01-15");
            ws.value(5, 1, "1001");
            ws.value(5, 2, "Ridgeview Dental");
            ws.value(5, 3, 1250.0);
        }
        assertThat(XlsxTableReader.detectHeaderRow(file, null)).isEqualTo(5);
        ReaderSettings s = TableReaders.resolve(file, ReaderSettings.DETECT);
        try (TableReader reader = TableReaders.open(file, s)) {
            assertThat(reader.header()).containsExactly("Date", "Num", "Customer", "Amount");
            TableReader.Row row = reader.next();
            assertThat(row.number()).isEqualTo(6);
            assertThat(row.cells()).startsWith("2024-01-15", "1001", "Ridgeview Dental");
        }
    }
}
