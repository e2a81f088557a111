package quant.core.store;

import java.sql.Connection;

/**
 * An open write transaction of the store, handed to code outside core that writes through core's
 * writers ({@link TableWriter}) without seeing JDBC. Valid only inside the work it was given to.
 */
public final class Transaction {
    private final Connection connection;

    public Transaction(Connection connection) {
        this.connection = connection;
    }

    /** For core's writers and the run journal. */
    public Connection connection() {
        return connection;
    }

    /** jOOQ on this transaction, in the dialect of its engine: for the repositories. */
    public org.jooq.DSLContext dsl() {
        try {
            return Store.dsl(connection);
        } catch (java.sql.SQLException e) {
            throw new org.jooq.exception.DataAccessException("The transaction's connection failed", e);
        }
    }
}
