package quant.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import quant.core.store.StoreException.Kind;

/**
 * The store's write lock: one writer (an import, an undo, a load) at a time, which the run journal
 * relies on. Re-entrant within a thread. On an H2 file it is a lock in this program (H2 lets no other
 * program open the file); on a server it is also a PostgreSQL session advisory lock, so that writers
 * in every colleague's workbench take turns.
 */
sealed interface WriteGate extends AutoCloseable permits WriteGate.Local, WriteGate.Advisory {

    /**
     * Waits for the lock.
     *
     * @throws StoreException (locked) when a writer elsewhere holds it longer than the store waits
     */
    void lock();

    /** Takes the lock if no writer holds it now. */
    boolean tryLock();

    void unlock();

    @Override
    void close();

    /** A lock in this program. */
    final class Local implements WriteGate {
        private final ReentrantLock lock = new ReentrantLock();

        @Override
        public void lock() {
            lock.lock();
        }

        @Override
        public boolean tryLock() {
            return lock.tryLock();
        }

        @Override
        public void unlock() {
            lock.unlock();
        }

        @Override
        public void close() {}
    }

    /**
     * This program's lock, and while it is held a PostgreSQL advisory lock on a connection of its own:
     * taken when the outermost holder locks, let go when it unlocks. A session lock, not a transaction
     * lock, because a run spans several transactions (its journal, its rows, its outcome).
     */
    final class Advisory implements WriteGate {
        /** The advisory lock's key: "QUANTWB" in ASCII, the same for every workbench on the database. */
        static final long KEY = 0x5155414e545742L;

        private final ReentrantLock local = new ReentrantLock();
        private final DataSource source;
        private final String where;
        private final int waitSeconds;
        private Connection held;

        Advisory(DataSource source, String where, int waitSeconds) {
            this.source = source;
            this.where = where;
            this.waitSeconds = waitSeconds;
        }

        @Override
        public void lock() {
            local.lock();
            if (local.getHoldCount() > 1) {
                return;
            }
            try {
                Connection c = source.getConnection();
                try {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET lock_timeout = '" + waitSeconds + "s'");
                    }
                    try (Statement st = c.createStatement()) {
                        st.execute("SELECT pg_advisory_lock(" + KEY + ")");
                    }
                    held = c;
                } catch (SQLException e) {
                    c.close();
                    throw e;
                }
            } catch (SQLException e) {
                local.unlock();
                if ("55P03".equals(e.getSQLState())) {
                    throw new StoreException(
                            Kind.LOCKED,
                            "A colleague's import or undo has been writing to " + where + " for more than "
                                    + waitSeconds + " s; nothing was changed: try again when it has finished.",
                            e);
                }
                throw ServerDatabases.unreachable(where, e);
            }
        }

        @Override
        public boolean tryLock() {
            if (!local.tryLock()) {
                return false;
            }
            if (local.getHoldCount() > 1) {
                return true;
            }
            try {
                Connection c = source.getConnection();
                boolean got;
                try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    st.setLong(1, KEY);
                    try (ResultSet rs = st.executeQuery()) {
                        got = rs.next() && rs.getBoolean(1);
                    }
                }
                if (got) {
                    held = c;
                    return true;
                }
                c.close();
            } catch (SQLException e) {
                local.unlock();
                throw ServerDatabases.unreachable(where, e);
            }
            local.unlock();
            return false;
        }

        @Override
        public void unlock() {
            try {
                if (local.getHoldCount() == 1 && held != null) {
                    Connection c = held;
                    held = null;
                    try (PreparedStatement st = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                        st.setLong(1, KEY);
                        st.execute();
                    } catch (SQLException e) {
                        // the connection is gone, and the server let the lock go with it
                        org.slf4j.LoggerFactory.getLogger(WriteGate.class).info("Advisory unlock failed", e);
                    } finally {
                        try {
                            c.close();
                        } catch (SQLException ignored) {
                            // closing a broken connection
                        }
                    }
                }
            } finally {
                local.unlock();
            }
        }

        @Override
        public void close() {}
    }
}
