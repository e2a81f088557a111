package quant.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quant.core.job.JobMonitor;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.core.store.StoreException;

/**
 * Loads the sample company into an empty database in one transaction: all of it, or (when
 * cancelled or refused) none of it. Foreign keys are resolved from the {@code *_ref} columns
 * through the references loaded before; one import-audit row is written per table.
 */
public final class SampleLoader {
    private static final int BATCH = 1_000;

    private SampleLoader() {}

    /** What a load wrote, per table, and how long it took. */
    public record Result(Map<DomainTable, Long> rows, Duration took) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Loads {@code source} into {@code store}.
     *
     * @throws StoreException if the database already holds data or refuses a row
     * @throws java.util.concurrent.CancellationException if {@code monitor} is cancelled; nothing is written
     */
    public static Result load(Store store, SampleSource source, JobMonitor monitor) {
        long started = System.nanoTime();
        if (!store.isEmpty()) {
            throw new StoreException(
                    StoreException.Kind.REJECTED,
                    store.file() + " already holds data; the sample company is only loaded into an empty database"
                            + " (it is never mixed with your own data).");
        }
        Map<DomainTable, Long> baseCounts = baseCounts(source);
        long total = 0;
        for (var e : baseCounts.entrySet()) {
            total += e.getValue() * (SampleSource.SHARED.contains(e.getKey()) ? 1 : source.scale());
        }
        long grandTotal = total;
        Map<DomainTable, Long> written = store.inTransaction(c -> {
            Loader loader = new Loader(c, monitor, grandTotal);
            Map<DomainTable, Long> rows = new LinkedHashMap<>();
            for (DomainTable t : source.tables()) {
                long before = loader.done;
                long tableStart = System.nanoTime();
                loader.table(t, source);
                long n = loader.done - before;
                rows.put(t, n);
                audit(c, t, n, source.scale(), Duration.ofNanos(System.nanoTime() - tableStart));
            }
            Store.bumpDataVersion(c);
            monitor.progress(grandTotal, grandTotal, "Committing");
            monitor.checkCancelled();
            return rows;
        });
        return new Result(written, Duration.ofNanos(System.nanoTime() - started));
    }

    private static Map<DomainTable, Long> baseCounts(SampleSource source) {
        Map<DomainTable, Long> counts = new EnumMap<>(DomainTable.class);
        SampleSource single = new SampleSource(1);
        for (DomainTable t : source.tables()) {
            long[] n = {0};
            single.read(t, new SampleSource.RowSink() {
                @Override
                public void header(List<String> header) {}

                @Override
                public void row(String[] values) {
                    n[0]++;
                }
            });
            counts.put(t, n[0]);
        }
        return counts;
    }

