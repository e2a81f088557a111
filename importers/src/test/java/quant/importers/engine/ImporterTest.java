package quant.importers.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.importing.ImportException;
import quant.core.job.JobMonitor;
import quant.core.runs.RunUndo;
import quant.core.store.DomainTable;
import quant.core.store.RunOutcome;
import quant.core.store.Store;
import quant.core.store.StoreException;
import quant.importers.mapping.ColumnMapping;
import quant.importers.mapping.MappingProfile;
import quant.importers.read.ReaderSettings;

class ImporterTest {
    @TempDir
    Path dir;

    Store store;
    Importer importer;

    static final MappingProfile LINES = new MappingProfile(
            "service lines",
            "service_line",
            "test",
            ReaderSettings.DETECT,
            List.of("code"),
            List.of(ColumnMapping.of("code", "code"), ColumnMapping.of("name", "name")),
            Map.of());

    static final MappingProfile CUSTOMERS = new MappingProfile(
            "customers",
            "customer",
            "test",
            ReaderSettings.DETECT,
            List.of("id"),
            List.of(
                    ColumnMapping.of("name", "name"),
                    ColumnMapping.of("since", "acquired_on"),
                    ColumnMapping.of("lat", "lat")),
            Map.of());

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("db"));
        importer = new Importer(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    Path csv(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    ImportResult run(Path file, MappingProfile profile) throws IOException {
        return importer.run(file, profile, ImportOptions.DEFAULT, JobMonitor.NONE);
    }

    /** SHA-256 over every domain table's rows (ids included), the import audit left out. */
    Map<DomainTable, String> contentHashes() throws Exception {
        Map<DomainTable, String> hashes = new LinkedHashMap<>();
        try (var c = store.readConnection()) {
            for (DomainTable t : DomainTable.values()) {
                if (t == DomainTable.IMPORT_RUN) {
                    continue;
                }
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + t.sqlName() + " ORDER BY id")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            md.update(String.valueOf(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
                            md.update((byte) 0);
                        }
                    }
                }
                hashes.put(t, HexFormat.of().formatHex(md.digest()));
            }
        }
        return hashes;
    }

    @Test
    void importsNewRowsAndRecordsTheRun() throws Exception {
        ImportResult r = run(csv("lines.csv", "code,name\nHVAC,Heating\nPLUMB,Plumbing\n"), LINES);
        assertThat(r.inserted()).isEqualTo(2);
        assertThat(r.outcome()).isEqualTo(RunOutcome.IMPORTED);
        assertThat(store.rowCounts().get(DomainTable.SERVICE_LINE)).isEqualTo(2);
        assertThat(store.rowCounts().get(DomainTable.IMPORT_RUN)).isEqualTo(1);
        assertThat(store.dataVersion()).isEqualTo(1);
    }

    @Test
    void reimportingAnIdenticalFileChangesNothingAndKeepsTheDataVersion() throws Exception {
        Path f = csv("lines.csv", "code,name\nHVAC,Heating\nPLUMB,Plumbing\n");
        run(f, LINES);
        Path renamed = Files.copy(f, dir.resolve("renamed.csv"));
        ImportResult again = run(renamed, LINES);
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.outcome()).isEqualTo(RunOutcome.UNCHANGED);
        assertThat(store.dataVersion()).isEqualTo(1);
    }

    @Test
    void aChangedRowIsUpdatedAndUndoRestoresEveryTableAsItWas() throws Exception {
        run(csv("c1.csv", "id,name,since,lat\n1,Acme,2024-01-05,39.7\n2,Beta,2024-02-01,\n"), CUSTOMERS);
        Map<DomainTable, String> before = contentHashes();
        long version = store.dataVersion();
        ImportResult changed = run(
                csv(
                        "c2.csv",
                        "id,name,since,lat\n1,Acme Inc.,2024-01-05,39.7\n2,Beta,2024-02-01,\n3,Gamma,2024-03-01,40.1\n"),
                CUSTOMERS);
        assertThat(changed.inserted()).isEqualTo(1);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(1);
        assertThat(contentHashes()).isNotEqualTo(before);

        RunUndo.Result undone = RunUndo.undo(store, changed.runId());
        assertThat(undone.deleted()).isEqualTo(1);
        assertThat(undone.restored()).isEqualTo(1);
        assertThat(contentHashes()).isEqualTo(before);
        assertThat(store.dataVersion()).isGreaterThan(version);
        assertThatThrownBy(() -> RunUndo.undo(store, changed.runId())).hasMessageContaining("undone already");
    }

    @Test
    void undoIsRefusedWhenALaterRunChangedTheSameRows() throws Exception {
        ImportResult first = run(csv("c1.csv", "id,name,since,lat\n1,Acme,2024-01-05,\n"), CUSTOMERS);
        run(csv("c2.csv", "id,name,since,lat\n1,Acme Inc.,2024-01-05,\n"), CUSTOMERS);
        assertThatThrownBy(() -> RunUndo.undo(store, first.runId()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("changed 1 of the same rows later")
                .hasMessageContaining("(c2.csv into customer on ");
    }

    @Test
    void anyProblemAbortsTheWholeImportWithRowColumnValueAndReason() throws Exception {
        Path bad = csv(
                "bad.csv",
                "id,name,since,lat\n1,Acme,2024-01-05,39.7\n2,,2024-02-30,\n3,Gamma,2024-03-01,95\n1,Again,2024-01-01,\n");
        long version = store.dataVersion();
        assertThatThrownBy(() -> run(bad, CUSTOMERS))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImportException.Kind.INVALID_DATA);
                    assertThat(e.problems())
                            .extracting(p -> p.row() + " " + p.column() + " " + p.reason())
                            .contains("3 name is empty, but name is required", "5 id repeats the key of row 2");
                    assertThat(e.problems())
                            .anySatisfy(p -> assertThat(p.reason()).contains("lat"));
                })
                .hasMessageContaining("nothing was written");
        assertThat(store.rowCounts().get(DomainTable.CUSTOMER)).isZero();
        assertThat(store.dataVersion()).isEqualTo(version);
        try (var c = store.readConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT outcome, rows_read FROM import_run")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("aborted");
            assertThat(rs.getLong(2)).isEqualTo(4);
        }
    }

    @Test
    void skipModeWritesTheValidRowsAndTheRejectsWithAReason() throws Exception {
        Path bad = csv(
                "bad.csv",
                "id,name,since,lat\n1,Acme,2024-01-05,\n2,=HYPERLINK(\"x\"),someday,\n3,Gamma,2024-03-01,\n");
        Path rejects = dir.resolve("rejects.csv");
        ImportResult r = importer.run(
                bad,
                CUSTOMERS,
                new ImportOptions(ImportOptions.OnError.SKIP, false, rejects, java.time.ZoneOffset.UTC),
                JobMonitor.NONE);
        assertThat(r.inserted()).isEqualTo(2);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.outcome()).isEqualTo(RunOutcome.IMPORTED_WITH_REJECTS);
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines.getFirst()).isEqualTo("id,name,since,lat,import_problem");
        assertThat(lines.get(1))
                .startsWith("2,\"'=HYPERLINK(\"\"x\"\")\",someday,,")
                .contains("is not a date");
    }

    @Test
    void aDryRunCountsButWritesNothing() throws Exception {
        ImportResult r = importer.run(
                csv("lines.csv", "code,name\nHVAC,Heating\n"),
                LINES,
                ImportOptions.DEFAULT.withDryRun(true),
                JobMonitor.NONE);
        assertThat(r.inserted()).isEqualTo(1);
        assertThat(r.outcome()).isEqualTo(RunOutcome.DRY_RUN);
        assertThat(store.rowCounts().values()).allMatch(n -> n == 0);
    }

    @Test
    void theSameNaturalKeyFromAnotherSourceIsAConflictNotAMerge() throws Exception {
        run(csv("lines.csv", "code,name\nHVAC,Heating\n"), LINES);
        assertThatThrownBy(
                        () -> run(csv("other.csv", "code,name\nHVAC,Heating and cooling\n"), LINES.withSource("other")))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(
                                e.problems().getFirst().reason())
                        .contains("from source \"test\"")
                        .contains("never merged"));
    }

    @Test
    void aCancelledImportLeavesTheDatabaseAsItWas() throws Exception {
        StringBuilder big = new StringBuilder("id,name,since,lat\n");
        for (int i = 0; i < 5_000; i++) {
            big.append(i).append(",Customer ").append(i).append(",2024-01-01,\n");
        }
        Path f = csv("big.csv", big.toString());
        long version = store.dataVersion();
        JobMonitor cancelAfterFirstBatch = new JobMonitor() {
            long done;

            @Override
            public void progress(long d, long total, String stage) {
                done = d;
            }

            @Override
            public boolean isCancelled() {
                return done >= 2_000;
            }
        };
        assertThatThrownBy(() -> importer.run(f, CUSTOMERS, ImportOptions.DEFAULT, cancelAfterFirstBatch))
                .isInstanceOf(CancellationException.class);
        assertThat(store.rowCounts().get(DomainTable.CUSTOMER)).isZero();
        assertThat(store.dataVersion()).isEqualTo(version);
        assertThat(readerThreads())
                .as("the reading thread stops with the import")
                .isZero();
    }

    @Test
    void aFileThatBreaksFarDownFailsWithTheReadersSentenceAndWritesNothing() throws Exception {
        StringBuilder big = new StringBuilder("id,name,since,lat\n");
        for (int i = 0; i < 12_000; i++) {
            big.append(i).append(",Customer ").append(i).append(",2024-01-01,\n");
        }
        big.append("12000,\"Unclosed,2024-01-01,\n");
        Path f = csv("broken-late.csv", big.toString());
        long version = store.dataVersion();
        // with the date order given, the probe only hashes the file: the break is found while writing
        MappingProfile ymd =
                CUSTOMERS.withReader(ReaderSettings.DETECT.withDateOrder(quant.importers.parse.DateOrder.YMD));
        assertThatThrownBy(() -> run(f, ymd))
                .isInstanceOfSatisfying(
                        ImportException.class, e -> assertThat(e.kind()).isEqualTo(ImportException.Kind.UNREADABLE))
                .hasMessageStartingWith("broken-late.csv cannot be read as CSV");
        assertThat(store.rowCounts().get(DomainTable.CUSTOMER)).isZero();
        assertThat(store.dataVersion()).isEqualTo(version);
        assertThat(readerThreads()).isZero();
    }

    private static long readerThreads() throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            long alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("quant-import-reader"))
                    .count();
            if (alive == 0) {
                return 0;
            }
            Thread.sleep(20);
        }
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("quant-import-reader"))
                .count();
    }

    @Test
    void anAmbiguousDateOrderIsAnErrorNeverAGuess() throws Exception {
        Path f = csv("c.csv", "id,name,since,lat\n1,Acme,3/4/2024,\n2,Beta,5/6/2024,\n");
        assertThatThrownBy(() -> run(f, CUSTOMERS))
                .isInstanceOfSatisfying(
                        ImportException.class, e -> assertThat(e.kind()).isEqualTo(ImportException.Kind.SETTINGS))
                .hasMessageContaining("\"3/4/2024\" could be day/month/year or month/day/year");
        ImportResult dmy =
                run(f, CUSTOMERS.withReader(ReaderSettings.DETECT.withDateOrder(quant.importers.parse.DateOrder.DMY)));
        assertThat(dmy.inserted()).isEqualTo(2);
    }

    @Test
    void referencesResolveBySourceKey() throws Exception {
        run(csv("c.csv", "id,name,since,lat\nA1,Acme,2024-01-05,\n"), CUSTOMERS);
        MappingProfile invoices = new MappingProfile(
                "inv",
                "invoice",
                "test",
                ReaderSettings.DETECT,
                List.of("no"),
                List.of(
                        ColumnMapping.of("no", "invoice_number"), ColumnMapping.of("customer", "customer_id"),
                        ColumnMapping.of("issued", "issued_on"), ColumnMapping.of("due", "due_on"),
                        ColumnMapping.of("total", "amount"), new ColumnMapping(null, "status", Map.of(), "open")),
                Map.of());
        ImportResult ok = run(
                csv("i.csv", "no,customer,issued,due,total\nI-1,A1,2024-02-01,2024-03-01,\"$1,250.00\"\n"), invoices);
        assertThat(ok.inserted()).isEqualTo(1);
        assertThatThrownBy(() ->
                        run(csv("i2.csv", "no,customer,issued,due,total\nI-2,ZZ,2024-02-01,2024-03-01,5\n"), invoices))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(
                                e.problems().getFirst().describe())
                        .isEqualTo("Row 2, column customer (\"ZZ\"): matches no customer (source \"test\")"));
    }
}
