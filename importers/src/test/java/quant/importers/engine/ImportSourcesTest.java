package quant.importers.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.importing.ImportException;
import quant.core.job.JobMonitor;
import quant.core.runs.RunHistory;
import quant.core.runs.RunUndo;
import quant.core.store.RunOutcome;
import quant.core.store.Store;
import quant.importers.api.RecordTableReader;
import quant.importers.mapping.ColumnMapping;
import quant.importers.mapping.MappingProfile;
import quant.importers.read.ReaderSettings;
import quant.importers.read.TableReader;

/** A connector's objects imported through the same engine as files: one run, all or nothing, undoable. */
class ImportSourcesTest {
    @TempDir
    Path dir;

    Store store;
    Importer importer;

    static final MappingProfile CUSTOMERS = new MappingProfile(
            "vendor companies",
            "customer",
            "vendor",
            ReaderSettings.DETECT,
            List.of("id"),
            List.of(ColumnMapping.of("name", "name"), ColumnMapping.of("created", "acquired_on")),
            Map.of());

    static final MappingProfile INVOICES = new MappingProfile(
            "vendor invoices",
            "invoice",
            "vendor",
            ReaderSettings.DETECT,
            List.of("number"),
            List.of(
                    ColumnMapping.of("number", "invoice_number"),
                    ColumnMapping.of("customer", "customer_id"),
                    ColumnMapping.of("issued", "issued_on"),
                    ColumnMapping.of("due", "due_on"),
                    ColumnMapping.of("total", "amount"),
                    new ColumnMapping(null, "status", Map.of(), "open")),
            Map.of());

    /** An object served in pages; its watermark is the greatest {@code updated} of the records read. */
    static final class Pages implements ImportSource.Records {
        final String object;
        final MappingProfile profile;
        final List<String> fields;
        final List<List<Map<String, String>>> pages;
        final int failOnPage;
        String watermark;

        Pages(
                String object,
                MappingProfile profile,
                List<String> fields,
                int failOnPage,
                List<List<Map<String, String>>> pages) {
            this.object = object;
            this.profile = profile;
            this.fields = fields;
            this.pages = pages;
            this.failOnPage = failOnPage;
        }

        @Override
        public String connector() {
            return "vendor";
        }

        @Override
        public String object() {
            return object;
        }

        @Override
        public MappingProfile profile() {
            return profile;
        }

        @Override
        public TableReader open() {
            Iterator<List<Map<String, String>>> it = pages.iterator();
            int[] page = {0};
            return new RecordTableReader(fields, () -> {
                if (++page[0] == failOnPage) {
                    throw new ImportException(
                            ImportException.Kind.UNREADABLE, "The vendor answered 500 on page " + page[0] + ".");
                }
                if (!it.hasNext()) {
                    return null;
                }
                List<Map<String, String>> p = it.next();
                for (Map<String, String> r : p) {
                    String u = r.get("updated");
                    if (u != null && (watermark == null || u.compareTo(watermark) > 0)) {
                        watermark = u;
                    }
                }
                return p;
            });
        }

        @Override
        public String watermark() {
            return watermark;
        }
    }

    static Map<String, String> company(String id, String name, String updated) {
        return Map.of("id", id, "name", name, "created", "2024-01-05", "updated", updated);
    }

    static Map<String, String> invoice(String number, String customer, String total, String updated) {
        return Map.of(
                "number",
                number,
                "customer",
                customer,
                "issued",
                "2024-02-01",
                "due",
                "2024-03-01",
                "total",
                total,
                "updated",
                updated);
    }

    static final List<String> COMPANY_FIELDS = List.of("id", "name", "created", "updated");
    static final List<String> INVOICE_FIELDS = List.of("number", "customer", "issued", "due", "total", "updated");

    Pages companies(int failOnPage, List<List<Map<String, String>>> pages) {
        return new Pages("companies", CUSTOMERS, COMPANY_FIELDS, failOnPage, pages);
    }

    Pages invoices(int failOnPage, List<List<Map<String, String>>> pages) {
        return new Pages("invoices", INVOICES, INVOICE_FIELDS, failOnPage, pages);
    }

    List<ImportResult> sync(ImportSource... sources) throws IOException {
        return importer.runSources(List.of(sources), ImportOptions.DEFAULT, i -> JobMonitor.NONE);
    }

