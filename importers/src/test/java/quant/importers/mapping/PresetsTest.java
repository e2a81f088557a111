package quant.importers.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.importing.ImportException;
import quant.core.job.JobMonitor;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.importers.engine.ImportOptions;
import quant.importers.engine.ImportResult;
import quant.importers.engine.Importer;

/**
 * Each preset imports its committed fixture, written in the vendor's column layout (see
 * docs/import-presets.md for the sources), with zero rejects once the rows it refers to exist.
 */
class PresetsTest {
    static final Path FIXTURES = Path.of("src", "test", "resources", "presets");

    @TempDir
    Path dir;

    private static void insert(Store store, String sql) {
        store.inTransaction(c -> c.createStatement().executeUpdate(sql));
    }

    private static ImportResult run(Store store, String preset) throws Exception {
        return new Importer(store)
                .run(FIXTURES.resolve(preset + ".csv"), Presets.load(preset), ImportOptions.DEFAULT, JobMonitor.NONE);
    }

    @Test
    void xeroInvoicesCollapseTheirLineRowsIntoOneInvoiceEach() throws Exception {
        try (Store store = Store.open(dir.resolve("xero"))) {
            insert(
                    store,
                    "INSERT INTO customer (source, external_ref, name) VALUES ('xero', 'Ridgeview Dental', 'Ridgeview Dental'),"
                            + " ('xero', 'Maple Street Bakery', 'Maple Street Bakery')");
            ImportResult r = run(store, "xero-invoices");
            assertThat(r.rejected()).isZero();
            assertThat(r.inserted()).isEqualTo(2);
            Object status = store.dsl().fetchValue("SELECT status FROM invoice WHERE invoice_number = 'INV-0102'");
            assertThat(status).isEqualTo("open");
            Object issued = store.dsl()
                    .fetchValue("SELECT CAST(issued_on AS VARCHAR) FROM invoice WHERE invoice_number = 'INV-0101'");
            assertThat(issued).isEqualTo("2024-03-15");
        }
    }

    @Test
    void salesforceOpportunitiesImportWithOutcomesFromTheirStage() throws Exception {
        try (Store store = Store.open(dir.resolve("sf"))) {
            insert(
                    store,
                    "INSERT INTO customer (source, external_ref, name) VALUES ('salesforce', 'Ridgeview Dental', 'Ridgeview Dental'),"
                            + " ('salesforce', 'Maple Street Bakery', 'Maple Street Bakery')");
            ImportResult r = run(store, "salesforce-opportunities");
            assertThat(r.rejected()).isZero();
            assertThat(r.inserted()).isEqualTo(3);
            assertThat(store.dsl().fetchValue("SELECT COUNT(*) FROM deal WHERE outcome = 'won'"))
                    .isEqualTo(1L);
            assertThat(store.dsl().fetchValue("SELECT COUNT(*) FROM deal WHERE outcome = 'open'"))
                    .isEqualTo(1L);
            assertThat(store.dsl().fetchValue("SELECT COUNT(*) FROM deal WHERE customer_id IS NULL"))
                    .isEqualTo(1L);
        }
    }

    @Test
    void quickBooksReportExportsImportWithoutTheirTitleAndTotalLines() throws Exception {
        try (Store store = Store.open(dir.resolve("qbo"))) {
            ImportResult customers = run(store, "qbo-customers");
            assertThat(customers.rejected()).isZero();
            assertThat(customers.read()).isEqualTo(4);
            assertThat(customers.inserted()).isEqualTo(4);
            assertThat(store.dsl().fetchValue("SELECT phone FROM customer WHERE external_ref = 'Hollis, June'"))
                    .isEqualTo("Mobile:(720) 555-0187");

            ImportResult invoices = run(store, "qbo-invoices");
            assertThat(invoices.rejected()).isZero();
            assertThat(invoices.read()).isEqualTo(4);
            assertThat(invoices.inserted()).isEqualTo(4);
            assertThat(store.dsl().fetchValue("SELECT COUNT(*) FROM invoice WHERE status = 'paid'"))
                    .isEqualTo(2L);
            assertThat(store.dsl()
                            .fetchValue("SELECT CAST(amount AS VARCHAR) || ' ' || CAST(issued_on AS VARCHAR) || ' '"
                                    + " || c.name FROM invoice i JOIN customer c ON c.id = i.customer_id"
                                    + " WHERE invoice_number = '1002'"))
                    .isEqualTo("3480.50 2024-03-28 Maple Street Bakery");
        }
    }

