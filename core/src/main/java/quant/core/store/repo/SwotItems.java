package quant.core.store.repo;

import static quant.core.store.generated.Tables.SWOT_ITEM;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import quant.core.store.Store;

/** The SWOT boards' rows ({@code swot_item}, migration V7): one period's entries, the periods, a period replaced. */
public final class SwotItems {
    private SwotItems() {}

    /** One entry as stored. */
    public record Row(String quadrant, String text, boolean suggested) {}

    /** The entries of {@code period}, by position. */
    public static List<Row> read(Store store, String period) {
        return store.read(
                "the SWOT board", dsl -> dsl.select(SWOT_ITEM.QUADRANT, SWOT_ITEM.ITEM_TEXT, SWOT_ITEM.SUGGESTED)
                        .from(SWOT_ITEM)
                        .where(SWOT_ITEM.PERIOD.eq(period))
                        .orderBy(SWOT_ITEM.POSITION, SWOT_ITEM.ID)
                        .fetch(r -> new Row(r.value1(), r.value2(), r.value3())));
    }

    /** The periods that have a board, newest label first. */
    public static List<String> periods(Store store) {
        return store.read("the SWOT board", dsl -> dsl.selectDistinct(SWOT_ITEM.PERIOD)
                .from(SWOT_ITEM)
                .orderBy(SWOT_ITEM.PERIOD.desc())
                .fetch(SWOT_ITEM.PERIOD));
    }

    /** Replaces the entries of {@code period} with {@code rows}, in order, in one transaction. */
    public static void replace(Store store, String period, List<Row> rows, OffsetDateTime savedAt) {
        store.inTransaction(c -> {
            DSLContext tx = Store.dsl(c);
            tx.deleteFrom(SWOT_ITEM).where(SWOT_ITEM.PERIOD.eq(period)).execute();
            var insert = tx.insertInto(
                    SWOT_ITEM,
                    SWOT_ITEM.PERIOD,
                    SWOT_ITEM.QUADRANT,
                    SWOT_ITEM.POSITION,
                    SWOT_ITEM.ITEM_TEXT,
                    SWOT_ITEM.SUGGESTED,
                    SWOT_ITEM.SAVED_AT);
            int position = 0;
            for (Row r : rows) {
                insert = insert.values(period, r.quadrant(), position++, r.text(), r.suggested(), savedAt);
            }
            if (!rows.isEmpty()) {
                insert.execute();
            }
            return null;
        });
    }
}