    long count(String table) throws Exception {
        try (Connection c = store.readConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("db"));
        importer = new Importer(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSyncOfTwoObjectsOverSeveralPagesIsOneRunPerObjectWithItsWatermark() throws Exception {
        List<ImportResult> first = sync(
                companies(
                        0,
                        List.of(
                                List.of(
                                        company("C1", "Acme", "2025-01-02T10:00:00Z"),
                                        company("C2", "Bolt", "2025-01-03T09:00:00Z")),
                                List.of(company("C3", "Crest", "2025-01-01T08:00:00Z")))),
                invoices(0, List.of(List.of(invoice("I-1", "C1", "1250.00", "2025-01-04T00:00:00Z")))));
        assertThat(first).extracting(ImportResult::inserted).containsExactly(3L, 1L);
        assertThat(count("customer")).isEqualTo(3);
        assertThat(RunHistory.watermark(store, "vendor", "companies")).isEqualTo("2025-01-03T09:00:00Z");
        assertThat(RunHistory.watermark(store, "vendor", "invoices")).isEqualTo("2025-01-04T00:00:00Z");
        RunHistory.Run newest = RunHistory.runs(store, 1).getFirst();
        assertThat(newest.origin()).isEqualTo("vendor invoices");
        assertThat(newest.fileName()).isNull();
        assertThat(newest.sha256()).isNull();

        // the next sync brings one changed company: exactly that row is updated, and the mark moves on
        List<ImportResult> second =
                sync(companies(0, List.of(List.of(company("C2", "Bolt & Sons", "2025-02-01T00:00:00Z")))));
        assertThat(second.getFirst().updated()).isEqualTo(1);
        assertThat(second.getFirst().inserted()).isZero();
        assertThat(RunHistory.watermark(store, "vendor", "companies")).isEqualTo("2025-02-01T00:00:00Z");

        // undo of that sync restores the row and takes the watermark back with it
        RunUndo.undo(store, second.getFirst().runId());
        assertThat(RunHistory.watermark(store, "vendor", "companies")).isEqualTo("2025-01-03T09:00:00Z");
        try (Connection c = store.readConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT name FROM customer WHERE external_ref = 'C2'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("Bolt");
        }
    }

    @Test
    void aVendorErrorInTheMiddleOfASyncWritesNothingAndTheNextSyncIsComplete() throws Exception {
        assertThatThrownBy(() -> sync(
                        companies(0, List.of(List.of(company("C1", "Acme", "2025-01-02T10:00:00Z")))),
                        invoices(
                                2,
                                List.of(
                                        List.of(invoice("I-1", "C1", "10", "2025-01-04T00:00:00Z")),
                                        List.of(invoice("I-2", "C1", "20", "2025-01-05T00:00:00Z"))))))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("500 on page 2");
        assertThat(count("customer"))
                .as("the companies of the same sync are not kept either")
                .isZero();
        assertThat(count("invoice")).isZero();
        assertThat(RunHistory.watermark(store, "vendor", "companies")).isNull();
        assertThat(RunHistory.runs(store, 5))
                .extracting(RunHistory.Run::outcome)
                .doesNotContain(RunOutcome.IMPORTED);

        List<ImportResult> again = sync(
                companies(0, List.of(List.of(company("C1", "Acme", "2025-01-02T10:00:00Z")))),
                invoices(
                        0,
                        List.of(
                                List.of(invoice("I-1", "C1", "10", "2025-01-04T00:00:00Z")),
                                List.of(invoice("I-2", "C1", "20", "2025-01-05T00:00:00Z")))));
        assertThat(again).extracting(ImportResult::inserted).containsExactly(1L, 2L);
        assertThat(RunHistory.watermark(store, "vendor", "invoices")).isEqualTo("2025-01-05T00:00:00Z");
    }

    @Test
    void aCancelledSyncKeepsTheDatabaseAsItWas() throws Exception {
        sync(companies(0, List.of(List.of(company("C1", "Acme", "2025-01-02T10:00:00Z")))));
        List<List<Map<String, String>>> many = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            List<Map<String, String>> page = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                page.add(company("N" + p + "-" + i, "New " + i, "2025-03-01T00:00:00Z"));
            }
            many.add(page);
        }
        JobMonitor cancelled = new JobMonitor() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(
                        () -> importer.runSources(List.of(companies(0, many)), ImportOptions.DEFAULT, i -> cancelled))
                .isInstanceOf(CancellationException.class);
        assertThat(count("customer")).isEqualTo(1);
        assertThat(RunHistory.watermark(store, "vendor", "companies")).isEqualTo("2025-01-02T10:00:00Z");
    }
}
