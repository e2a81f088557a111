package quant.core.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server the tests run against: a real one, never a mock. {@code .ci/run} starts
 * Debian's PostgreSQL and names it in {@code QUANT_TEST_POSTGRES}, a JDBC address of a database the
 * test user (a superuser) may connect to, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=quant_ci};
 * its password comes from the PostgreSQL password file, as a user's does. Without it the server
 * tests are skipped, saying why.
 *
 * <p>Each test gets a database of its own ({@link #fresh}), dropped when it is closed.
 */
public final class TestServers {
    /** The environment variable naming the test server. */
    public static final String VARIABLE = "QUANT_TEST_POSTGRES";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestServers() {}

    /** The test server's address, or skips the test saying how to give one. */
    public static StoreLocation.Server admin() {
        String url = System.getenv(VARIABLE);
        assumeTrue(
                url != null && !url.isBlank(),
                VARIABLE + " is not set, so the PostgreSQL tests are skipped (.ci/run starts a server and sets it)");
        return StoreLocation.Server.of(url);
    }

    /** A new, empty database on the test server, dropped when closed. */
    public static Scratch fresh(String purpose) {
        StoreLocation.Server admin = admin();
        String name = ("qt_" + purpose + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        run(admin, "CREATE DATABASE " + name);
        return new Scratch(admin, admin.withDatabase(name));
    }

    /** Runs {@code sql} as the test user on {@code at}, outside a transaction. */
    public static void run(StoreLocation.Server at, String... sql) {
        try (Connection c = connect(at);
                Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The test server refused: " + String.join("; ", sql), e);
        }
    }

    /** A plain connection to {@code at} as the test user. */
    public static Connection connect(StoreLocation.Server at) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", at.user());
        return DriverManager.getConnection(at.url(), p);
    }

    /**
     * A login role on the test server with {@code password}, for tests of the roles; dropped with
     * {@link Scratch#close}.
     */
    public static String user(Scratch scratch, String word, char[] password) {
        String name = ("qt_" + word + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
                .toLowerCase(Locale.ROOT);
        run(
                scratch.admin(),
                "CREATE ROLE " + name + " LOGIN PASSWORD '" + new String(password).replace("'", "''") + "'");
        scratch.users.add(name);
        return name;
    }

    /** A scratch database: its address, and the admin address it was made from. */
    public static final class Scratch implements AutoCloseable {
        private final StoreLocation.Server admin;
        private final StoreLocation.Server location;
        private final java.util.List<String> users = new java.util.ArrayList<>();

        Scratch(StoreLocation.Server admin, StoreLocation.Server location) {
            this.admin = admin;
            this.location = location;
        }

        public StoreLocation.Server admin() {
            return admin;
        }

        public StoreLocation.Server location() {
            return location;
        }

        /** The scratch database's address for another user. */
        public StoreLocation.Server as(String user) {
            String url = location.url();
            return StoreLocation.Server.of(
                    url.matches(".*[?&]user=.*")
                            ? url.replaceFirst("([?&])user=[^&]*", "$1user=" + user)
                            : url + (url.contains("?") ? "&" : "?") + "user=" + user);
        }

        @Override
        public void close() {
            run(admin, "DROP DATABASE IF EXISTS " + location.database() + " WITH (FORCE)");
            for (String u : users) {
                run(admin, "DROP OWNED BY " + u + " CASCADE", "DROP ROLE IF EXISTS " + u);
            }
        }
    }
}
