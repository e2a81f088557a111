package quant.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inserts many rows per statement, returns each row's id in order, and explains a refused row without losing the others. */
class TableWriterTest {
    @TempDir
    Path dir;

    static final List<String> COLUMNS = List.of("name", "channel", "started_on", "ended_on", "budget");

    static Object[] campaign(int i, boolean endsBeforeItStarts) {
        LocalDate start = LocalDate.of(2024, 1, 1).plusDays(i % 300);
        return new Object[] {
            "Campaign " + i,
            "radio",
            start,
            endsBeforeItStarts ? start.minusDays(1) : start.plusDays(30),
            new BigDecimal("10.00")
        };
    }

    /** Inserts {@code n} campaigns (those in {@code refused} break a rule) and returns id → key as stored. */
    static TableWriter.Inserted insert(Store store, int n, List<Integer> refused, List<String> keys) throws Exception {
        return store.write(tx -> {
            TableSchema schema = TableSchema.of(tx, DomainTable.CAMPAIGN);
            List<TableColumn> written =
                    COLUMNS.stream().map(c -> schema.column(c).orElseThrow()).toList();
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                keys.add("K" + i);
                rows.add(campaign(i, refused.contains(i)));
            }
            try (TableWriter w = new TableWriter(tx, schema, "test", written)) {
                return w.insert(keys, rows);
            }
        });
    }

    static Map<Long, String> stored(Store store) {
        return store.inTransaction(c -> {
            Map<Long, String> m = new HashMap<>();
            try (var rs = c.createStatement().executeQuery("SELECT id, external_ref FROM campaign")) {
                while (rs.next()) {
                    m.put(rs.getLong(1), rs.getString(2));
                }
            }
            return m;
        });
    }

    @Test
    void manyStatementsOfManyRowsGiveEachRowItsOwnIdInOrder() throws Exception {
        try (Store store = Store.open(dir.resolve("db"))) {
            List<String> keys = new ArrayList<>();
            int n = 2 * TableWriter.ROWS_PER_STATEMENT + 37;
            TableWriter.Inserted r = insert(store, n, List.of(), keys);
            Map<Long, String> stored = stored(store);
            assertThat(stored).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(r.refusals()[i]).isNull();
                assertThat(stored.get(r.ids()[i])).as("row %d", i).isEqualTo(keys.get(i));
            }
        }
    }

    @Test
    void aRefusedRowIsExplainedAndTheOthersOfItsStatementStay() throws Exception {
        try (Store store = Store.open(dir.resolve("db"))) {
            List<String> keys = new ArrayList<>();
            TableWriter.Inserted r = insert(store, 150, List.of(42, 120), keys);
            Map<Long, String> stored = stored(store);
            assertThat(stored).hasSize(148).doesNotContainValue("K42").doesNotContainValue("K120");
            assertThat(r.refusals()[42]).contains("ended_on must not be before started_on");
            assertThat(r.ids()[42]).isZero();
            assertThat(stored.get(r.ids()[43])).isEqualTo("K43");
            assertThat(stored.get(r.ids()[149])).isEqualTo("K149");
        }
    }
}