    private static void audit(Connection c, DomainTable t, long rows, int scale, Duration took) throws SQLException {
        String sql = "INSERT INTO import_run (file_name, file_size, sha256, target_table, source, rows_read,"
                + " rows_inserted, rows_updated, rows_rejected, started_at, duration_ms, outcome, run_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, 'imported', ?)";
        long[] size = {0};
        String sha = sha256(t, size);
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, "sample-company/" + t.sqlName() + ".csv" + (scale > 1 ? " ×" + scale : ""));
            st.setLong(2, size[0]);
            st.setString(3, sha);
            st.setString(4, t.sqlName());
            st.setString(5, SampleCompany.SOURCE);
            st.setLong(6, rows);
            st.setLong(7, rows);
            st.setObject(8, OffsetDateTime.now());
            st.setLong(9, took.toMillis());
            st.setString(10, System.getProperty("user.name", "unknown"));
            st.executeUpdate();
        }
    }

    private static String sha256(DomainTable t, long[] size) {
        try (InputStream in = new DigestInputStream(SampleSource.open(t), MessageDigest.getInstance("SHA-256"))) {
            size[0] = in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The table a {@code <name>_ref} column points to: the longest table name its stem ends with. */
    static DomainTable referencedTable(String column) {
        String stem = column.substring(0, column.length() - "_ref".length());
        DomainTable best = null;
        for (DomainTable t : DomainTable.values()) {
            if ((stem.equals(t.sqlName()) || stem.endsWith("_" + t.sqlName()))
                    && (best == null || t.sqlName().length() > best.sqlName().length())) {
                best = t;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("No table for the reference column " + column);
        }
        return best;
    }

    /** Inserts tables one after the other, remembering each row's id by its reference. */
    private static final class Loader {
        private final Connection c;
        private final JobMonitor monitor;
        private final long total;
        private final Map<DomainTable, Map<String, Long>> ids = new EnumMap<>(DomainTable.class);
        long done;

        Loader(Connection c, JobMonitor monitor, long total) {
            this.c = c;
            this.monitor = monitor;
            this.total = total;
        }

        void table(DomainTable t, SampleSource source) throws SQLException {
            Map<String, Long> own = new HashMap<>();
            ids.put(t, own);
            SQLException[] failure = {null};
            TableWriter[] writer = {null};
            try {
                source.read(t, new SampleSource.RowSink() {
                    long row = 1;

                    @Override
                    public void header(List<String> header) {
                        try {
                            writer[0] = new TableWriter(t, header, own);
                        } catch (SQLException e) {
                            throw new WrappedSql(e);
                        }
                    }

                    @Override
                    public void row(String[] values) {
                        row++;
                        try {
                            writer[0].add(values, row);
                        } catch (SQLException e) {
                            throw new WrappedSql(e);
                        }
                    }
                });
                if (writer[0] != null) {
                    writer[0].flush();
                    writer[0].close();
                }
            } catch (WrappedSql e) {
                failure[0] = e.sql;
            }
            if (failure[0] != null) {
                throw failure[0];
            }
        }

        private final class TableWriter {
            private final DomainTable table;
            private final List<String> header;
            private final Map<String, Long> own;
            private final PreparedStatement insert;
            private final int[] sqlTypes;
            private final DomainTable[] refTargets;
            private final int refColumn;
            private final List<String> pendingRefs = new ArrayList<>();

            TableWriter(DomainTable table, List<String> header, Map<String, Long> own) throws SQLException {
                this.table = table;
                this.header = header;
                this.own = own;
                List<String> columns = new ArrayList<>();
                columns.add("source");
                refTargets = new DomainTable[header.size()];
                for (int i = 0; i < header.size(); i++) {
                    String h = header.get(i);
                    if (h.endsWith("_ref") && !h.equals("external_ref")) {
                        refTargets[i] = referencedTable(h);
                        columns.add(h.substring(0, h.length() - 4) + "_id");
                    } else {
                        columns.add(h);
                    }
                }
                refColumn = header.indexOf("external_ref");
                String names = String.join(", ", columns);
                sqlTypes = new int[columns.size()];
                try (ResultSet rs = c.createStatement()
                        .executeQuery("SELECT " + names + " FROM " + table.sqlName() + " WHERE 1 = 0")) {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 0; i < sqlTypes.length; i++) {
                        sqlTypes[i] = md.getColumnType(i + 1);
                    }
                }
                String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
                insert = c.prepareStatement(
                        "INSERT INTO " + table.sqlName() + " (" + names + ") VALUES (" + marks + ")",
                        new String[] {"ID"});
            }

            void add(String[] values, long row) throws SQLException {
                if (values.length != header.size()) {
                    throw new SQLException(table.sqlName() + ".csv row " + row + " has " + values.length
                            + " fields, the header " + header.size());
                }
                long[] resolved = new long[values.length];
                for (int i = 0; i < values.length; i++) {
                    if (refTargets[i] != null && !values[i].isEmpty()) {
                        resolved[i] = resolve(refTargets[i], values[i], row, header.get(i));
                    }
                }
                insert.setString(1, SampleCompany.SOURCE);
                for (int i = 0; i < values.length; i++) {
                    String v = values[i];
                    int p = i + 2;
                    if (v.isEmpty()) {
                        insert.setNull(p, sqlTypes[i + 1]);
                    } else if (refTargets[i] != null) {
                        insert.setLong(p, resolved[i]);
                    } else {
                        set(p, sqlTypes[i + 1], v);
                    }
                }
                insert.addBatch();
                pendingRefs.add(values[refColumn]);
                if (pendingRefs.size() == BATCH) {
                    flush();
                }
            }

            private long resolve(DomainTable target, String ref, long row, String column) throws SQLException {
                if (target == table && !own.containsKey(ref)) {
                    flush();
                }
                Long id = ids.getOrDefault(target, Map.of()).get(ref);
                if (id == null) {
                    throw new SQLException(table.sqlName() + ".csv row " + row + ": " + column + " " + ref
                            + " does not match any " + target.sqlName());
                }
                return id;
            }

            private void set(int p, int type, String v) throws SQLException {
                switch (type) {
                    case Types.DATE -> insert.setObject(p, LocalDate.parse(v));
                    case Types.TIMESTAMP -> insert.setObject(p, LocalDateTime.parse(v));
                    case Types.TIME -> insert.setObject(p, LocalTime.parse(v));
                    case Types.DECIMAL, Types.NUMERIC -> insert.setBigDecimal(p, new BigDecimal(v));
                    case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> insert.setInt(p, Integer.parseInt(v));
                    case Types.BIGINT -> insert.setLong(p, Long.parseLong(v));
                    case Types.DOUBLE, Types.FLOAT, Types.REAL -> insert.setDouble(p, Double.parseDouble(v));
                    case Types.BOOLEAN -> insert.setBoolean(p, Boolean.parseBoolean(v));
                    default -> insert.setString(p, v);
                }
            }

            void flush() throws SQLException {
                if (pendingRefs.isEmpty()) {
                    return;
                }
                monitor.checkCancelled();
                insert.executeBatch();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    int i = 0;
                    while (keys.next()) {
                        own.put(pendingRefs.get(i++), keys.getLong(1));
                    }
                    if (i != pendingRefs.size()) {
                        throw new SQLException(
                                "The database returned " + i + " keys for " + pendingRefs.size() + " rows");
                    }
                }
                done += pendingRefs.size();
                pendingRefs.clear();
                monitor.progress(done, total, "Loading " + table.label().toLowerCase(java.util.Locale.ROOT));
            }

            void close() throws SQLException {
                insert.close();
            }
        }
    }

    private static final class WrappedSql extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SQLException sql;

        WrappedSql(SQLException sql) {
            super(sql);
            this.sql = sql;
        }
    }
}
