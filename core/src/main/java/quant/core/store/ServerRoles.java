package quant.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import quant.core.store.StoreException.Kind;

/**
 * The workbench's roles on a PostgreSQL server, as group roles with grants that the server enforces:
 *
 * <ul>
 *   <li>{@code quant_viewer}: reads every table, and records what it exports ({@code export_audit}) and
 *       the alerts the dashboard raises ({@code kpi_alert}), which are records of looking, not data;
 *   <li>{@code quant_analyst}: a viewer that also writes every table but the migration history;
 *   <li>{@code quant_admin}: an analyst that owns the tables, so it brings them up to date (migrations
 *       run as {@code quant_admin}, so the tables they make are its own) and grants the roles.
 * </ul>
 *
 * A user has a role by being a member of its group ({@code GRANT quant_analyst TO alice}); each group
 * is a member of the one below it, so an admin is also an analyst and a viewer.
 */
public final class ServerRoles {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");
    /** The tables a viewer writes: records of what was looked at and exported, not data. */
    private static final List<String> VIEWER_RECORDS = List.of("export_audit", "kpi_alert");

    private ServerRoles() {}

    /**
     * Creates the three group roles when they are missing and grants them on every table of
     * {@code store}'s database; run again after a migration added tables (it is idempotent).
     *
     * @throws StoreException (refused) on an H2 file, or (denied) when the user may not create roles
     */
    public static List<String> init(Store store) {
        requireServer(store);
        List<String> done = new ArrayList<>();
        store.inTransaction(c -> {
            String database = one(c, "SELECT current_database()");
            String schema = one(c, "SELECT current_schema()");
            createGroup(c, Role.VIEWER, null, done);
            createGroup(c, Role.ANALYST, Role.VIEWER, done);
            createGroup(c, Role.ADMIN, Role.ANALYST, done);
            String s = quote(schema);
            List<String> tables = tables(c, schema);
            List<String> statements = new ArrayList<>();
            statements.add("GRANT CONNECT, TEMPORARY ON DATABASE " + quote(database) + " TO quant_viewer");
            statements.add("GRANT USAGE ON SCHEMA " + s + " TO quant_viewer");
            statements.add("GRANT CREATE ON SCHEMA " + s + " TO quant_admin");
            for (String t : tables) {
                String table = s + "." + quote(t);
                statements.add("ALTER TABLE " + table + " OWNER TO quant_admin");
                statements.add("GRANT SELECT ON " + table + " TO quant_viewer");
                if (t.equals("flyway_schema_history")) {
                    continue; // the history is the admin's, through ownership
                }
                statements.add("GRANT INSERT, UPDATE, DELETE ON " + table + " TO quant_analyst");
                if (VIEWER_RECORDS.contains(t)) {
                    statements.add("GRANT INSERT, UPDATE ON " + table + " TO quant_viewer");
                }
            }
            statements.add("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + s + " TO quant_viewer");
            statements.add("GRANT UPDATE ON ALL SEQUENCES IN SCHEMA " + s + " TO quant_analyst");
            statements.add("ALTER DEFAULT PRIVILEGES FOR ROLE quant_admin IN SCHEMA " + s
                    + " GRANT SELECT ON TABLES TO quant_viewer");
            statements.add("ALTER DEFAULT PRIVILEGES FOR ROLE quant_admin IN SCHEMA " + s
                    + " GRANT INSERT, UPDATE, DELETE ON TABLES TO quant_analyst");
            statements.add("ALTER DEFAULT PRIVILEGES FOR ROLE quant_admin IN SCHEMA " + s
                    + " GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO quant_analyst");
            try (Statement st = c.createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
            }
            done.add("granted the roles on " + tables.size() + " tables of " + database);
            return null;
        });
        return done;
    }

    /**
     * Gives {@code user} exactly {@code role} (taking the other workbench roles away).
     *
     * @throws StoreException (refused) for a user name that is not a plain PostgreSQL name or an unknown user
     */
    public static void grant(Store store, String user, Role role) {
        requireServer(store);
        String name = user.toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new StoreException(Kind.REFUSED, "The user name " + user + " is not a plain PostgreSQL name.");
        }
        store.inTransaction(c -> {
            if (!exists(c, name)) {
                throw new StoreException(
                        Kind.REFUSED,
                        "There is no user " + name + " on the server; its administrator creates one (createuser " + name
                                + ") first.");
            }
            if (!exists(c, Role.VIEWER.group())) {
                throw new StoreException(
                        Kind.REFUSED, "The workbench's roles are not made yet; run quant db roles --init first.");
            }
            try (Statement st = c.createStatement()) {
                for (Role r : Role.values()) {
                    st.execute((r == role ? "GRANT " : "REVOKE ")
                            + r.group()
                            + (r == role ? " TO " : " FROM ")
                            + quote(name));
                }
            }
            return null;
        });
    }

    /** The users with a workbench role, and the highest role each has. */
    public static Map<String, Role> members(Store store) {
        requireServer(store);
        Map<String, Role> members = new LinkedHashMap<>();
        try (Connection c = store.readConnection();
                PreparedStatement st = c.prepareStatement("SELECT u.rolname, g.rolname FROM pg_auth_members m"
                        + " JOIN pg_roles u ON u.oid = m.member JOIN pg_roles g ON g.oid = m.roleid"
                        + " WHERE g.rolname IN ('quant_viewer', 'quant_analyst', 'quant_admin')"
                        + " AND u.rolname NOT LIKE 'quant\\_%' ORDER BY u.rolname")) {
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Role r = Role.valueOf(
                            rs.getString(2).substring("quant_".length()).toUpperCase(Locale.ROOT));
                    members.merge(rs.getString(1), r, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
        } catch (SQLException e) {
            throw ServerDatabases.unreachable((StoreLocation.Server) store.location(), e);
        }
        return members;
    }

    private static void requireServer(Store store) {
        if (!store.location().isServer()) {
            throw new StoreException(
                    Kind.REFUSED,
                    "Roles are for a team server; " + store.location().describe()
                            + " is a file, and whoever opens it may do everything.");
        }
        store.role().require(Role.ADMIN, "manage roles", store.location().describe());
    }

    private static void createGroup(Connection c, Role role, Role member, List<String> done) throws SQLException {
        if (exists(c, role.group())) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role.group() + " NOLOGIN");
            if (member != null) {
                st.execute("GRANT " + member.group() + " TO " + role.group());
            }
        }
        done.add("created the role " + role.group());
    }

    private static boolean exists(Connection c, String role) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            st.setString(1, role);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<String> tables(Connection c, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement st =
                c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename")) {
            st.setString(1, schema);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
