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
import quant.core.job.JobMonitor;

/**
 * Reads every table of a database through its primary key and through each of its indexes, and
 * compares the counts: a table whose rows and index entries disagree (what a crash in the middle of
 * a large commit can leave, see {@code CrashRebuild}) is named. Each read walks the index row by
 * row ({@code USE INDEX}), so H2's stored row count, which would agree with anything, is not what is
 * compared.
 *
 * @param tables per table: its rows read by the primary key and the entries read by each index
 * @param problems what disagrees, in words; empty when the database is sound
 */
public record IntegrityCheck(List<Table> tables, List<String> problems) {
    /** One table's reads. */
    public record Table(String name, long rows, Map<String, Long> indexes) {}

    /** Whether every index agrees with its table. */
    public boolean sound() {
        return problems.isEmpty();
    }

    /** The verdict in one sentence. */
    public String verdict(String database) {
        long rows = tables.stream().mapToLong(Table::rows).sum();
        int indexes = tables.stream().mapToInt(t -> t.indexes().size()).sum();
        if (sound()) {
            return String.format(
                    Locale.ROOT,
                    "%s is sound: %d tables and %d indexes read, %,d rows, every index agrees with its table.",
                    database,
                    tables.size(),
                    indexes,
                    rows);
        }
        return database + " is damaged: " + problems.getFirst()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "")
                + "; restore a backup (quant db restore) or open it to let recovery rebuild it.";
    }

    /** Checks every table of {@code store}. */
    public static IntegrityCheck run(Store store, JobMonitor monitor) {
        store.requireFile(
                "checked index by index",
                "the server keeps its own indexes (its administrator checks" + " them with amcheck)");
        List<Table> tables = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Connection c = store.readConnection()) {
            Map<String, List<String[]>> indexes = indexes(c);
            int done = 0;
            for (Map.Entry<String, List<String[]>> e : indexes.entrySet()) {
                monitor.checkCancelled();
                monitor.progress(done++, indexes.size(), "Reading " + e.getKey().toLowerCase(Locale.ROOT));
                String table = e.getKey();
                long rows = -1;
                Map<String, Long> counts = new LinkedHashMap<>();
                for (String[] index : e.getValue()) {
                    long n = walk(c, table, index[0], index[1]);
                    counts.put(index[0], n);
                    if (index[2].equals("PRIMARY KEY")) {
                        rows = n;
                    }
                }
                if (rows < 0) {
                    rows = walk(c, table, null, null);
                }
                for (Map.Entry<String, Long> i : counts.entrySet()) {
                    if (i.getValue() != rows) {
                        problems.add(String.format(
                                Locale.ROOT,
                                "the index %s of table %s has %,d entries where the table has %,d rows",
                                i.getKey().toLowerCase(Locale.ROOT),
                                table.toLowerCase(Locale.ROOT),
                                i.getValue(),
                                rows));
                    }
                }
                tables.add(new Table(table.toLowerCase(Locale.ROOT), rows, counts));
            }
        } catch (SQLException e) {
            throw H2Files.translate(store.file(), e);
        }
        return new IntegrityCheck(List.copyOf(tables), List.copyOf(problems));
    }

    /** The indexes of every table of the public schema: name, first column, type; tables without one too. */
    private static Map<String, List<String[]>> indexes(Connection c) throws SQLException {
        Map<String, List<String[]>> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                out.put(rs.getString(1), new ArrayList<>());
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME,"
                        + " (SELECT c.COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS c WHERE c.INDEX_SCHEMA ="
                        + " i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME AND c.ORDINAL_POSITION = 1)"
                        + " FROM INFORMATION_SCHEMA.INDEXES i WHERE i.TABLE_SCHEMA = 'PUBLIC'"
                        + " ORDER BY i.TABLE_NAME, i.INDEX_NAME");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String[]> list = out.get(rs.getString(1));
                if (list != null) {
                    list.add(new String[] {rs.getString(2), rs.getString(4), rs.getString(3)});
                }
            }
        }
        return out;
    }

    /** The rows read through {@code index} (by its first column), or by a plain scan when null. */
    private static long walk(Connection c, String table, String index, String column) throws SQLException {
        String sql = index == null
                ? "SELECT 1 FROM \"" + table + "\""
                : "SELECT \"" + column + "\" FROM \"" + table + "\" USE INDEX (\"" + index + "\") ORDER BY \"" + column
                        + "\"";
        long n = 0;
        try (Statement st = c.createStatement()) {
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    n++;
                }
            }
        }
        return n;
    }
}
