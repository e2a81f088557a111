package quant.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.job.JobMonitor;
import quant.core.store.Store;

/** The cache loads the parts an analysis declares, each once per data version, and nothing else. */
class SnapshotCacheTest {
    @TempDir
    Path dir;

    private Store filled() {
        Store store = Store.open(dir.resolve("s"));
        store.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO service_line (source, external_ref, code, name) VALUES"
                        + " ('t', 'H', 'HVAC', 'Heating'), ('t', 'P', 'PLUMB', 'Plumbing')");
                st.executeUpdate("INSERT INTO customer (source, external_ref, name, segment, zip, acquired_on) VALUES"
                        + " ('t', 'c1', 'Ann', 'residential', '02139', DATE '2024-01-05'),"
                        + " ('t', 'c2', 'Bob', NULL, NULL, NULL)");
                st.executeUpdate("INSERT INTO technician (source, external_ref, name, skills, hourly_cost,"
                        + " shift_start, shift_end, work_days) VALUES"
                        + " ('t', 'T1', 'Tess', 'PLUMB;HVAC', 40, TIME '07:30:00', TIME '16:00:00', 'MTWTF..')");
                st.executeUpdate("INSERT INTO job (source, external_ref, customer_id, service_line_id, technician_id,"
                        + " status, priority, requested_at, scheduled_at, completed_at, estimated_hours, actual_hours,"
                        + " travel_minutes, revenue, labour_cost, material_cost, equipment_cost, rating) VALUES"
                        + " ('t', 'j1', 1, 2, 1, 'completed', 'high', TIMESTAMP '2024-02-01 08:00:00',"
                        + " TIMESTAMP '2024-02-02 09:00:00', TIMESTAMP '2024-02-02 11:30:00', 2.5, 3, 25, 400, 120,"
                        + " 80.5, NULL, 5),"
                        + " ('t', 'j2', 2, 1, NULL, 'scheduled', 'normal', TIMESTAMP '2024-03-01 08:00:00', NULL,"
                        + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
                st.executeUpdate(
                        "INSERT INTO job (source, external_ref, customer_id, service_line_id, status, priority,"
                                + " requested_at, completed_at, callback_of_job_id, revenue) VALUES ('t', 'j3', 1, 2,"
                                + " 'completed', 'normal', TIMESTAMP '2024-02-10 08:00:00', TIMESTAMP '2024-02-10 10:00:00', 1, 0)");
                st.executeUpdate("INSERT INTO campaign (source, external_ref, name, channel, started_on) VALUES"
                        + " ('t', 'k1', 'Spring', 'search', DATE '2024-03-01')");
                st.executeUpdate("INSERT INTO kpi_target (source, external_ref, kpi, period_start, period_end, target,"
                        + " direction) VALUES ('t', 'x', 'callback_rate', DATE '2024-01-01', DATE '2024-12-31', 0.05,"
                        + " 'lower')");
                st.executeUpdate("INSERT INTO expense (source, external_ref, category, month_start, amount, behaviour,"
                        + " service_line_id) VALUES ('t', 'e1', 'rent', DATE '2024-02-01', 900, 'fixed', NULL),"
                        + " ('t', 'e2', 'parts', DATE '2024-02-01', 150, 'variable', 2)");
            }
            return null;
        });
        return store;
    }

    @Test
    void aRequestForTwoPartsLoadsTwoAndLaterRequestsLoadOnlyWhatIsMissing() {
        try (Store store = filled()) {
            SnapshotCache cache = new SnapshotCache(store);
            Snapshot two = cache.get(List.of(Commercial.Campaigns.PART, Commercial.Targets.PART), JobMonitor.NONE);
            assertThat(two.parts()).containsExactly(Commercial.Campaigns.PART, Commercial.Targets.PART);
            assertThat(cache.held()).containsExactlyInAnyOrder(Commercial.Campaigns.PART, Commercial.Targets.PART);
            assertThat(two.campaigns().name(0)).isEqualTo("Spring");
            assertThat(two.targets().higherIsBetter(0)).isFalse();
            assertThatThrownBy(two::customers)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("without the customers part");

            // jobs need their customers, service lines and technicians (which need the service lines)
            Snapshot jobs = cache.get(List.of(Snapshot.Jobs.PART), JobMonitor.NONE);
            assertThat(jobs.parts())
                    .containsExactlyInAnyOrder(
                            Snapshot.Jobs.PART,
                            Snapshot.Customers.PART,
                            Snapshot.ServiceLines.PART,
                            Operations.Technicians.PART);
            assertThat(cache.held()).hasSize(6);

            // the same parts again: the very same rows, nothing read
            Snapshot again = cache.get(List.of(Commercial.Targets.PART), JobMonitor.NONE);
            assertThat(again.targets()).isSameAs(two.targets());
            assertThat(again.sameData(two)).isTrue();
            assertThat(two.sameData(again)).isFalse(); // two holds campaigns, which again does not
        }
    }

    @Test
    void everyColumnKindIsReadAsDeclared() {
        try (Store store = filled()) {
            Snapshot s = new SnapshotCache(store)
                    .get(List.of(Snapshot.Jobs.PART, Operations.Expenses.PART), JobMonitor.NONE);
            Snapshot.Jobs j = s.jobs();
            assertThat(j.size()).isEqualTo(3);
            // a reference becomes the row index; a self-reference the row of the same part
            assertThat(j.customer(0)).isEqualTo(0);
            assertThat(j.customer(1)).isEqualTo(1);
            assertThat(s.serviceLines().value(j.serviceLine(0))).isEqualTo("PLUMB");
            assertThat(s.serviceLines().label(j.serviceLine(0))).isEqualTo("Plumbing");
            assertThat(j.technician(0)).isEqualTo(0);
            assertThat(j.technician(1)).isEqualTo(-1);
            assertThat(j.callbackOf(2)).isEqualTo(0);
            assertThat(j.isCallback(2)).isTrue();
            assertThat(j.isCallback(0)).isFalse();
            // codes, days of timestamps, numbers with NaN for missing, whole numbers with their own missing value
            assertThat(j.priorities().value(j.priority(0))).isEqualTo("high");
            assertThat(j.status(0)).isEqualTo(Snapshot.Jobs.COMPLETED);
            assertThat(j.status(1)).isEqualTo(Snapshot.Jobs.SCHEDULED);
            assertThat(Snapshot.date(j.scheduledDay(0))).isEqualTo(LocalDate.of(2024, 2, 2));
            assertThat(j.scheduledDay(1)).isEqualTo(Snapshot.NO_DAY);
            assertThat(j.estimatedHours(0)).isEqualTo(2.5);
            assertThat(j.actualHours(1)).isNaN();
            assertThat(j.travelMinutes(0)).isEqualTo(25);
            assertThat(j.travelMinutes(1)).isEqualTo(-1);
            assertThat(j.rating(0)).isEqualTo(5);
            assertThat(j.rating(1)).isZero();
            // money: missing parts of the cost count as 0
            assertThat(j.labourCost(0)).isEqualTo(120);
            assertThat(j.materialCost(0)).isEqualTo(80.5);
            assertThat(j.equipmentCost(0)).isZero();
            assertThat(j.cost(0)).isEqualTo(200.5);
            assertThat(j.revenue(1)).isZero();
            // dates of DATE columns, codes with NONE for missing, texts
            Snapshot.Customers c = s.customers();
            assertThat(Snapshot.date(c.acquiredDay(0))).isEqualTo(LocalDate.of(2024, 1, 5));
            assertThat(c.acquiredDay(1)).isEqualTo(Snapshot.NO_DAY);
            assertThat(c.zips().value(c.zip(0))).isEqualTo("02139");
            assertThat(c.segment(1)).isEqualTo(Codes.NONE);
            assertThat(c.name(1)).isEqualTo("Bob");
            assertThat(c.id(1)).isEqualTo(2);
            assertThat(c.row(2)).isEqualTo(1);
            assertThat(c.row(99)).isEqualTo(-1);
            // minutes of a time, skills in the order given (main trade first)
            Operations.Technicians t = s.technicians();
            assertThat(t.shiftHours(0)).isEqualTo(8.5);
            assertThat(t.skills(0)).containsExactly(1, 0);
            assertThat(t.hourlyCost(0)).isEqualTo(40);
            assertThat(t.ref(0)).isEqualTo("T1");
            Operations.Expenses e = s.expenses();
            assertThat(e.isFixed(0)).isTrue();
            assertThat(e.isFixed(1)).isFalse();
            assertThat(e.serviceLine(0)).isEqualTo(-1);
            assertThat(s.serviceLines().value(e.serviceLine(1))).isEqualTo("PLUMB");
        }
    }

    @Test
    void anImportStartsANewGenerationAndACancelledLoadLeavesNothingBehind() {
        try (Store store = filled()) {
            SnapshotCache cache = new SnapshotCache(store);
            Snapshot before = cache.get(List.of(Snapshot.Customers.PART), JobMonitor.NONE);
            store.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO customer (source, external_ref, name) VALUES ('t', 'c3', 'Cy')");
                }
                Store.bumpDataVersion(c);
                return null;
            });
            assertThat(cache.held()).isEmpty();
            Snapshot after = cache.get(List.of(Snapshot.Customers.PART), JobMonitor.NONE);
            assertThat(after.customers().size()).isEqualTo(before.customers().size() + 1);
            assertThat(after.dataVersion()).isGreaterThan(before.dataVersion());
            assertThat(after.sameData(before)).isFalse();

            JobMonitor cancelled = new JobMonitor() {
                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            store.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    // enough rows for the reader to check for cancellation
                    st.executeUpdate(
                            "INSERT INTO lead (source, external_ref, channel, created_on) SELECT 't', 'l' || X,"
                                    + " 'search', DATE '2024-01-01' FROM SYSTEM_RANGE(1, " + (PartReader.CHUNK + 10)
                                    + ")");
                }
                Store.bumpDataVersion(c);
                return null;
            });
            assertThatThrownBy(() -> cache.get(List.of(Commercial.Leads.PART), cancelled))
                    .isInstanceOf(CancellationException.class);
            assertThat(cache.held()).isEmpty();
            assertThat(cache.get(List.of(Commercial.Leads.PART), JobMonitor.NONE)
                            .leads()
                            .size())
                    .isEqualTo(PartReader.CHUNK + 10);
        }
    }
}
