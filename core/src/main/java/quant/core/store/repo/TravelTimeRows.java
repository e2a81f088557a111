package quant.core.store.repo;

import static quant.core.store.generated.Tables.CUSTOMER;
import static quant.core.store.generated.Tables.TECHNICIAN;
import static quant.core.store.generated.Tables.TRAVEL_TIME;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import quant.core.store.Store;

/** The travel-time matrix's rows ({@code travel_time}, migration V9): minutes (and km) between two places. */
public final class TravelTimeRows {
    private TravelTimeRows() {}

    /** One trip: from and to a technician's or a customer's reference; {@code km} may be null. */
    public record Row(String from, String to, double minutes, Double km) {}

    /**
     * Replaces the matrix with {@code rows} in one transaction, after {@code check} has seen the references
     * of every technician and customer (it throws to refuse, and nothing changes).
     */
    public static int replace(Store store, List<Row> rows, Consumer<Set<String>> check) {
        return store.inTransaction(c -> {
            DSLContext tx = Store.dsl(c);
            Set<String> known = new HashSet<>(
                    tx.select(TECHNICIAN.EXTERNAL_REF).from(TECHNICIAN).fetch(TECHNICIAN.EXTERNAL_REF));
            known.addAll(tx.select(CUSTOMER.EXTERNAL_REF).from(CUSTOMER).fetch(CUSTOMER.EXTERNAL_REF));
            check.accept(known);
            tx.deleteFrom(TRAVEL_TIME).execute();
            if (!rows.isEmpty()) {
                var insert = tx.insertInto(
                        TRAVEL_TIME, TRAVEL_TIME.FROM_REF, TRAVEL_TIME.TO_REF, TRAVEL_TIME.MINUTES, TRAVEL_TIME.KM);
                for (Row r : rows) {
                    insert = insert.values(r.from(), r.to(), r.minutes(), r.km());
                }
                insert.execute();
            }
            return rows.size();
        });
    }

    /** Removes the matrix; how many trips there were. */
    public static int clear(Store store) {
        return store.inTransaction(c -> Store.dsl(c).deleteFrom(TRAVEL_TIME).execute());
    }

    /** How many trips are stored. */
    public static int count(Store store) {
        return store.read("the travel times", dsl -> dsl.fetchCount(TRAVEL_TIME));
    }
}
