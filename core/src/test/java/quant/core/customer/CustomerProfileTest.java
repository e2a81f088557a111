package quant.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.store.Store;
import quant.core.store.TestServers;

/** A customer's profile worked out by hand, on a file and on a server. */
class CustomerProfileTest {
    @TempDir
    Path dir;

    @Test
    void theProfileOfAHandMadeCustomerOnAFile() {
        try (Store store = Store.open(dir.resolve("profile"))) {
            check(store);
        }
    }

    @Test
    void theSameProfileOnAServer() {
        try (TestServers.Scratch db = TestServers.fresh("profile");
                Store store = Store.open(db.location())) {
            check(store);
        }
    }

    private static void check(Store store) {
        store.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO service_line (id, source, external_ref, code, name)"
                        + " VALUES (1, 't', 'L', 'HVAC', 'Heating')");
                st.executeUpdate("INSERT INTO technician (id, source, external_ref, name) VALUES (1, 't', 'T', 'Ana')");
                st.executeUpdate("INSERT INTO customer (id, source, external_ref, name, city, acquired_on)"
                        + " VALUES (1, 't', 'C1', 'Harbour Dental', 'Leeds', DATE '2025-01-10'),"
                        + " (2, 't', 'C2', 'Other', 'York', DATE '2025-01-11')");
                st.executeUpdate(
                        "INSERT INTO job (id, source, external_ref, customer_id, service_line_id, technician_id,"
                                + " status, priority, requested_at, completed_at, revenue, labour_cost, material_cost, rating)"
                                + " VALUES (1, 't', 'J1', 1, 1, 1, 'completed', 'normal', TIMESTAMP '2025-02-01 09:00:00',"
                                + " TIMESTAMP '2025-02-02 15:00:00', 500.00, 120.00, 30.00, 2),"
                                + " (2, 't', 'J2', 1, 1, 1, 'completed', 'normal', TIMESTAMP '2025-06-01 09:00:00',"
                                + " TIMESTAMP '2025-06-03 11:00:00', 300.00, 100.00, NULL, 5),"
                                + " (3, 't', 'J3', 2, 1, 1, 'scheduled', 'high', TIMESTAMP '2025-07-01 08:00:00', NULL, NULL,"
                                + " NULL, NULL, NULL)");
                st.executeUpdate(
                        "INSERT INTO invoice (id, source, external_ref, customer_id, invoice_number, issued_on,"
                                + " due_on, amount, status) VALUES (1, 't', 'I1', 1, 'INV-1', DATE '2025-02-02',"
                                + " DATE '2025-03-04', 500.00, 'paid'), (2, 't', 'I2', 1, 'INV-2', DATE '2025-06-03',"
                                + " DATE '2025-06-17', 300.00, 'open')");
                st.executeUpdate("INSERT INTO payment (id, source, external_ref, invoice_id, paid_on, amount, method)"
                        + " VALUES (1, 't', 'P1', 1, DATE '2025-03-10', 500.00, 'card'),"
                        + " (2, 't', 'P2', 2, DATE '2025-06-20', 100.00, 'card')");
                // a charge of the customer's without an invoice (a connector's, V13)
                st.executeUpdate("INSERT INTO payment (id, source, external_ref, customer_id, paid_on, amount, method)"
                        + " VALUES (3, 't', 'P3', 1, DATE '2025-06-25', 40.00, 'card')");
            }
            return null;
        });
        CustomerProfile p = CustomerProfile.read(store, 1);
        // as of the data's last request or completion: the third job's request, 1 July 2025
        assertThat(p.asOf()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(p.name()).isEqualTo("Harbour Dental");
        assertThat(p.totals().completedJobs()).isEqualTo(2);
        assertThat(p.totals().revenue()).isEqualTo(800.00);
        assertThat(p.totals().margin()).isEqualTo(800.00 - 150.00 - 100.00);
        assertThat(p.totals().lowRatingsEver()).isEqualTo(1);
        assertThat(p.totals().openBalance()).isEqualTo(200.00);
        assertThat(p.jobs()).extracting(CustomerProfile.Job::reference).containsExactly("J2", "J1");
        assertThat(p.jobs().getFirst().serviceLine()).isEqualTo("Heating");
        assertThat(p.jobs().getFirst().technician()).isEqualTo("Ana");
        assertThat(p.jobs().get(1).rating()).isEqualTo(2);
        // INV-1 was paid 6 days after it fell due; INV-2 is open 14 days after its due day at the as-of date
        assertThat(p.invoices()).extracting(CustomerProfile.Invoice::daysLate).containsExactly(14, 6);
        assertThat(p.invoices().getFirst().paid()).isEqualTo(100.00);
        assertThat(p.payments()).extracting(CustomerProfile.Payment::invoice).containsExactly(null, "INV-2", "INV-1");
        assertThatThrownBy(() -> CustomerProfile.read(store, 99)).hasMessage("There is no customer 99.");
    }
}