    @Test
    void theQuickBooksInvoicePresetReadsTheSentenceCaseHeadersOfNewerExports() throws Exception {
        String original = java.nio.file.Files.readString(FIXTURES.resolve("qbo-invoices.csv"));
        String renamed = original.replace(
                "\"Date\",\"Transaction Type\",\"Num\",\"Customer\",\"Memo/Description\",\"Due Date\",\"Amount\",\"Open Balance\"",
                "\"Transaction date\",\"Transaction type\",\"Num\",\"Customer full name\",\"Memo/Description\","
                        + "\"Due date\",\"Amount\",\"Open balance\"");
        assertThat(renamed).isNotEqualTo(original);
        Path file = dir.resolve("Invoice List.csv");
        java.nio.file.Files.writeString(file, renamed);
        try (Store store = Store.open(dir.resolve("qbo-new"))) {
            run(store, "qbo-customers");
            ImportResult r =
                    new Importer(store).run(file, Presets.load("qbo-invoices"), ImportOptions.DEFAULT, JobMonitor.NONE);
            assertThat(r.rejected()).isZero();
            assertThat(r.inserted()).isEqualTo(4);
        }
    }

    @Test
    void hubSpotDealsImportWithOutcomesFromTheirStage() throws Exception {
        try (Store store = Store.open(dir.resolve("hubspot"))) {
            ImportResult r = run(store, "hubspot-deals");
            assertThat(r.rejected()).isZero();
            assertThat(r.inserted()).isEqualTo(4);
            assertThat(store.dsl().fetchValue("SELECT COUNT(*) FROM deal WHERE outcome = 'open'"))
                    .isEqualTo(2L);
            assertThat(store.dsl()
                            .fetchValue("SELECT outcome || ' ' || lost_reason || ' ' || CAST(created_on AS VARCHAR)"
                                    + " FROM deal WHERE external_ref = '15823950213'"))
                    .isEqualTo("lost Went with a cheaper bid 2023-12-05");
        }
    }

    @Test
    void aGenericJobsSheetImports() throws Exception {
        try (Store store = Store.open(dir.resolve("jobs"))) {
            insert(
                    store,
                    "INSERT INTO customer (source, external_ref, name) VALUES ('jobs-sheet', 'CUST-1', 'A'), ('jobs-sheet', 'CUST-2', 'B')");
            insert(
                    store,
                    "INSERT INTO service_line (source, external_ref, code, name) VALUES ('jobs-sheet', 'HVAC', 'HVAC', 'HVAC'),"
                            + " ('jobs-sheet', 'PLUMB', 'PLUMB', 'Plumbing')");
            insert(
                    store,
                    "INSERT INTO technician (source, external_ref, name) VALUES ('jobs-sheet', 'TECH-7', 'T7'), ('jobs-sheet', 'TECH-3', 'T3')");
            ImportResult r = run(store, "generic-jobs");
            assertThat(r.rejected()).isZero();
            assertThat(r.inserted()).isEqualTo(3);
            assertThat(store.rowCounts().get(DomainTable.JOB)).isEqualTo(3);
        }
    }

    @Test
    void anUnknownPresetNamesTheOnesThereAre() {
        assertThatThrownBy(() -> Presets.load("sage-50"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining(
                        "qbo-customers, qbo-invoices, xero-invoices, hubspot-deals, salesforce-opportunities, generic-jobs");
    }
}
