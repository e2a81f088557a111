package quant.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.job.JobMonitor;
import quant.core.store.Store;

/**
 * The loader reads the same snapshot whether it reads on two connections under the write lock or,
 * while a writer holds the lock, in one transaction; and it grows past the counted rows.
 */
class SnapshotLoaderTest {
    @TempDir
    Path dir;

    private static final int CUSTOMERS = 700;
    private static final int JOBS_PER_CUSTOMER = 3;

    private Store filled() {
        Store store = Store.open(dir.resolve("s"));
        store.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO service_line (source, external_ref, code, name) VALUES"
                        + " ('t', 'H', 'HVAC', 'Heating'), ('t', 'P', 'PLUMB', 'Plumbing')");
                st.executeUpdate("INSERT INTO customer (source, external_ref, name, segment, acquired_on)"
                        + " SELECT 't', 'c' || X, 'Customer ' || X, CASE WHEN MOD(X, 3) = 0 THEN 'commercial'"
                        + " ELSE 'residential' END, DATEADD('DAY', X, DATE '2023-01-01') FROM SYSTEM_RANGE(1, "
                        + CUSTOMERS + ")");
                st.executeUpdate("INSERT INTO job (source, external_ref, customer_id, service_line_id, status,"
                        + " priority, requested_at, completed_at, revenue, labour_cost, material_cost,"
                        + " equipment_cost, rating) SELECT 't', 'j' || X, 1 + MOD(X, " + CUSTOMERS + "),"
                        + " 1 + MOD(X, 2), CASE WHEN MOD(X, 10) = 0 THEN 'cancelled' ELSE 'completed' END,"
                        + " 'normal', TIMESTAMP '2023-06-01 08:00:00' + X * INTERVAL '1' HOUR,"
                        + " CASE WHEN MOD(X, 10) = 0 THEN NULL ELSE TIMESTAMP '2023-06-01 12:00:00' + X * INTERVAL '1'"
                        + " HOUR END, 100 + MOD(X, 7), 20, 10.5, 5, NULLIF(MOD(X, 6), 0) FROM SYSTEM_RANGE(1, "
                        + CUSTOMERS * JOBS_PER_CUSTOMER + ")");
                st.executeUpdate("INSERT INTO invoice (source, external_ref, customer_id, invoice_number, issued_on,"
                        + " due_on, amount, status) SELECT 't', 'i' || X, 1 + MOD(X, " + CUSTOMERS + "), 'N' || X,"
                        + " DATEADD('DAY', MOD(X, 300), DATE '2024-01-01'), DATEADD('DAY', MOD(X, 300), DATE '2024-01-31'), 120,"
                        + " CASE WHEN MOD(X, 4) = 0 THEN 'open' ELSE 'paid' END FROM SYSTEM_RANGE(1, 900)");
                st.executeUpdate(
                        "INSERT INTO payment (source, external_ref, invoice_id, paid_on, amount)"
                                + " SELECT 't', 'p' || id, id, due_on, 60 FROM invoice WHERE status = 'paid'"
                                + " UNION ALL SELECT 't', 'q' || id, id, DATEADD('DAY', 3, due_on), 60 FROM invoice WHERE status = 'paid'");
            }
            return null;
        });
        return store;
    }

    @Test
    void readsTheSameSnapshotOnTwoConnectionsAndInOneTransaction() throws Exception {
        try (Store store = filled()) {
            Snapshot free = new SnapshotLoader(store).loadAll(JobMonitor.NONE);
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    store.exclusively(() -> {
                        held.countDown();
                        done.await();
                        return null;
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            held.await();
            Snapshot busy;
            try {
                busy = new SnapshotLoader(store).loadAll(JobMonitor.NONE);
            } finally {
                done.countDown();
                writer.join();
            }
            for (Snapshot s : new Snapshot[] {free, busy}) {
                assertThat(s.customers().size()).isEqualTo(CUSTOMERS);
                assertThat(s.jobs().size()).isEqualTo(CUSTOMERS * JOBS_PER_CUSTOMER);
                assertThat(s.invoices().size()).isEqualTo(900);
            }
            for (int j = 0; j < free.jobs().size(); j++) {
                assertThat(busy.jobs().customer(j)).isEqualTo(free.jobs().customer(j));
                assertThat(busy.jobs().completedDay(j)).isEqualTo(free.jobs().completedDay(j));
                assertThat(busy.jobs().cost(j)).isEqualTo(free.jobs().cost(j));
            }
            // job X (1-based) belongs to customer 1 + X mod CUSTOMERS, i.e. row index X mod CUSTOMERS
            assertThat(free.jobs().customer(0)).isEqualTo(1);
            assertThat(free.jobs().customer(CUSTOMERS - 1)).isEqualTo(0);
            assertThat(free.jobs().cost(0)).isEqualTo(35.5);
            assertThat(free.jobs().isCompleted(9)).isFalse();
            assertThat(Snapshot.date(free.jobs().completedDay(0))).isEqualTo(LocalDate.of(2023, 6, 1));
            assertThat(free.customers().segments().value(free.customers().segment(2)))
                    .isEqualTo("commercial");
            double paid = 0;
            for (int i = 0; i < free.invoices().size(); i++) {
                assertThat(busy.invoices().paid(i)).isEqualTo(free.invoices().paid(i));
                paid += free.invoices().paid(i);
            }
            assertThat(paid).isEqualTo(675 * 120.0);
        }
    }

    @Test
    void aCancelledLoadStopsBothReaders() {
        try (Store store = filled()) {
            JobMonitor cancelled = new JobMonitor() {
                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            // fewer rows than a progress chunk are never interrupted; with a chunk of rows it is
            assertThat(new SnapshotLoader(store).loadAll(JobMonitor.NONE).jobs().size())
                    .isPositive();
            store.inTransaction(c -> addJobs(c, 40_000));
            assertThatThrownBy(() -> new SnapshotLoader(store).loadAll(cancelled))
                    .isInstanceOf(CancellationException.class);
            assertThat(new SnapshotLoader(store).loadAll(JobMonitor.NONE).jobs().size())
                    .isEqualTo(CUSTOMERS * JOBS_PER_CUSTOMER + 40_000);
        }
    }

    private static Void addJobs(Connection c, int n) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO job (source, external_ref, customer_id, service_line_id, status, priority,"
                    + " requested_at) SELECT 'more', 'm' || X, 1, 1, 'scheduled', 'normal',"
                    + " TIMESTAMP '2024-01-01 08:00:00' FROM SYSTEM_RANGE(1, " + n + ")");
        }
        return null;
    }
}
