package quant.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.job.JobMonitor;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.core.store.StoreException;

class SampleLoaderTest {
    @TempDir
    Path dir;

    @Test
    void loadsEveryCommittedRowWithItsReferencesResolved() {
        try (Store store = Store.open(dir.resolve("sample"))) {
            SampleLoader.Result result = SampleLoader.load(store, new SampleSource(1), JobMonitor.NONE);
            SampleCompany company = SampleCompanyGenerator.generate(SampleCompany.DEFAULT_SEED);
            Map<DomainTable, Long> counts = store.rowCounts();
            for (var e : company.tables().entrySet()) {
                assertThat(counts.get(e.getKey()))
                        .as(e.getKey().sqlName())
                        .isEqualTo(e.getValue().size());
            }
            assertThat(counts.get(DomainTable.IMPORT_RUN))
                    .isEqualTo(company.tables().size());
            assertThat(result.total())
                    .isEqualTo(company.tables().values().stream()
                            .mapToLong(SampleTable::size)
                            .sum());
            assertThat(store.dataVersion()).isEqualTo(1);
            int orphans = ((Number)
                            store.dsl()
                                    .fetchValue(
                                            "SELECT COUNT(*) FROM job j JOIN job o ON o.id = j.callback_of_job_id WHERE o.customer_id <> j.customer_id"))
                    .intValue();
            assertThat(orphans).isZero();
        }
    }

    @Test
    void aCancelledLoadLeavesTheDatabaseUnchanged() {
        try (Store store = Store.open(dir.resolve("cancel"))) {
            AtomicLong total = new AtomicLong();
            JobMonitor cancelHalfway = new JobMonitor() {
                private long done;

                @Override
                public void progress(long done, long all, String stage) {
                    this.done = done;
                    total.set(all);
                }

                @Override
                public boolean isCancelled() {
                    return total.get() > 0 && done >= total.get() / 2;
                }
            };
            assertThatThrownBy(() -> SampleLoader.load(store, new SampleSource(1), cancelHalfway))
                    .isInstanceOf(CancellationException.class);
            store.rowCounts().forEach((t, n) -> {
                if (t != DomainTable.IMPORT_RUN) {
                    assertThat(n).as(t.sqlName()).isZero();
                }
            });
            assertThat(quant.core.runs.RunHistory.runs(store, 100))
                    .as("every file of the load is in the audit as cancelled")
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(quant.core.store.RunOutcome.CANCELLED));
            assertThat(store.dataVersion()).isZero();
            // the cancelled runs in the audit do not lock the sample out: it loads on the next try
            assertThat(store.isEmpty()).isTrue();
            assertThat(SampleLoader.load(store, new SampleSource(1), JobMonitor.NONE)
                            .total())
                    .isPositive();
        }
    }

    @Test
    void refusesADatabaseThatAlreadyHoldsData() {
        try (Store store = Store.open(dir.resolve("twice"))) {
            SampleLoader.load(store, new SampleSource(1), JobMonitor.NONE);
            Map<DomainTable, Long> before = store.rowCounts();
            assertThatThrownBy(() -> SampleLoader.load(store, new SampleSource(1), JobMonitor.NONE))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("never mixed with your own data");
            assertThat(store.rowCounts()).isEqualTo(before);
        }
    }

    @Test
    void dealsCanBeCopiedMoreOftenThanTheCompany() {
        try (Store store = Store.open(dir.resolve("deals"))) {
            SampleLoader.load(store, new SampleSource(2, 5), JobMonitor.NONE);
            SampleCompany company = SampleCompanyGenerator.generate(SampleCompany.DEFAULT_SEED);
            Map<DomainTable, Long> counts = store.rowCounts();
            assertThat(counts.get(DomainTable.DEAL))
                    .isEqualTo(5L * company.table(DomainTable.DEAL).size());
            assertThat(counts.get(DomainTable.DEAL_STAGE_HISTORY))
                    .isEqualTo(
                            5L * company.table(DomainTable.DEAL_STAGE_HISTORY).size());
            assertThat(counts.get(DomainTable.CUSTOMER))
                    .isEqualTo(2L * company.table(DomainTable.CUSTOMER).size());
            assertThat(counts.get(DomainTable.LEAD))
                    .isEqualTo(2L * company.table(DomainTable.LEAD).size());
            // deal copy 3 belongs to the customers of copy 1, its history to itself
            int misplaced = ((Number) store.dsl()
                            .fetchValue("SELECT COUNT(*) FROM deal d JOIN customer c ON c.id = d.customer_id"
                                    + " WHERE d.external_ref LIKE '%-x3' AND c.external_ref NOT LIKE '%-x1'"))
                    .intValue();
            assertThat(misplaced).isZero();
            int foreignHistory = ((Number) store.dsl()
                            .fetchValue("SELECT COUNT(*) FROM deal_stage_history h JOIN deal d ON d.id = h.deal_id"
                                    + " WHERE (h.external_ref LIKE '%-x3') <> (d.external_ref LIKE '%-x3')"))
                    .intValue();
            assertThat(foreignHistory).isZero();
        }
        assertThatThrownBy(() -> new SampleSource(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScaledLoadMultipliesTheCompanyButNotItsCatalogue() {
        try (Store store = Store.open(dir.resolve("scaled"))) {
            SampleLoader.load(store, new SampleSource(2), JobMonitor.NONE);
            SampleCompany company = SampleCompanyGenerator.generate(SampleCompany.DEFAULT_SEED);
            Map<DomainTable, Long> counts = store.rowCounts();
            assertThat(counts.get(DomainTable.JOB))
                    .isEqualTo(2L * company.table(DomainTable.JOB).size());
            assertThat(counts.get(DomainTable.CUSTOMER))
                    .isEqualTo(2L * company.table(DomainTable.CUSTOMER).size());
            assertThat(counts.get(DomainTable.SERVICE_LINE)).isEqualTo(5);
            int crossCopy = ((Number) store.dsl()
                            .fetchValue("SELECT COUNT(*) FROM job j JOIN customer c ON c.id = j.customer_id"
                                    + " WHERE (j.external_ref LIKE '%-x1') <> (c.external_ref LIKE '%-x1')"))
                    .intValue();
            assertThat(crossCopy).isZero();
        }
    }
}
