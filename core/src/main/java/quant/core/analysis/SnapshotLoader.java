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
 * with {@link java.util.concurrent.CancellationException} between chunks when cancelled.
 *
 * <p>A snapshot never mixes data from before and after a change committed meanwhile. When no writer
 * is busy, the loader holds the store's write lock (nothing commits while it reads) and reads the
 * jobs on a second connection while the customers, invoices and payments are read on the first;
 * when an import or undo is running, it reads every table in one repeatable-read transaction on one
 * connection instead of waiting for it.
 */
public final class SnapshotLoader {
    static final int CHUNK = 1 << 15;

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
        try {
            return store.whileNoWriter(() -> loadTwoConnections(monitor)).orElseGet(() -> loadOneTransaction(monitor));
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    private static StoreException unreadable(SQLException e) {
        return new StoreException(
                StoreException.Kind.IO, "Could not read the data for the analysis: " + e.getMessage(), e);
    }

    /** Row counts: they size the arrays and the progress bar (the arrays grow if rows were added since). */
    private record Counts(int customers, int jobs, int invoices, long total) {
        static Counts of(Connection c) throws SQLException {
            long customers = count(c, "customer");
            long jobs = count(c, "job");
            long invoices = count(c, "invoice");
            return new Counts(
                    (int) customers, (int) jobs, (int) invoices, customers + jobs + invoices + count(c, "payment"));
        }
    }

    /** Under the write lock: jobs on a second connection, the rest on the first. */
    private Snapshot loadTwoConnections(JobMonitor monitor) throws SQLException {
        try (Connection c = store.readConnection();
                Connection second = store.readConnection()) {
            Counts counts = Counts.of(c);
            // Each connection reads in a repeatable-read transaction: besides agreeing with each
            // other (nothing commits under the write lock), a transaction keeps the version it reads
            // from being dropped while its lazy cursor runs. Streamed outside one, a scan can fail
            // with "Chunk … not found" when H2 compacts the file in the background meanwhile.
            begin(c);
            begin(second);
            try {
                Progress progress = new Progress(monitor, counts.total());
                long version = dataVersion(c);
                Codes serviceLines = new Codes();
                long[] serviceLineIds = serviceLines(c, serviceLines);
                java.util.concurrent.ExecutorService pool =
                        java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                            Thread t = new Thread(r, "snapshot-jobs");
                            t.setDaemon(true);
                            return t;
                        });
                try {
                    java.util.concurrent.Future<JobsReader.JobRows> jobs =
                            pool.submit(() -> JobsReader.read(second, progress, counts.jobs(), serviceLineIds));
                    Snapshot.Customers customers;
                    Snapshot.Invoices invoices;
                    Operations operations;
                    Commercial commercial;
                    try {
                        customers = customers(c, progress, counts.customers());
                        invoices = invoices(c, progress, counts.invoices(), customers.id);
                        operations = OperationsReader.read(c, customers.id, serviceLines);
                        commercial = CommercialReader.read(c, customers.id);
                    } catch (RuntimeException | SQLException e) {
                        jobs.cancel(true);
                        progress.stop();
                        throw e;
                    }
                    return new Snapshot(
                            version,
                            customers,
                            joined(jobs).resolve(customers.id),
                            invoices,
                            serviceLines,
                            operations,
                            commercial);
                } finally {
                    pool.shutdownNow();
                }
            } finally {
                end(c);
                end(second);
            }
        }
    }

    /** Starts a lazy, repeatable-read, read-only transaction. */
    private static void begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        lazy(c, true);
    }

    /** Ends what {@link #begin} started; the connection goes back to the pool as it came. */
    private static void end(Connection c) throws SQLException {
        lazy(c, false);
        c.rollback();
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(true);
    }

    /** The jobs read on the second connection, or its failure as it was. */
    private static JobsReader.JobRows joined(java.util.concurrent.Future<JobsReader.JobRows> jobs) throws SQLException {
        try {
            return jobs.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("Interrupted while reading the jobs.");
        } catch (java.util.concurrent.ExecutionException e) {
            switch (e.getCause()) {
                case SQLException sql -> throw sql;
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** While a writer is busy: every table in one repeatable-read transaction, so all as of one moment. */
    private Snapshot loadOneTransaction(JobMonitor monitor) {
        try (Connection c = store.readConnection()) {
            // Counted before the transaction: inside a repeatable-read transaction H2 counts by
            // scanning the table, outside it reads the count it keeps.
            Counts counts = Counts.of(c);
            begin(c);
            try {
                long version = dataVersion(c);
                Progress progress = new Progress(monitor, counts.total());
                Codes serviceLines = new Codes();
                long[] serviceLineIds = serviceLines(c, serviceLines);
                Snapshot.Customers customers = customers(c, progress, counts.customers());
                Snapshot.Jobs jobs = JobsReader.read(c, progress, counts.jobs(), serviceLineIds)
                        .resolve(customers.id);
                Snapshot.Invoices invoices = invoices(c, progress, counts.invoices(), customers.id);
                Operations operations = OperationsReader.read(c, customers.id, serviceLines);
                Commercial commercial = CommercialReader.read(c, customers.id);
                return new Snapshot(version, customers, jobs, invoices, serviceLines, operations, commercial);
            } finally {
                end(c);
            }
        } catch (SQLException e) {
            throw unreadable(e);
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

    /** Progress of the tables read, from one or two threads; each reports every {@value #CHUNK} rows. */
    static final class Progress {
        private final JobMonitor monitor;
        private final long total;
        private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        private volatile boolean stopped;

        Progress(JobMonitor monitor, long total) {
            this.monitor = monitor;
            this.total = total;
        }

        /** Call once per row; {@code rows} is the caller's own count of rows so far. */
        void row(int rows, String stage) {
            if (rows % CHUNK == 0) {
                if (stopped) {
                    throw new java.util.concurrent.CancellationException("Stopped: the other table failed.");
                }
                monitor.checkCancelled();
                monitor.progress(done.addAndGet(CHUNK), total, stage);
            }
        }

        void stop() {
            stopped = true;
        }
    }

    private static long[] serviceLines(Connection c, Codes codes) throws SQLException {
        LongList ids = new LongList();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, code, name FROM service_line ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
                codes.label(codes.intern(rs.getString(2)), rs.getString(3));
            }
        }
        return ids.toArray();
    }

    private static Snapshot.Customers customers(Connection c, Progress progress, int n) throws SQLException {
        long[] id = new long[n];
        String[] name = new String[n];
        int[] segment = new int[n];
        int[] channel = new int[n];
        int[] city = new int[n];
        int[] acquired = new int[n];
        String[] phone = new String[n];
        String[] email = new String[n];
        Codes segments = new Codes();
        Codes channels = new Codes();
        Codes cities = new Codes();
        int i = 0;
        try (Statement st = c.createStatement()) {
            st.setFetchSize(CHUNK);
            try (ResultSet rs = st.executeQuery(
                    "SELECT id, name, segment, acquisition_channel, city, acquired_on, phone, email FROM customer"
                            + " ORDER BY id")) {
                while (rs.next()) {
                    if (i == id.length) {
                        int more = grown(i);
                        id = Arrays.copyOf(id, more);
                        name = Arrays.copyOf(name, more);
                        segment = Arrays.copyOf(segment, more);
                        channel = Arrays.copyOf(channel, more);
                        city = Arrays.copyOf(city, more);
                        acquired = Arrays.copyOf(acquired, more);
                        phone = Arrays.copyOf(phone, more);
                        email = Arrays.copyOf(email, more);
                    }
                    id[i] = rs.getLong(1);
                    name[i] = rs.getString(2);
                    segment[i] = segments.intern(rs.getString(3));
                    channel[i] = channels.intern(rs.getString(4));
                    city[i] = cities.intern(rs.getString(5));
                    acquired[i] = day(rs.getObject(6, LocalDate.class));
                    phone[i] = rs.getString(7);
                    email[i] = rs.getString(8);
                    i++;
                    progress.row(i, "Reading customers");
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
                cities,
                Arrays.copyOf(phone, i),
                Arrays.copyOf(email, i));
    }

    private static Snapshot.Invoices invoices(Connection c, Progress progress, int n, long[] customerIds)
            throws SQLException {
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
                while (rs.next()) {
                    if (i == id.length) {
                        int more = grown(i);
                        id = Arrays.copyOf(id, more);
                        customer = Arrays.copyOf(customer, more);
                        issued = Arrays.copyOf(issued, more);
                        due = Arrays.copyOf(due, more);
                        amount = Arrays.copyOf(amount, more);
                        status = Arrays.copyOf(status, more);
                    }
                    id[i] = rs.getLong(1);
                    customer[i] = Arrays.binarySearch(customerIds, rs.getLong(2));
                    issued[i] = day(rs.getObject(3, LocalDate.class));
                    due[i] = day(rs.getObject(4, LocalDate.class));
                    amount[i] = rs.getDouble(5);
                    status[i] = invoiceStatus(rs.getString(6));
                    i++;
                    progress.row(i, "Reading invoices");
                }
            }
        }
        id = Arrays.copyOf(id, i);
        double[] paid = new double[i];
        int[] lastPayment = new int[i];
        Arrays.fill(lastPayment, Snapshot.NO_DAY);
        int[] payInvoice = new int[i];
        int[] payDay = new int[i];
        double[] payAmount = new double[i];
        int paymentRows = 0;
        try (Statement st = c.createStatement()) {
            st.setFetchSize(CHUNK);
            try (ResultSet rs = st.executeQuery("SELECT invoice_id, paid_on, amount FROM payment")) {
                int payments = 0;
                while (rs.next()) {
                    int k = Arrays.binarySearch(id, rs.getLong(1));
                    if (k >= 0) {
                        int day = day(rs.getObject(2, LocalDate.class));
                        double paidAmount = rs.getDouble(3);
                        paid[k] += paidAmount;
                        lastPayment[k] = Math.max(lastPayment[k], day);
                        if (paymentRows == payInvoice.length) {
                            int more = grown(paymentRows);
                            payInvoice = Arrays.copyOf(payInvoice, more);
                            payDay = Arrays.copyOf(payDay, more);
                            payAmount = Arrays.copyOf(payAmount, more);
                        }
                        payInvoice[paymentRows] = k;
                        payDay[paymentRows] = day;
                        payAmount[paymentRows] = paidAmount;
                        paymentRows++;
                    }
                    progress.row(++payments, "Reading payments");
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
                lastPayment,
                new Snapshot.Payments(
                        Arrays.copyOf(payInvoice, paymentRows),
                        Arrays.copyOf(payDay, paymentRows),
                        Arrays.copyOf(payAmount, paymentRows)));
    }

    /** The next capacity of arrays that are full at {@code size} rows. */
    static int grown(int size) {
        return size + (size >> 1) + 1024;
    }

    static int day(LocalDate d) {
        return d == null ? Snapshot.NO_DAY : (int) d.toEpochDay();
    }

    static int day(LocalDateTime t) {
        return t == null ? Snapshot.NO_DAY : (int) t.toLocalDate().toEpochDay();
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
