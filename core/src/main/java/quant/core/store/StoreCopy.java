package quant.core.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.ForeignKey;
import org.jooq.Table;
import org.jooq.TableField;
import quant.core.job.JobMonitor;
import quant.core.store.StoreException.Kind;
import quant.core.store.generated.DefaultSchema;

/**
 * Copies every table of one store into another — a file to a team server, a server back to a file, or
 * any store to any other — with the rows' ids, in one consistent read of the source and one
 * transaction on the target, then proves the copy: every table's row count and checksum, computed the
 * same way on both sides, must agree.
 *
 * <p>The checksum of a table is the SHA-256 of its rows in primary-key order, each value written in a
 * form that does not depend on the engine (numbers without trailing zeros, instants in UTC), so equal
 * checksums mean equal data whichever engines hold it. A target that holds data is refused unless the
 * copy is asked to replace it.
 */
public final class StoreCopy {
    private static final int BATCH = 1_000;
    private static final String NULL = "\u2400";

    private StoreCopy() {}

    /** One table's rows and checksum, the same on both sides. */
    public record TableCheck(String table, long rows, String sha256) {}

    /** What a copy did. */
    public record Result(List<TableCheck> tables, Duration took) {
        public long rows() {
            return tables.stream().mapToLong(TableCheck::rows).sum();
        }
    }

