package quant.core.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/** The shapes of work a {@link Store} runs: on the open store, in a transaction, under the write lock. */
public final class StoreWork {
    private StoreWork() {}

    /** Work on an open store that may fail with an exception. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Store store) throws Exception;
    }

    /** Work in one transaction through the repositories, which see the {@link Transaction}, never JDBC. */
    @FunctionalInterface
    public interface TransactionFunction<T> {
        T apply(Transaction tx);
    }

    /** Work that runs in one transaction on a plain JDBC connection. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work in one transaction that also reads or writes files. */
    @FunctionalInterface
    public interface IoTransactionWork<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    /** Work in one transaction, for code outside core that writes through core's writers. */
    @FunctionalInterface
    public interface TransactionalWork<T> {
        T run(Transaction tx) throws IOException;
    }

    /** Work done while holding the store's write lock. */
    @FunctionalInterface
    public interface Exclusive<T, E extends Exception> {
        T run() throws E;
    }
}
