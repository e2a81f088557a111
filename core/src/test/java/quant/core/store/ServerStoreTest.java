package quant.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real PostgreSQL server ({@link TestServers}): what differs from a file, and the roles. */
class ServerStoreTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyDatabaseIsBroughtUpToDateAndANewerOrForeignOneIsRefused() {
        try (TestServers.Scratch db = TestServers.fresh("open")) {
            try (Store store = Store.open(db.location())) {
                assertThat(store.engine()).isEqualTo(Store.Engine.POSTGRESQL);
                assertThat(store.schemaVersion()).isEqualTo("13");
                assertThat(store.role()).isEqualTo(Role.ADMIN);
                assertThat(store.isEmpty()).isTrue();
                assertThat(store.info().database()).isEqualTo(db.location().url());
            }
            TestServers.run(
                    db.location(),
                    "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                            + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL',"
                            + " 'V99__future.sql', 0, 'test', 0, TRUE)");
            StoreException newer = catchThrowableOfType(StoreException.class, () -> Store.open(db.location()));
            assertThat(newer.kind()).isEqualTo(StoreException.Kind.NEWER_VERSION);
            assertThat(newer.getMessage())
                    .startsWith("database " + db.location().database() + " on ")
                    .contains("newer version of Quant Workbench (schema version 99");
        }
        try (TestServers.Scratch db = TestServers.fresh("foreign")) {
            TestServers.run(db.location(), "CREATE TABLE orders (id INT)");
            assertThatThrownBy(() -> Store.open(db.location()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("of another program (it has tables such as orders");
        }
    }

    @Test
    void aMissingDatabaseAndAServerThatIsNotThereAreSaidInASentence() {
        StoreLocation.Server admin = TestServers.admin();
        StoreException missing = catchThrowableOfType(
                StoreException.class, () -> Store.open(admin.withDatabase("qt_there_is_no_such_database")));
        assertThat(missing.kind()).isEqualTo(StoreException.Kind.MISSING);
        assertThat(missing.getMessage()).startsWith("There is no database qt_there_is_no_such_database on ");
        StoreException away = catchThrowableOfType(
                StoreException.class,
                () -> Store.open(StoreLocation.Server.of("jdbc:postgresql://127.0.0.1:1/nothing?user=nobody")));
        assertThat(away.kind()).isEqualTo(StoreException.Kind.IO);
        assertThat(away.getMessage()).contains("cannot be reached").doesNotContain("Exception");
    }

    @Test
    void theRolesAreTheServersAndTheStoreSaysWhatARoleCannotDo() throws Exception {
        try (TestServers.Scratch db = TestServers.fresh("roles")) {
            char[] secret = "a-viewer's-secret".toCharArray();
            String viewer = TestServers.user(db, "viewer", secret);
            String analyst = TestServers.user(db, "analyst", secret);
            try (Store admin = Store.open(db.location())) {
                assertThat(ServerRoles.init(admin)).last().asString().startsWith("granted the roles on ");
                ServerRoles.grant(admin, viewer, Role.VIEWER);
                ServerRoles.grant(admin, analyst, Role.ANALYST);
                assertThat(ServerRoles.members(admin))
                        .containsEntry(viewer, Role.VIEWER)
                        .containsEntry(analyst, Role.ANALYST);
            }
            ServerPasswords.give(db.as(viewer), secret);
            ServerPasswords.give(db.as(analyst), secret);
            try (Store asViewer = Store.open(db.as(viewer))) {
                assertThat(asViewer.role()).isEqualTo(Role.VIEWER);
                assertThat(asViewer.isReadOnly()).isTrue();
                assertThatThrownBy(asViewer::checkWritable)
                        .hasMessage(db.location().database() + " is open read-only (your role is viewer, which reads"
                                + " and exports but changes nothing); it cannot be changed.");
                assertThat(asViewer.rowCounts()).containsEntry(DomainTable.CUSTOMER, 0L);
                // the server itself refuses, whatever a client does
                try (Connection c = asViewer.readConnection()) {
                    c.setReadOnly(false);
                    SQLException refused = catchThrowableOfType(SQLException.class, () -> c.createStatement()
                            .executeUpdate("INSERT INTO service_line (source, external_ref, code, name)"
                                    + " VALUES ('t', '1', 'X', 'X')"));
                    assertThat(refused.getSQLState()).isEqualTo("42501");
                    // what a viewer does leave behind: the record of an export
                    c.createStatement()
                            .executeUpdate("INSERT INTO export_audit (recorded_at, what, channel, destination, origin)"
                                    + " VALUES (now(), 'test', 'file', '/tmp/x.pdf', 'command')");
                }
                StoreException roles = catchThrowableOfType(StoreException.class, () -> ServerRoles.init(asViewer));
                assertThat(roles.getMessage())
                        .isEqualTo("Your role on " + db.location().describe() + " is viewer, which cannot manage roles;"
                                + " an admin can make you an admin.");
            }
            try (Store asAnalyst = Store.open(db.as(analyst))) {
                assertThat(asAnalyst.role()).isEqualTo(Role.ANALYST);
                asAnalyst.inTransaction(c -> c.createStatement()
                        .executeUpdate("INSERT INTO service_line (source, external_ref, code, name)"
                                + " VALUES ('t', '1', 'X', 'X')"));
                assertThat(asAnalyst.rowCounts()).containsEntry(DomainTable.SERVICE_LINE, 1L);
            }
        }
    }

    @Test
    void writersInTwoWorkbenchesTakeTurns() throws Exception {
        try (TestServers.Scratch db = TestServers.fresh("turns");
                Store one = Store.open(db.location());
                Store two = Store.open(db.location())) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicLong secondWroteAt = new AtomicLong();
            AtomicLong firstLetGoAt = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> first = pool.submit(() -> one.exclusively(() -> {
                    holding.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    firstLetGoAt.set(System.nanoTime());
                    return null;
                }));
                holding.await(10, TimeUnit.SECONDS);
                Future<?> second = pool.submit(() -> two.inTransaction(c -> {
                    secondWroteAt.set(System.nanoTime());
                    return c.createStatement()
                            .executeUpdate("INSERT INTO service_line (source, external_ref, code, name)"
                                    + " VALUES ('t', '2', 'Y', 'Y')");
                }));
                Thread.sleep(300);
                assertThat(second.isDone()).as("the second writer waits").isFalse();
                assertThat(two.whileNoWriter(() -> "read").isPresent())
                        .as("a reader on a server never takes the write lock")
                        .isFalse();
                release.countDown();
                first.get(10, TimeUnit.SECONDS);
                second.get(10, TimeUnit.SECONDS);
                assertThat(secondWroteAt.get()).isGreaterThan(firstLetGoAt.get());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aColleaguesCommitReachesTheOtherWorkbench() throws Exception {
        try (TestServers.Scratch db = TestServers.fresh("signal");
                Store mine = Store.open(db.location());
                Store theirs = Store.open(db.location())) {
            CountDownLatch told = new CountDownLatch(1);
            try (AutoCloseable listening = mine.onChangeElsewhere(told::countDown)) {
                Thread.sleep(700); // the listener's connection is up
                mine.inTransaction(c -> {
                    Store.bumpDataVersion(c);
                    return null;
                });
                Thread.sleep(1_000);
                assertThat(told.getCount())
                        .as("a workbench is not told of its own change")
                        .isEqualTo(1);
                long before = mine.dataVersion();
                theirs.inTransaction(c -> {
                    Store.bumpDataVersion(c);
                    return null;
                });
                assertThat(told.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(mine.dataVersion()).isEqualTo(before + 1);
            }
        }
    }

    @Test
    void aRunAStoppedClientLeftRunningIsRecordedAsInterruptedUnlessAWriterIsBusy() throws Exception {
        try (TestServers.Scratch db = TestServers.fresh("takeback")) {
            try (Store store = Store.open(db.location())) {
                store.inTransaction(c -> c.createStatement()
                        .executeUpdate("INSERT INTO import_run (file_name, file_size, sha256, target_table, source,"
                                + " rows_read, rows_inserted, rows_updated, rows_rejected, started_at, duration_ms,"
                                + " outcome, run_by) VALUES ('a.csv', 1, 'x', 'customer', 'csv', 0, 0, 0, 0, now(), 0,"
                                + " 'running', 'test')"));
                // a colleague writing holds the lock: their run is running, not left behind
                store.exclusively(() -> {
                    try (Store other = Store.open(db.location())) {
                        assertThat(outcome(other)).isEqualTo("running");
                    }
                    return null;
                });
            }
            try (Store reopened = Store.open(db.location())) {
                assertThat(outcome(reopened)).isEqualTo("interrupted");
            }
        }
    }

    @Test
    void aConnectionTheServerDropsMidWriteLeavesNothingAndIsOneSentence() throws Exception {
        try (TestServers.Scratch db = TestServers.fresh("dropped");
                Store store = Store.open(db.location())) {
            StoreException dropped = catchThrowableOfType(
                    StoreException.class,
                    () -> store.inTransaction(c -> {
                        try (Statement st = c.createStatement()) {
                            st.executeUpdate("INSERT INTO service_line (source, external_ref, code, name)"
                                    + " VALUES ('t', '1', 'X', 'X')");
                        }
                        int pid;
                        try (Statement st = c.createStatement();
                                ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                            rs.next();
                            pid = rs.getInt(1);
                        }
                        // the server stops this connection, as a server shut down mid-import would
                        TestServers.run(db.admin(), "SELECT pg_terminate_backend(" + pid + ")");
                        try (Statement st = c.createStatement()) {
                            return st.executeUpdate("INSERT INTO service_line (source, external_ref, code, name)"
                                    + " VALUES ('t', '2', 'Y', 'Y')");
                        }
                    }));
            assertThat(dropped.getMessage())
                    .startsWith("The server of " + db.location().describe() + " cannot be reached or stopped answering")
                    .endsWith("nothing was changed: check the address and that the server is running, then try again.");
            assertThat(store.rowCounts()).containsEntry(DomainTable.SERVICE_LINE, 0L);
        }
    }

    @Test
    void aBrokenRuleIsSaidInWordsAsOnAFile() throws Exception {
        try (TestServers.Scratch db = TestServers.fresh("rules");
                Store store = Store.open(db.location());
                Connection c = store.readConnection()) {
            c.setReadOnly(false);
            try (PreparedStatement st = c.prepareStatement("INSERT INTO kpi_alert (alert_rule, subject, alert_level,"
                    + " period_label, observed_on, message, view_id, state, recorded_at) VALUES ('sometimes', 's',"
                    + " 'warning', 'p', DATE '2026-01-01', 'm', 'v', 'raised', now())")) {
                SQLException e = catchThrowableOfType(SQLException.class, st::executeUpdate);
                assertThat(DatabaseErrors.explainRow(c, e))
                        .isEqualTo("breaks the rule: alert_rule must be one of level, band, sudden");
            }
        }
    }

    @Test
    void aCopyToTheServerAndBackIsExactAndNewRowsTakeTheNextIds() throws Exception {
        Path file = dir.resolve("shop");
        try (Store h2 = Store.open(file)) {
            h2.inTransaction(c -> c.createStatement()
                    .executeUpdate("INSERT INTO service_line (source, external_ref, code, name) VALUES"
                            + " ('csv', '1', 'HVAC', 'Heating'), ('csv', '2', 'PLUMB', 'Plumbing à l''eau')"));
        }
        try (TestServers.Scratch db = TestServers.fresh("copy")) {
            try (Store h2 = Store.openExisting(file);
                    Store server = Store.open(db.location())) {
                StoreCopy.Result there = StoreCopy.copy(h2, server, false, quant.core.job.JobMonitor.NONE);
                assertThat(there.rows()).isGreaterThanOrEqualTo(2);
                assertThat(StoreCopy.checks(server)).isEqualTo(StoreCopy.checks(h2));
                StoreException full = catchThrowableOfType(
                        StoreException.class, () -> StoreCopy.copy(h2, server, false, quant.core.job.JobMonitor.NONE));
                assertThat(full.getMessage())
                        .endsWith("already holds data; nothing was copied. Copy into an empty"
                                + " database, or add --replace to put the copy in place of what it holds.");
                server.inTransaction(c -> c.createStatement()
                        .executeUpdate("INSERT INTO service_line (source, external_ref, code, name)"
                                + " VALUES ('csv', '3', 'ELEC', 'Electrical')"));
                assertThat(maxId(server)).isEqualTo(3);
            }
            Path back = dir.resolve("back");
            try (Store server = Store.open(db.location());
                    Store h2 = Store.open(back)) {
                StoreCopy.copy(server, h2, false, quant.core.job.JobMonitor.NONE);
                assertThat(StoreCopy.checks(h2)).isEqualTo(StoreCopy.checks(server));
                h2.inTransaction(c -> c.createStatement()
                        .executeUpdate("INSERT INTO service_line (source, external_ref, code, name)"
                                + " VALUES ('csv', '4', 'ROOF', 'Roofing')"));
                assertThat(maxId(h2)).isEqualTo(4);
            }
        }
    }

    @Test
    void theDataViewBrowsesFiltersAndSortsOnTheServerAsOnAFile() {
        try (TestServers.Scratch db = TestServers.fresh("browse");
                Store server = Store.open(db.location());
                Store file = Store.open(dir.resolve("browse"))) {
            for (Store s : List.of(server, file)) {
                s.inTransaction(c -> c.createStatement()
                        .executeUpdate("INSERT INTO customer (source, external_ref, name, city) VALUES"
                                + " ('t', 'C1', 'Harbour Dental', 'Leeds'), ('t', 'C2', 'Leeds 100% Roofing', 'York'),"
                                + " ('t', 'C3', 'Moor_Side Farm', 'Leeds'), ('t', 'C4', 'Abbey Vets', NULL)"));
            }
            TableBrowser.Query leeds =
                    new TableBrowser.Query(List.of(new TableBrowser.Filter("city", "lee")), Optional.of("name"), false);
            TableBrowser.Query percent =
                    new TableBrowser.Query(List.of(new TableBrowser.Filter("name", "100%")), Optional.empty(), true);
            TableBrowser.Query underscore =
                    new TableBrowser.Query(List.of(new TableBrowser.Filter("name", "_side")), Optional.empty(), true);
            for (Store s : List.of(server, file)) {
                TableBrowser browser = new TableBrowser(s, DomainTable.CUSTOMER);
                int name = browser.columns().stream()
                        .map(TableColumn::name)
                        .toList()
                        .indexOf("name");
                assertThat(browser.count(leeds)).isEqualTo(2);
                assertThat(browser.page(leeds, 0, 10))
                        .extracting(r -> r[name])
                        .containsExactly("Moor_Side Farm", "Harbour Dental");
                assertThat(browser.page(percent, 0, 10))
                        .extracting(r -> r[name])
                        .containsExactly("Leeds 100% Roofing");
                assertThat(browser.page(underscore, 0, 10))
                        .extracting(r -> r[name])
                        .containsExactly("Moor_Side Farm");
                assertThat(browser.page(TableBrowser.Query.ALL, 1, 2)).hasSize(2);
            }
        }
    }

    private static long maxId(Store store) throws SQLException {
        try (Connection c = store.readConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT MAX(id) FROM service_line")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String outcome(Store store) throws SQLException {
        try (Connection c = store.readConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT outcome FROM import_run")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
