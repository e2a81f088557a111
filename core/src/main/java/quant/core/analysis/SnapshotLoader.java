package quant.core.analysis;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import quant.core.job.JobMonitor;
import quant.core.store.Store;
import quant.core.store.StoreException;

/**
 * Loads a {@link Snapshot}: one streaming {@code SELECT} per table in id order, no joins and no
 * grouping in the database; references become row indexes by binary search over the referenced
 * table's ids, payments are summed onto their invoices here. Reports progress per table and stops
 * with {@link java.util.concurrent.CancellationException} between chunks when cancelled. All tables
 * are read in one repeatable-read transaction, so a snapshot never mixes data from before and after
 * a change committed meanwhile.
 */
public final class SnapshotLoader {
    private static final int CHUNK = 1 << 15;

    private final Store store;

    public SnapshotLoader(Store store) {
        this.store = store;
    }

    /**
     * Reads the tables.
     *
     * @throws StoreException when the database cannot be read
     */
    public Snapshot load(JobMonitor monitor) {
        try (Connection c = store.readConnection()) {
            // One transaction at repeatable read: every table as of the same moment, even when an
            // import commits while the snapshot loads.
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            lazy(c, true);
            try {
                long version = dataVersion(c);
                long total = count(c, "customer") + count(c, "job") + count(c, "invoice") + count(c, "payment");
                Progress progress = new Progress(monitor, total);
                Codes serviceLines = new Codes();
                long[] serviceLineIds = serviceLines(c, serviceLines);
                Snapshot.Customers customers = customers(c, progress);
                Snapshot.Jobs jobs = jobs(c, progress, customers.id, serviceLineIds);
                Snapshot.Invoices invoices = invoices(c, progress, customers.id);
                return new Snapshot(version, customers, jobs, invoices, serviceLines);
            } finally {
                lazy(c, false);
                c.rollback();
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException(
                    StoreException.Kind.IO, "Could not read the data for the analysis: " + e.getMessage(), e);
        }
    }

    /** Rows stream from H2 instead of being gathered into a temporary result first. */
    private static void lazy(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }

    private static long dataVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT meta_value FROM store_meta WHERE meta_key = 'data_version'")) {
            return rs.next() ? Long.parseLong(rs.getString(1)) : 0;
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static final class Progress {
        private final JobMonitor monitor;
        private final long total;
        private long done;

        Progress(JobMonitor monitor, long total) {
            this.monitor = monitor;
            this.total = total;
        }

        void row(String stage) {
            if (++done % CHUNK == 0) {
                monitor.checkCancelled();
                monitor.progress(done, total, stage);
            }
        }
    }

    private static long[] serviceLines(Connection c, Codes codes) throws SQLException {
        LongList ids = new LongList();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, code FROM service_line ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
                codes.intern(rs.getString(2));
            }
        }
        return ids.toArray();
    }

    private static Snapshot.Customers customers(Connection c, Progress progress) throws SQLException {
        int n = (int) count(c, "customer");
        long[] id = new long[n];
        String[] name = new String[n];
        int[] segment = new int[n];
        int[] channel = new int[n];
        int[] city = new int[n];
        int[] acquired = new int[n];
        Codes segments = new Codes();
        Codes channels = new Codes();
        Codes cities = new Codes();
        int i = 0;
        try (Statement st = c.createStatement()) {
            st.setFetchSize(CHUNK);
            try (ResultSet rs = st.executeQuery(
                    "SELECT id, name, segment, acquisition_channel, city, acquired_on FROM customer ORDER BY id")) {
                while (rs.next() && i < n) {
                    id[i] = rs.getLong(1);
                    name[i] = rs.getString(2);
                    segment[i] = segments.intern(rs.getString(3));
                    channel[i] = channels.intern(rs.getString(4));
                    city[i] = cities.intern(rs.getString(5));
                    acquired[i] = day(rs.getObject(6, LocalDate.class));
                    i++;
                    progress.row("Reading customers");
                }
            }
        }
        return new Snapshot.Customers(
                Arrays.copyOf(id, i),
                Arrays.copyOf(name, i),
                Arrays.copyOf(segment, i),
                Arrays.copyOf(channel, i),
                Arrays.copyOf(city, i),
                Arrays.copyOf(acquired, i),
                segments,
                channels,
                cities);
    }

    private static Snapshot.Jobs jobs(Connection c, Progress progress, long[] customerIds, long[] serviceLineIds)
            throws SQLException {
        int n = (int) count(c, "job");
        int[] customer = new int[n];
        int[] line = new int[n];
        byte[] status = new byte[n];
        int[] requested = new int[n];
        int[] completed = new int[n];
        double[] revenue = new double[n];
        double[] cost = new double[n];
        byte[] rating = new byte[n];
        boolean[] callback = new boolean[n];
        int i = 0;
        try (Statement st = c.createStatement()) {
            st.setFetchSize(CHUNK);
            try (ResultSet rs = st.executeQuery("SELECT customer_id, service_line_id, status, requested_at,"
                    + " completed_at, revenue, labour_cost, material_cost, equipment_cost, rating,"
                    + " callback_of_job_id FROM job ORDER BY id")) {
                while (rs.next() && i < n) {
                    customer[i] = Arrays.binarySearch(customerIds, rs.getLong(1));
                    line[i] = Arrays.binarySearch(serviceLineIds, rs.getLong(2));
                    status[i] = jobStatus(rs.getString(3));
                    requested[i] = day(rs.getObject(4, LocalDateTime.class));
                    completed[i] = day(rs.getObject(5, LocalDateTime.class));
                    revenue[i] = rs.getDouble(6);
                    cost[i] = rs.getDouble(7) + rs.getDouble(8) + rs.getDouble(9);
                    rating[i] = (byte) rs.getInt(10);
                    rs.getLong(11);
                    callback[i] = !rs.wasNull();
                    i++;
                    progress.row("Reading jobs");
                }
            }
        }
        return new Snapshot.Jobs(
                Arrays.copyOf(customer, i),
                Arrays.copyOf(line, i),
                Arrays.copyOf(status, i),
                Arrays.copyOf(requested, i),
                Arrays.copyOf(completed, i),
                Arrays.copyOf(revenue, i),
                Arrays.copyOf(cost, i),
                Arrays.copyOf(rating, i),
                Arrays.copyOf(callback, i));
    }

    private static Snapshot.Invoices invoices(Connection c, Progress progress, long[] customerIds) throws SQLException {
        int n = (int) count(c, "invoice");
        long[] id = new long[n];
        int[] customer = new int[n];
        int[] issued = new int[n];
        int[] due = new int[n];
        double[] amount = new double[n];
        byte[] status = new byte[n];
        int i = 0;
        try (Statement st = c.createStatement()) {
            st.setFetchSize(CHUNK);
            try (ResultSet rs = st.executeQuery(
                    "SELECT id, customer_id, issued_on, due_on, amount, status FROM invoice ORDER BY id")) {
                while (rs.next() && i < n) {
                    id[i] = rs.getLong(1);
                    customer[i] = Arrays.binarySearch(customerIds, rs.getLong(2));
                    issued[i] = day(rs.getObject(3, LocalDate.class));
                    due[i] = day(rs.getObject(4, LocalDate.class));
                    amount[i] = rs.getDouble(5);
                    status[i] = invoiceStatus(rs.getString(6));
                    i++;
                    progress.row("Reading invoices");
                }
            }
        }
        id = Arrays.copyOf(id, i);
        double[] paid = new double[i];
        int[] lastPayment = new int[i];
        Arrays.fill(lastPayment, Snapshot.NO_DAY);
        try (Statement st = c.createStatement()) {
            st.setFetchSize(CHUNK);
            try (ResultSet rs = st.executeQuery("SELECT invoice_id, paid_on, amount FROM payment")) {
                while (rs.next()) {
                    int k = Arrays.binarySearch(id, rs.getLong(1));
                    if (k >= 0) {
                        paid[k] += rs.getDouble(3);
                        lastPayment[k] = Math.max(lastPayment[k], day(rs.getObject(2, LocalDate.class)));
                    }
                    progress.row("Reading payments");
                }
            }
        }
        return new Snapshot.Invoices(
                Arrays.copyOf(customer, i),
                Arrays.copyOf(issued, i),
                Arrays.copyOf(due, i),
                Arrays.copyOf(amount, i),
                Arrays.copyOf(status, i),
                paid,
                lastPayment);
    }

    private static int day(LocalDate d) {
        return d == null ? Snapshot.NO_DAY : (int) d.toEpochDay();
    }

    private static int day(LocalDateTime t) {
        return t == null ? Snapshot.NO_DAY : (int) t.toLocalDate().toEpochDay();
    }

    private static byte jobStatus(String s) {
        return switch (s) {
            case "completed" -> Snapshot.Jobs.COMPLETED;
            case "cancelled" -> Snapshot.Jobs.CANCELLED;
            default -> Snapshot.Jobs.SCHEDULED;
        };
    }

    private static byte invoiceStatus(String s) {
        return switch (s) {
            case "paid" -> Snapshot.Invoices.PAID;
            case "disputed" -> Snapshot.Invoices.DISPUTED;
            case "void" -> Snapshot.Invoices.VOID;
            default -> Snapshot.Invoices.OPEN;
        };
    }

    /** A growable list of longs. */
    private static final class LongList {
        private long[] values = new long[16];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
