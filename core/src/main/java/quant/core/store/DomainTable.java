package quant.core.store;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.ForeignKey;
import org.jooq.Table;
import quant.core.store.generated.Tables;

/**
 * The tables of the data model, in an order where every table comes after the tables it refers
 * to (so loading in this order never breaks a foreign key). Described in {@code docs/data-model.md}.
 */
public enum DomainTable {
    SERVICE_LINE("Service lines", Tables.SERVICE_LINE),
    CAMPAIGN("Campaigns", Tables.CAMPAIGN),
    CUSTOMER("Customers", Tables.CUSTOMER),
    TECHNICIAN("Technicians", Tables.TECHNICIAN),
    EQUIPMENT("Equipment", Tables.EQUIPMENT),
    JOB("Jobs", Tables.JOB),
    INVOICE("Invoices", Tables.INVOICE),
    PAYMENT("Payments", Tables.PAYMENT),
    PRODUCT("Products and services", Tables.PRODUCT),
    SALES_REP("Sales reps", Tables.SALES_REP),
    LEAD("Leads", Tables.LEAD),
    DEAL("Deals", Tables.DEAL),
    DEAL_STAGE_HISTORY("Deal stage history", Tables.DEAL_STAGE_HISTORY),
    MARKETING_SPEND("Marketing spend", Tables.MARKETING_SPEND),
    EXPENSE("Expenses", Tables.EXPENSE),
    EQUIPMENT_EVENT("Equipment events", Tables.EQUIPMENT_EVENT),
    MARKET_SIZE("Market size", Tables.MARKET_SIZE),
    COMPETITOR_OBSERVATION("Competitor observations", Tables.COMPETITOR_OBSERVATION),
    KPI_TARGET("KPI targets", Tables.KPI_TARGET),
    IMPORT_RUN("Import runs", Tables.IMPORT_RUN);

    private final String label;
    private final Table<?> table;

    DomainTable(String label, Table<?> table) {
        this.label = label;
        this.table = table;
    }

    /** The lower-case singular SQL name, e.g. {@code customer}; also the key in {@code info --json}. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A plain-language plural name for the user. */
    public String label() {
        return label;
    }

    /** The generated jOOQ table, for the store's repositories. */
    public Table<?> table() {
        return table;
    }

    /** Whether rows carry a source key ({@code source}, {@code external_ref}); the audit does not. */
    public boolean hasSourceKey() {
        return this != IMPORT_RUN;
    }

    /** The foreign-key columns of this table and the tables they refer to. */
    public List<Reference> references() {
        return table.getReferences().stream().map(DomainTable::toReference).toList();
    }

    private static Reference toReference(ForeignKey<?, ?> key) {
        String column = key.getFields().getFirst().getName().toLowerCase(Locale.ROOT);
        return new Reference(column, byName(key.getKey().getTable().getName()).orElseThrow());
    }

    /** Finds a table by its SQL name, ignoring case. */
    public static Optional<DomainTable> byName(String name) {
        for (DomainTable t : values()) {
            if (t.sqlName().equalsIgnoreCase(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** A foreign-key column ({@code customer_id}) and the table it points to. */
    public record Reference(String column, DomainTable target) {}
}
