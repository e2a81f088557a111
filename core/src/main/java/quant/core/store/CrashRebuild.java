package quant.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quant.core.store.StoreException.Kind;

/**
 * Recovery after a crash: a database whose audit shows a run that never ended (an import or load
 * still {@code running}, an undo still pending) is rebuilt into a new file that holds exactly the
 * state before the unfinished import, or after the unfinished undo, and the new file replaces the
 * old one in one step.
 *
 * <p>Why a rebuild and not deletes in place: H2 2.5 killed while it commits a large transaction was
 * seen to leave the table's rows and its secondary indexes disagreeing (an index entry for a row
 * the table no longer has), after which a {@code DELETE} fails on a foreign key that checks the
 * stale index. Reading every table by its primary key and writing it into a freshly migrated file
 * rebuilds every index from the rows themselves. The run's own journal ({@code import_floor},
 * {@code import_range}, {@code import_change}), committed before the data it describes, says which
 * rows to leave out and which previous values to put back. The old file is replaced only when the
 * new one is complete, so a crash during recovery leaves the old file to be recovered again.
 */
final class CrashRebuild {
    private static final Logger LOG = LoggerFactory.getLogger(CrashRebuild.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> PREVIOUS = new TypeReference<>() {};
    private static final String HISTORY = "flyway_schema_history";
    private static final int BATCH = 2_000;

    private CrashRebuild() {}

    /** Whether the audit shows a run that never ended. */
    static boolean needed(JdbcConnectionPool pool) throws SQLException {
        try (Connection c = pool.getConnection();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT COUNT(*) FROM import_run WHERE outcome = 'running' OR undo_pending")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /**
     * The free space a rebuild of {@code file} needs: the new file, H2's room to write it in one
     * transaction (measured at about 4.4 times the file's size), and the write reserve.
     */
    static long spaceNeeded(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        return (long) (4.5 * size) + DiskGuard.RESERVE;
    }

    /** The file recovery writes beside the database before it replaces it. */
    static Path rebuildFile(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - ".mv.db".length()) + ".rebuild.mv.db");
    }

    /** Rebuilds {@code file} (whose pool {@code old} is open and migrated) and closes {@code old}. */
    static void rebuild(Path file, JdbcConnectionPool old) {
        Path target = rebuildFile(file);
        try {
            deleteDatabase(target);
            Passphrases.same(target, file);
            JdbcConnectionPool fresh = H2Files.pool(target, false);
            try {
                Migrations.flyway(fresh, Store.Engine.H2).migrate();
                try (Connection from = old.getConnection();
                        Connection to = fresh.getConnection()) {
                    to.setAutoCommit(false);
                    Plan plan = Plan.read(from);
                    for (String table : tablesInOrder(from)) {
                        copy(from, to, table, plan);
                    }
                    to.commit();
                    LOG.info(
                            "Rebuilt {} after a crash: took back runs {}, finished undos {}",
                            file,
                            plan.running,
                            plan.undoing);
                }
            } finally {
                fresh.dispose();
            }
            old.dispose();
            try {
                Files.move(target, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(target, file, StandardCopyOption.REPLACE_EXISTING);
            }
            deleteDatabase(target);
        } catch (SQLException | IOException | RuntimeException e) {
            old.dispose();
            deleteQuietly(target);
            throw new StoreException(
                    Kind.IO,
                    file + " was left unfinished by a crash, and putting it back failed; it was left as it is"
                            + " (details in the log).",
                    e);
        }
    }

    /** Which rows to leave out and which values to put back, from the journal of the unfinished runs. */
    private record Plan(
            List<Long> running,
            List<Long> undoing,
            Map<String, Long> floors,
            Map<String, List<long[]>> undoneRanges,
            Map<String, Set<Long>> undoneRows,
            Map<String, Map<Long, Map<String, String>>> previous) {

        /**
         * Reads the journal of the unfinished runs. Every journal table is read whole, by its rows,
         * and filtered here: a crash can leave a secondary index (such as the one on
         * {@code run_id}) pointing to rows that are not there.
         */
        static Plan read(Connection c) throws SQLException {
            List<Long> running = new ArrayList<>();
            List<Long> undoing = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT id, outcome, undo_pending FROM import_run")) {
                while (rs.next()) {
                    if ("running".equals(rs.getString(2))) {
                        running.add(rs.getLong(1));
                    } else if (rs.getBoolean(3)) {
                        undoing.add(rs.getLong(1));
                    }
                }
            }
            Set<Long> runningSet = new HashSet<>(running);
            Set<Long> undoingSet = new HashSet<>(undoing);
            Map<String, Long> floors = new HashMap<>();
            Map<String, List<long[]>> ranges = new HashMap<>();
            Map<String, Set<Long>> rows = new HashMap<>();
            Map<String, Map<Long, Map<String, String>>> previous = new HashMap<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT run_id, table_name, id_floor FROM import_floor")) {
                while (rs.next()) {
                    if (runningSet.contains(rs.getLong(1))) {
                        floors.merge(rs.getString(2), rs.getLong(3), Math::min);
                    }
                }
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT run_id, table_name, first_id, last_id FROM import_range")) {
                while (rs.next()) {
                    if (undoingSet.contains(rs.getLong(1))) {
                        ranges.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                                .add(new long[] {rs.getLong(3), rs.getLong(4)});
                    }
                }
            }
            // the earliest previous value of a row is the one to keep: read in journal order, keep the first
            List<Object[]> changes = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT id, run_id, table_name, row_id, action, previous FROM import_change")) {
                while (rs.next()) {
                    long run = rs.getLong(2);
                    if (!runningSet.contains(run) && !undoingSet.contains(run)) {
                        continue;
                    }
                    if ("insert".equals(rs.getString(5))) {
                        if (undoingSet.contains(run)) {
                            rows.computeIfAbsent(rs.getString(3), k -> new HashSet<>())
                                    .add(rs.getLong(4));
                        }
                    } else {
                        changes.add(new Object[] {rs.getLong(1), run, rs.getString(3), rs.getLong(4), rs.getString(6)});
                    }
                }
            }
            changes.sort(java.util.Comparator.comparingLong(x -> (Long) x[0]));
            for (Object[] x : changes) {
                Map<Long, Map<String, String>> byRow = previous.computeIfAbsent((String) x[2], k -> new HashMap<>());
                if (!byRow.containsKey((Long) x[3])) {
                    try {
                        byRow.put((Long) x[3], JSON.readValue((String) x[4], PREVIOUS));
                    } catch (JsonProcessingException e) {
                        throw new SQLException("The undo journal of import run " + x[1] + " is damaged.", e);
                    }
                }
            }
            return new Plan(running, undoing, floors, ranges, rows, previous);
        }

        boolean leftOut(String table, long id) {
            Long floor = floors.get(table);
            if (floor != null && id > floor) {
                return true;
            }
            for (long[] r : undoneRanges.getOrDefault(table, List.of())) {
                if (id >= r[0] && id <= r[1]) {
                    return true;
                }
            }
            return undoneRows.getOrDefault(table, Set.of()).contains(id);
        }

        boolean isRunning(long runId) {
            return running.contains(runId);
        }
    }

