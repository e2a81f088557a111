package quant.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.ds.common.BaseDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quant.core.store.StoreException.Kind;

/**
 * Opening a database on a PostgreSQL server: connecting with the user's credentials, the same checks
 * as for a file (ours, not newer), the migrations (by an admin), the user's {@link Role}, taking back
 * runs a client stopped in the middle of, and the server's errors in sentences. The server half of
 * {@link Store}; {@link H2Files} is the file's.
 *
 * <p>Recovery is simpler than on a file: PostgreSQL commits a transaction whole or not at all, and on
 * a server a run writes its rows and its outcome in one transaction, so a run still {@code running}
 * when no writer holds the write lock wrote nothing; it is recorded as interrupted and its journal
 * deleted.
 */
final class ServerDatabases {
    private static final Logger LOG = LoggerFactory.getLogger(ServerDatabases.class);
    /** The channel on which a change of the data is announced to the other workbenches. */
    static final String CHANNEL = "quant_data_changed";
    /** The setting that names, for its transaction, the store writing: the announcement's payload. */
    static final String WRITER = "quant.writer";
    /** How long a writer waits for a colleague's import before it is refused. */
    static final int WRITE_WAIT_SECONDS = 120;

    private static final int CONNECT_SECONDS = 10;

    private ServerDatabases() {}

