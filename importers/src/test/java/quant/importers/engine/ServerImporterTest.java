package quant.importers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quant.core.job.JobMonitor;
import quant.core.runs.RunUndo;
import quant.core.store.DomainTable;
import quant.core.store.RunOutcome;
import quant.core.store.Store;
import quant.core.store.TestServers;

/**
 * The importer's whole suite ({@link ImporterTest}) again on a PostgreSQL server: the same files, the
 * same checks, the same undo, on a database of its own for each test; and what only a server sees,
 * two workbenches importing at once.
 */
class ServerImporterTest extends ImporterTest {
    private TestServers.Scratch scratch;

    @BeforeEach
    @Override
    void open() {
        scratch = TestServers.fresh("importer");
        store = Store.open(scratch.location());
        importer = new Importer(store);
    }

    @AfterEach
    @Override
    void close() {
        store.close();
        scratch.close();
    }

    @Test
    void twoWorkbenchesImportingAtOnceBothLandWholeOneAfterTheOther() throws Exception {
        StringBuilder a = new StringBuilder("id,name,since,lat\n");
        StringBuilder b = new StringBuilder("id,name,since,lat\n");
        for (int i = 1; i <= 2_000; i++) {
            a.append("A").append(i).append(",Customer A").append(i).append(",2024-01-05,\n");
            b.append("B").append(i).append(",Customer B").append(i).append(",2024-02-05,\n");
        }
        Path first = csv("a.csv", a.toString());
        Path second = csv("b.csv", b.toString());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Store colleague = Store.open(scratch.location())) {
            Importer theirs = new Importer(colleague);
            CountDownLatch go = new CountDownLatch(1);
            Future<ImportResult> mine = pool.submit(() -> {
                go.await();
                return importer.run(first, CUSTOMERS, ImportOptions.DEFAULT, JobMonitor.NONE);
            });
            Future<ImportResult> other = pool.submit(() -> {
                go.await();
                return theirs.run(second, CUSTOMERS, ImportOptions.DEFAULT, JobMonitor.NONE);
            });
            go.countDown();
            ImportResult x = mine.get(2, TimeUnit.MINUTES);
            ImportResult y = other.get(2, TimeUnit.MINUTES);
            assertThat(x.inserted()).isEqualTo(2_000);
            assertThat(y.inserted()).isEqualTo(2_000);
            assertThat(x.outcome()).isEqualTo(RunOutcome.IMPORTED);
            assertThat(y.outcome()).isEqualTo(RunOutcome.IMPORTED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.rowCounts())
                .containsEntry(DomainTable.CUSTOMER, 4_000L)
                .containsEntry(DomainTable.IMPORT_RUN, 2L);
        // the writers took turns: each run's rows hold one unbroken range of ids
        assertThat(span("A%")).isEqualTo(2_000);
        assertThat(span("B%")).isEqualTo(2_000);
        long firstRun = quant.core.runs.RunHistory.runs(store, 2).getLast().id();
        RunUndo.undo(store, firstRun);
        assertThat(store.rowCounts()).containsEntry(DomainTable.CUSTOMER, 2_000L);
    }

    /** Highest id less lowest id, plus one, of the customers whose reference is like {@code pattern}. */
    private long span(String pattern) throws Exception {
        try (Connection c = store.readConnection();
                var st = c.prepareStatement("SELECT MAX(id) - MIN(id) + 1 FROM customer WHERE external_ref LIKE ?")) {
            st.setString(1, pattern);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