    private static void copy(Connection from, Connection to, String table, Plan plan) throws SQLException {
        boolean journal = table.equals("import_change") || table.equals("import_range") || table.equals("import_floor");
        if (table.equals("import_floor")) {
            return; // floors only matter while a run is unfinished
        }
        try (Statement st = from.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<String> names = new ArrayList<>();
            int idColumn = -1;
            int runColumn = -1;
            for (int i = 1; i <= n; i++) {
                String name = md.getColumnName(i).toLowerCase(Locale.ROOT);
                names.add(name);
                if (name.equals("id")) {
                    idColumn = i;
                }
                if (name.equals("run_id")) {
                    runColumn = i;
                }
            }
            if (table.equals("store_meta")) {
                try (Statement clear = to.createStatement()) {
                    clear.executeUpdate("DELETE FROM store_meta");
                }
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
            Map<Long, Map<String, String>> restore = plan.previous().getOrDefault(table, Map.of());
            long maxId = 0;
            int pending = 0;
            try (PreparedStatement ins = to.prepareStatement(sql)) {
                while (rs.next()) {
                    long id = idColumn > 0 ? rs.getLong(idColumn) : 0;
                    if (idColumn > 0 && plan.leftOut(table, id)) {
                        continue;
                    }
                    if (journal && runColumn > 0 && plan.isRunning(rs.getLong(runColumn))) {
                        continue;
                    }
                    Map<String, String> before = idColumn > 0 ? restore.get(id) : null;
                    for (int i = 1; i <= n; i++) {
                        String name = names.get(i - 1);
                        int type = md.getColumnType(i);
                        Object v;
                        if (before != null && before.containsKey(name)) {
                            v = StoredValues.fromText(before.get(name), type);
                        } else if (type == Types.CLOB || type == Types.NCLOB) {
                            v = rs.getString(i);
                        } else if (type == Types.BLOB) {
                            v = rs.getBytes(i);
                        } else {
                            v = rs.getObject(i);
                        }
                        v = adjust(table, name, v, id, plan);
                        if (v == null) {
                            ins.setNull(i, type);
                        } else {
                            ins.setObject(i, v);
                        }
                    }
                    ins.addBatch();
                    maxId = Math.max(maxId, id);
                    if (++pending == BATCH) {
                        ins.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ins.executeBatch();
                }
            }
            if (idColumn > 0) {
                try (Statement restart = to.createStatement()) {
                    restart.executeUpdate("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (maxId + 1));
                }
            }
        }
    }

    /** The audit's view of the recovery: runs taken back are interrupted, undos finished are undone. */
    private static Object adjust(String table, String column, Object v, long id, Plan plan) {
        if (table.equals("import_run")) {
            if (plan.running().contains(id)) {
                return switch (column) {
                    case "outcome" -> RunOutcome.INTERRUPTED.code();
                    case "rows_inserted", "rows_updated" -> 0L;
                    case "undo_pending" -> false;
                    default -> v;
                };
            }
            if (plan.undoing().contains(id)) {
                return switch (column) {
                    case "undone_at" -> v == null ? OffsetDateTime.now() : v;
                    case "undo_pending" -> false;
                    default -> v;
                };
            }
        }
        if (table.equals("store_meta") && column.equals("meta_value") && v instanceof String s && s.matches("\\d+")) {
            return Long.toString(Long.parseLong(s) + 1); // the data version: what analyses cached is stale
        }
        return v;
    }

    /** Every table but the migration history, parents before the tables that refer to them. */
    private static List<String> tablesInOrder(Connection c) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                String t = rs.getString(1).toLowerCase(Locale.ROOT);
                if (!t.equals(HISTORY)) {
                    tables.add(t);
                }
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String t : tables) {
            parents.put(t, new HashSet<>());
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT fk.TABLE_NAME, pk.TABLE_NAME"
                        + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r"
                        + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS fk ON fk.CONSTRAINT_NAME = r.CONSTRAINT_NAME"
                        + " AND fk.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA"
                        + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS pk ON pk.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME"
                        + " AND pk.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA"
                        + " WHERE r.CONSTRAINT_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) {
                String child = rs.getString(1).toLowerCase(Locale.ROOT);
                String parent = rs.getString(2).toLowerCase(Locale.ROOT);
                if (!child.equals(parent) && parents.containsKey(child) && parents.containsKey(parent)) {
                    parents.get(child).add(parent);
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (order.size() < tables.size()) {
            boolean progress = false;
            for (String t : tables) {
                if (!done.contains(t) && done.containsAll(parents.get(t))) {
                    order.add(t);
                    done.add(t);
                    progress = true;
                }
            }
            if (!progress) {
                throw new SQLException("The tables refer to each other in a circle; they cannot be copied in order.");
            }
        }
        return order;
    }

    /** Deletes a database file and the files H2 keeps beside it. */
    private static void deleteDatabase(Path file) throws IOException {
        String name = file.getFileName().toString();
        String base = name.substring(0, name.length() - ".mv.db".length());
        for (String suffix : List.of(".mv.db", ".trace.db", ".lock.db", ".mv.db.tempFile")) {
            Files.deleteIfExists(file.resolveSibling(base + suffix));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            deleteDatabase(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }
}