    /**
     * Copies {@code from} into {@code to}.
     *
     * @param replace whether a target holding data is emptied first; when false it is refused
     * @throws StoreException (refused) for a target that holds data, or (damaged) when the copy does not
     *     check out; on any failure the target is as it was
     */
    public static Result copy(Store from, Store to, boolean replace, JobMonitor monitor) {
        long started = System.nanoTime();
        if (from.location().equals(to.location())) {
            throw new StoreException(Kind.REFUSED, "A database cannot be copied onto itself.");
        }
        to.checkWritable();
        to.role().require(Role.ANALYST, "receive a copy", to.location().describe());
        if (!replace && !Store.noData(to.rowCounts())) {
            throw new StoreException(
                    Kind.REFUSED,
                    to.location().describe() + " already holds data; nothing was copied. Copy into an empty database,"
                            + " or add --replace to put the copy in place of what it holds.");
        }
        if (!from.schemaVersion().equals(to.schemaVersion())) {
            throw new StoreException(
                    Kind.REFUSED,
                    "The two databases are at different schema versions (" + from.schemaVersion() + " and "
                            + to.schemaVersion() + "); open both with this version first.");
        }
        List<Table<?>> tables = inOrder();
        Map<String, TableCheck> source = new LinkedHashMap<>();
        to.exclusively(() -> {
            try (Connection read = from.readConnection()) {
                begin(read);
                try {
                    to.inTransaction(write -> {
                        for (int i = tables.size() - 1; i >= 0; i--) {
                            try (Statement st = write.createStatement()) {
                                st.executeUpdate("DELETE FROM " + name(tables.get(i)));
                            }
                        }
                        int done = 0;
                        for (Table<?> t : tables) {
                            monitor.checkCancelled();
                            monitor.progress(done++, tables.size(), "Copying " + name(t));
                            source.put(name(t), copyTable(read, write, t, monitor));
                        }
                        for (Table<?> t : tables) {
                            restartIdentity(write, t);
                        }
                        if (replace) {
                            Store.bumpDataVersion(write); // windows open on the target read it again
                        }
                        return null;
                    });
                } finally {
                    read.rollback();
                    read.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException(
                        Kind.IO, "Could not read " + from.location().describe() + " to copy it: " + e.getMessage(), e);
            }
            return null;
        });
        List<TableCheck> copied = checks(to, tables);
        for (TableCheck c : copied) {
            TableCheck s = source.get(c.table());
            boolean meta = c.table().equals("store_meta"); // a replace moves the target's data version on
            if (s == null
                    || s.rows() != c.rows()
                    || (!meta || !replace) && !s.sha256().equals(c.sha256())) {
                throw new StoreException(
                        Kind.DAMAGED,
                        "The copy of table " + c.table() + " in "
                                + to.location().describe() + " does not match the"
                                + " original (" + (s == null ? 0 : s.rows()) + " rows read, " + c.rows()
                                + " found); copy again with --replace.");
            }
        }
        return new Result(copied, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Every table's rows and checksum, read in one consistent view of {@code store}. */
    public static List<TableCheck> checks(Store store) {
        return checks(store, inOrder());
    }

    private static List<TableCheck> checks(Store store, List<Table<?>> tables) {
        try (Connection c = store.readConnection()) {
            begin(c);
            try {
                List<TableCheck> out = new ArrayList<>();
                for (Table<?> t : tables) {
                    out.add(check(c, t));
                }
                return out;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(
                    Kind.IO, "Could not read " + store.location().describe() + " to check it: " + e.getMessage(), e);
        }
    }

    private static void begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    }

    /** The tables, each after the tables it refers to (a table's references to itself aside). */
    static List<Table<?>> inOrder() {
        List<Table<?>> all = new ArrayList<>(DefaultSchema.DEFAULT_SCHEMA.getTables());
        all.sort((a, b) -> name(a).compareTo(name(b)));
        Set<Table<?>> placed = new LinkedHashSet<>();
        while (placed.size() < all.size()) {
            boolean progress = false;
            for (Table<?> t : all) {
                if (!placed.contains(t)
                        && t.getReferences().stream()
                                .map(k -> k.getKey().getTable())
                                .allMatch(r -> r.equals(t) || placed.contains(r))) {
                    placed.add(t);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("The tables refer to each other in a circle");
            }
        }
        return List.copyOf(placed);
    }

    private static String name(Table<?> t) {
        return t.getName().toLowerCase(Locale.ROOT);
    }

    /** The columns of {@code t} that refer to {@code t} itself: written after every row is in. */
    private static Set<String> selfReferences(Table<?> t) {
        Set<String> cols = new LinkedHashSet<>();
        for (ForeignKey<?, ?> k : t.getReferences()) {
            if (k.getKey().getTable().equals(t)) {
                for (TableField<?, ?> f : k.getFields()) {
                    cols.add(f.getName().toLowerCase(Locale.ROOT));
                }
            }
        }
        return cols;
    }

    private static String orderBy(Table<?> t) {
        List<String> cols = new ArrayList<>();
        if (t.getPrimaryKey() != null) {
            t.getPrimaryKey().getFields().forEach(f -> cols.add(f.getName().toLowerCase(Locale.ROOT)));
        } else {
            t.fieldStream().forEach(f -> cols.add(f.getName().toLowerCase(Locale.ROOT)));
        }
        return String.join(", ", cols);
    }

    private static TableCheck copyTable(Connection read, Connection write, Table<?> t, JobMonitor monitor)
            throws SQLException {
        String table = name(t);
        Set<String> later = selfReferences(t);
        MessageDigest sha = sha256();
        long rows = 0;
        List<Object[]> deferred = new ArrayList<>();
        try (PreparedStatement select = read.prepareStatement("SELECT * FROM " + table + " ORDER BY " + orderBy(t))) {
            select.setFetchSize(BATCH);
            try (ResultSet rs = select.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                ColumnType[] types = types(md);
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    names.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
                }
                String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                        + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
                int idColumn = names.indexOf("id");
                try (PreparedStatement st = write.prepareStatement(insert)) {
                    int batched = 0;
                    while (rs.next()) {
                        Object[] values = new Object[n];
                        for (int i = 0; i < n; i++) {
                            values[i] = value(rs, i + 1, types[i]);
                            digest(sha, values[i]);
                            boolean defer = later.contains(names.get(i)) && values[i] != null;
                            st.setObject(i + 1, defer ? null : values[i]);
                        }
                        sha.update((byte) 0x1e);
                        for (String col : later) {
                            Object v = values[names.indexOf(col)];
                            if (v != null) {
                                deferred.add(new Object[] {col, v, values[idColumn]});
                            }
                        }
                        st.addBatch();
                        rows++;
                        if (++batched == BATCH) {
                            st.executeBatch();
                            batched = 0;
                            monitor.checkCancelled();
                        }
                    }
                    if (batched > 0) {
                        st.executeBatch();
                    }
                }
            }
        }
        for (Object[] d : deferred) {
            try (PreparedStatement st =
                    write.prepareStatement("UPDATE " + table + " SET " + d[0] + " = ? WHERE id = ?")) {
                st.setObject(1, d[1]);
                st.setObject(2, d[2]);
                st.executeUpdate();
            }
        }
        return new TableCheck(table, rows, HexFormat.of().formatHex(sha.digest()));
    }

    private static TableCheck check(Connection c, Table<?> t) throws SQLException {
        MessageDigest sha = sha256();
        long rows = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM " + name(t) + " ORDER BY " + orderBy(t))) {
            select.setFetchSize(BATCH);
            try (ResultSet rs = select.executeQuery()) {
                ColumnType[] types = types(rs.getMetaData());
                while (rs.next()) {
                    for (int i = 0; i < types.length; i++) {
                        digest(sha, value(rs, i + 1, types[i]));
                    }
                    sha.update((byte) 0x1e);
                    rows++;
                }
            }
        }
        return new TableCheck(name(t), rows, HexFormat.of().formatHex(sha.digest()));
    }

    private static ColumnType[] types(ResultSetMetaData md) throws SQLException {
        ColumnType[] types = new ColumnType[md.getColumnCount()];
        for (int i = 0; i < types.length; i++) {
            types[i] = "timestamptz".equalsIgnoreCase(md.getColumnTypeName(i + 1))
                    ? ColumnType.TIMESTAMP_WITH_ZONE
                    : ColumnType.of(md.getColumnType(i + 1));
        }
        return types;
    }

    /** A value as Java holds it the same whichever engine it came from. */
    private static Object value(ResultSet rs, int i, ColumnType type) throws SQLException {
        Object v =
                switch (type) {
                    case TEXT, OTHER -> rs.getString(i);
                    case DECIMAL -> rs.getBigDecimal(i);
                    case REAL -> rs.getDouble(i);
                    case INTEGER -> rs.getInt(i);
                    case BIGINT -> rs.getLong(i);
                    case DATE -> rs.getObject(i, LocalDate.class);
                    case TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
                    case TIMESTAMP_WITH_ZONE -> rs.getObject(i, OffsetDateTime.class);
                    case TIME -> rs.getObject(i, LocalTime.class);
                    case BOOLEAN -> rs.getBoolean(i);
                };
        return rs.wasNull() ? null : v;
    }

    private static void digest(MessageDigest sha, Object v) {
        String text =
                switch (v) {
                    case null -> NULL;
                    case BigDecimal d ->
                        d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
                    case OffsetDateTime t -> t.toInstant().toString();
                    default -> v.toString();
                };
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x1f);
    }

    private static void restartIdentity(Connection c, Table<?> t) throws SQLException {
        if (t.getIdentity() == null) {
            return;
        }
        String table = name(t);
        String column = t.getIdentity().getField().getName().toLowerCase(Locale.ROOT);
        long next;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table)) {
            rs.next();
            next = rs.getLong(1);
        }
        try (Statement st = c.createStatement()) {
            if (ServerDatabases.isServer(c)) {
                // setval needs the sequence's UPDATE right, which an analyst has; ALTER TABLE needs the owner
                st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), "
                        + Math.max(1, next - 1) + ", " + (next > 1) + ")");
            } else {
                st.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