    /**
     * Opens the database at {@code server}, bringing its tables up to date when the user is an admin.
     *
     * @throws StoreException when the server cannot be reached, refuses the user, or holds a database
     *     that is not ours, newer, or not up to date and the user may not update it
     */
    static Store open(StoreLocation.Server server) {
        PGSimpleDataSource direct = configure(new PGSimpleDataSource(), server);
        HikariConfig config = new HikariConfig();
        config.setDataSource(direct);
        config.setPoolName("quant " + server.describe());
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECT_SECONDS * 1000L);
        config.setInitializationFailTimeout(-1); // the first connection below says why it fails
        HikariDataSource pool = new HikariDataSource(config);
        try {
            try (Connection c = direct.getConnection()) {
                // reached, and the user accepted
                c.isValid(CONNECT_SECONDS);
            } catch (SQLException e) {
                throw unreachable(server, e);
            }
            try {
                StoreProbe.inspect(pool, Store.Engine.POSTGRESQL, server.describe());
            } catch (StoreProbe.Unreadable e) {
                throw e.sql != null
                        ? unreachable(server, e.sql)
                        : new StoreException(
                                Kind.IO,
                                "Could not look at " + server.describe() + ": "
                                        + e.getCause().getMessage(),
                                e);
            }
            Role role = role(direct, server);
            if (!StoreProbe.upToDate(pool, Store.Engine.POSTGRESQL)) {
                if (role != Role.ADMIN) {
                    throw new StoreException(
                            Kind.DENIED,
                            "The tables of " + server.describe() + " need bringing up to date for this version, which"
                                    + " only an admin may do; ask an admin to open it once with this version.");
                }
                migrate(pool, server);
            }
            String readOnly =
                    role == Role.VIEWER ? "your role is viewer, which reads and exports but changes nothing" : null;
            WriteGate gate = new WriteGate.Advisory(direct, server.describe(), WRITE_WAIT_SECONDS);
            if (readOnly == null) {
                takeBackUnfinishedRuns(pool, gate, server);
            }
            return new Store(
                    server,
                    Store.Engine.POSTGRESQL,
                    readOnly,
                    pool,
                    pool::close,
                    gate,
                    role,
                    new Signal(direct, server));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static <T extends BaseDataSource> T configure(T ds, StoreLocation.Server server) {
        ds.setURL(server.url());
        ds.setUser(server.user());
        ServerPasswords.of(server).ifPresent(p -> ds.setPassword(new String(p)));
        ds.setApplicationName("Quant Workbench");
        ds.setConnectTimeout(CONNECT_SECONDS);
        ds.setLoginTimeout(CONNECT_SECONDS);
        ds.setTcpKeepAlive(true);
        return ds;
    }

    /**
     * The user's role: an admin is a superuser, the database's owner or a member of {@code quant_admin};
     * an analyst a member of {@code quant_analyst} or anyone who may add import runs; the rest view.
     */
    private static Role role(DataSource ds, StoreLocation.Server server) {
        String sql = "SELECT r.rolsuper OR pg_catalog.pg_has_role(current_user, d.datdba, 'MEMBER') OR "
                + member(Role.ADMIN) + ", " + member(Role.ANALYST)
                + " OR CASE WHEN to_regclass('import_run') IS NULL THEN FALSE"
                + " ELSE pg_catalog.has_table_privilege(current_user, 'import_run', 'INSERT') END"
                + " FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()";
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return Role.VIEWER;
            }
            return rs.getBoolean(1) ? Role.ADMIN : rs.getBoolean(2) ? Role.ANALYST : Role.VIEWER;
        } catch (SQLException e) {
            throw unreachable(server, e);
        }
    }

    /** SQL that is true when the user is a member of {@code role}'s group (false while the group is not made). */
    private static String member(Role role) {
        return "CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role.group() + "')"
                + " THEN pg_catalog.pg_has_role(current_user, '" + role.group() + "', 'MEMBER') ELSE FALSE END";
    }

    private static void migrate(DataSource ds, StoreLocation.Server server) {
        try {
            org.flywaydb.core.Flyway flyway = Migrations.flyway(ds, Store.Engine.POSTGRESQL);
            if (actsAsAdminGroup(ds)) {
                // new tables belong to the admin group, and its default privileges grant them to the others
                flyway = org.flywaydb.core.Flyway.configure()
                        .configuration(flyway.getConfiguration())
                        .initSql("SET ROLE " + Role.ADMIN.group())
                        .load();
            }
            flyway.migrate();
        } catch (FlywayException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql) {
                    throw unreachable(server, sql);
                }
            }
            LOG.error("Migration of {} failed", server, e);
            throw new StoreException(
                    Kind.DAMAGED,
                    "The tables of " + server.describe() + " could not be brought up to date; nothing was changed"
                            + " (details in the log).",
                    e);
        }
    }

    /**
     * Whether the roles were made on this database ({@link ServerRoles}: the admin group may create in its
     * schema) and the user may act as the admin group.
     */
    private static boolean actsAsAdminGroup(DataSource ds) {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + member(Role.ADMIN) + " AND CASE WHEN EXISTS (SELECT 1"
                        + " FROM pg_roles WHERE rolname = 'quant_admin') THEN pg_catalog.has_schema_privilege("
                        + "'quant_admin', current_schema(), 'CREATE') ELSE FALSE END")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Records as interrupted the runs a stopped client left {@code running}, when no writer is busy
     * (a colleague's run in progress is also {@code running}, and holds the write lock).
     */
    private static void takeBackUnfinishedRuns(DataSource pool, WriteGate gate, StoreLocation.Server server) {
        if (!gate.tryLock()) {
            return;
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            List<Long> runs = new java.util.ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT id FROM import_run WHERE outcome = 'running' FOR UPDATE")) {
                while (rs.next()) {
                    runs.add(rs.getLong(1));
                }
            }
            for (long run : runs) {
                for (String sql : List.of(
                        "DELETE FROM import_floor WHERE run_id = ?",
                        "DELETE FROM import_change WHERE run_id = ?",
                        "UPDATE import_run SET outcome = 'interrupted' WHERE id = ?")) {
                    try (PreparedStatement st = c.prepareStatement(sql)) {
                        st.setLong(1, run);
                        st.executeUpdate();
                    }
                }
            }
            // an undo writes its rows and its end in one transaction: one still pending wrote nothing
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE import_run SET undo_pending = FALSE WHERE undo_pending");
            }
            c.commit();
            if (!runs.isEmpty()) {
                LOG.info("Recorded runs {} on {} as interrupted: their client stopped before they ended", runs, server);
            }
        } catch (SQLException e) {
            throw unreachable(server, e);
        } finally {
            gate.unlock();
        }
    }

    /** Whether {@code c} is a connection to a PostgreSQL server. */
    static boolean isServer(Connection c) throws SQLException {
        return c.isWrapperFor(PGConnection.class);
    }

    /** Announces, when the caller's transaction commits, that the data changed. */
    static void announceChange(Connection tx) throws SQLException {
        try (Statement st = tx.createStatement()) {
            st.execute("SELECT pg_notify('" + CHANNEL + "', current_setting('" + WRITER + "', TRUE))");
        }
    }

    /** {@link #unreachable(String, SQLException)} for {@code server}. */
    static StoreException unreachable(StoreLocation.Server server, SQLException e) {
        return unreachable(server.describe(), e);
    }

    /**
     * A failure to reach or use the server in one sentence: the server's reason in its class (refused
     * connection, wrong password, missing database, missing right, stopped server), never the SQL.
     */
    static StoreException unreachable(String where, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String why = firstLine(e);
        if (state.equals("28P01") || state.equals("28000") || why.contains("password")) {
            return new StoreException(
                    Kind.DENIED,
                    "The server refused the user for " + where + " (" + why + "); keep the password in the PostgreSQL"
                            + " password file (~/.pgpass) or the credential store (quant db password).",
                    e);
        }
        if (state.equals("3D000")) {
            return new StoreException(
                    Kind.MISSING,
                    "There is no " + where + "; an administrator of the server creates it (createdb), then the"
                            + " workbench fills it.",
                    e);
        }
        if (state.equals("42501")) {
            return new StoreException(
                    Kind.DENIED, "Your role may not do this on " + where + " (" + why + "); nothing was changed.", e);
        }
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
            return new StoreException(
                    Kind.IO,
                    "The server of " + where + " cannot be reached or stopped answering (" + why + "); nothing was"
                            + " changed: check the address and that the server is running, then try again.",
                    e);
        }
        return new StoreException(Kind.IO, "The server of " + where + " refused the work (" + why + ").", e);
    }

    /** The server's refusals of a change that say more than the rule broken; null for the others. */
    static StoreException refusal(StoreLocation.Server server, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("25006")) {
            return new StoreException(Kind.READ_ONLY, server.describe() + " is read-only; nothing was changed.", e);
        }
        if (state.equals("55P03") || state.equals("40001") || state.equals("40P01")) {
            return new StoreException(
                    Kind.LOCKED,
                    server.describe() + " is busy with a colleague's change; nothing was changed: try again.",
                    e);
        }
        if (state.equals("42501") || state.startsWith("08") || state.startsWith("57P") || state.startsWith("28")) {
            return unreachable(server, e);
        }
        return null;
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        m = (nl < 0 ? m : m.substring(0, nl)).strip();
        return m.replaceFirst("^(FATAL|ERROR): ", "").replaceAll("\\.$", "");
    }

    /**
     * The workbenches' signal that the data changed: a connection of its own listens on
     * {@value #CHANNEL} and tells the listeners when a colleague's change commits (PostgreSQL's
     * LISTEN/NOTIFY). Started by the first listener, stopped with the store.
     */
    static final class Signal implements AutoCloseable {
        private final DataSource source;
        private final StoreLocation.Server server;
        private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
        private final String self = java.util.UUID.randomUUID().toString();
        private volatile boolean closed;
        private Thread thread;

        Signal(DataSource source, StoreLocation.Server server) {
            this.source = source;
            this.server = server;
        }

        /** Signs the transaction on {@code c} as this store's, so that its announcement is not heard here. */
        void sign(Connection c) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL " + WRITER + " = '" + self + "'");
            }
        }

        synchronized AutoCloseable listen(Runnable listener) {
            listeners.add(listener);
            if (thread == null && !closed) {
                thread = Thread.ofPlatform().daemon().name("quant-data-changes").start(this::run);
            }
            return () -> listeners.remove(listener);
        }

        private void run() {
            int backOff = 1;
            while (!closed) {
                try (Connection c = source.getConnection()) {
                    try (Statement st = c.createStatement()) {
                        st.execute("LISTEN " + CHANNEL);
                    }
                    backOff = 1;
                    PGConnection pg = c.unwrap(PGConnection.class);
                    while (!closed) {
                        PGNotification[] got = pg.getNotifications(500);
                        boolean elsewhere = got != null
                                && java.util.Arrays.stream(got).anyMatch(n -> !self.equals(n.getParameter()));
                        if (elsewhere && !closed) {
                            listeners.forEach(Runnable::run);
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    LOG.info("Listening for changes on {} stopped; trying again in {} s", server, backOff, e);
                    try {
                        Thread.sleep(backOff * 1000L);
                    } catch (InterruptedException stop) {
                        return;
                    }
                    backOff = Math.min(backOff * 2, 30);
                }
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            listeners.clear();
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
