package quant.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static quant.core.store.generated.Tables.MARKET_SIZE;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot's reads as the store runs them: declared queries, first-seen texts, failures in a sentence. */
class ReadSessionTest {
    @TempDir
    Path dir;

    @Test
    void aDeclaredQueryStreamsTypedValuesInIdOrder() {
        try (Store store = Store.open(dir.resolve("q.mv.db"))) {
            store.transact(tx -> {
                // ids given out of order, and one segment missing
                insert(tx, 3, "2024-03-01", "b", "12.50");
                insert(tx, 1, "2024-01-01", "a", "10");
                insert(tx, 2, "2024-02-01", null, "11");
                insert(tx, 4, "2024-04-01", "a", "13");
                return null;
            });
            List<String> rows = new ArrayList<>();
            try (ReadSession s = ReadSession.open(store)) {
                assertThat(s.count("market_size")).isEqualTo(4);
                s.begin();
                try {
                    assertThat(s.dataVersion()).isEqualTo(store.dataVersion());
                    TableQuery q = new TableQuery(
                            "market_size",
                            "m",
                            List.of(),
                            java.util.Arrays.asList("period_start", "segment", "market_value", null));
                    s.stream(
                            q,
                            r -> rows.add(r.id() + " " + LocalDate.ofEpochDay(r.day(0, -1)) + " " + r.text(1) + " "
                                    + r.number(2) + " " + r.present(3)));
                    assertThat(s.firstSeen(new TableQuery.FirstSeen("market_size", "segment")))
                            .as("in the order of the ids that first hold them")
                            .containsExactly("a", null, "b");
                } finally {
                    s.end();
                }
            }
            assertThat(rows)
                    .containsExactly(
                            "1 2024-01-01 a 10.0 false",
                            "2 2024-02-01 null 11.0 false",
                            "3 2024-03-01 b 12.5 false",
                            "4 2024-04-01 a 13.0 false");
        }
    }

    @Test
    void aTableThatIsNotThereIsOneSentence() {
        try (Store store = Store.open(dir.resolve("q.mv.db"));
                ReadSession s = ReadSession.open(store)) {
            assertThatThrownBy(() -> s.stream(new TableQuery("no_such_table", "n", List.of(), List.of()), r -> {}))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("Could not read the data for the analysis: ");
        }
    }

    private static void insert(Transaction tx, long id, String day, String segment, String value) {
        tx.dsl()
                .insertInto(MARKET_SIZE)
                .set(MARKET_SIZE.ID, id)
                .set(MARKET_SIZE.SOURCE, "test")
                .set(MARKET_SIZE.EXTERNAL_REF, "r" + id)
                .set(MARKET_SIZE.PERIOD_START, LocalDate.parse(day))
                .set(MARKET_SIZE.SEGMENT, segment)
                .set(MARKET_SIZE.METRIC, "tam")
                .set(MARKET_SIZE.MARKET_VALUE, new BigDecimal(value))
                .execute();
    }
}
