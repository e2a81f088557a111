package quant.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browses and sorts a table of 1,000,000 rows. Runs in its own JVM with a 256 MB heap (see the
 * {@code large-table} surefire execution in core/pom.xml): proof that paging stays in bounded memory.
 */
class LargeTableBrowseIT {
    static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void browsesAndSortsAMillionRowsInA256MegabyteHeap() {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(256L * 1024 * 1024);
        try (Store store = Store.open(dir.resolve("large"))) {
            store.inTransaction(c -> c.createStatement()
                    .executeUpdate("INSERT INTO customer (source, external_ref, name, segment, acquired_on)"
                            + " SELECT 'gen', 'C' || X, 'Customer ' || LPAD(CAST(MOD(X * 7919, " + ROWS
                            + ") AS VARCHAR), 7, '0'),"
                            + " CASE WHEN MOD(X, 5) = 0 THEN 'commercial' ELSE 'residential' END,"
                            + " DATEADD(DAY, MOD(X, 1400), DATE '2022-01-01') FROM SYSTEM_RANGE(1, " + ROWS + ")"));
            TableBrowser browser = new TableBrowser(store, DomainTable.CUSTOMER);
            int name =
                    browser.columns().stream().map(TableColumn::name).toList().indexOf("name");

            assertThat(browser.count(TableBrowser.Query.ALL)).isEqualTo(ROWS);
            assertThat(browser.page(TableBrowser.Query.ALL, ROWS - 200, 200)).hasSize(200);

            var byNameDesc = new TableBrowser.Query(List.of(), Optional.of("name"), false);
            List<Object[]> top = browser.page(byNameDesc, 0, 3);
            assertThat(top)
                    .extracting(r -> r[name])
                    .containsExactly("Customer 0999999", "Customer 0999998", "Customer 0999997");
            List<Object[]> middle = browser.page(byNameDesc, 500_000, 2);
            assertThat(middle).extracting(r -> r[name]).containsExactly("Customer 0499999", "Customer 0499998");

            var commercial = new TableBrowser.Query(
                    List.of(new TableBrowser.Filter("segment", "commercial")), Optional.of("acquired_on"), true);
            assertThat(browser.count(commercial)).isEqualTo(ROWS / 5);
            assertThat(browser.page(commercial, 100_000, 200)).hasSize(200);
        }
    }
}
