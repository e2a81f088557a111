package quant.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quant.core.io.OutputPath;
import quant.core.io.OutputPath.Protected;
import quant.core.store.StoreException.Kind;
import quant.core.store.generated.Tables;

/**
 * The workbench's database: one H2 file, migrated by Flyway, queried through jOOQ.
 *
 * <p>Opening checks, before anything is written, that the file is free, is an H2 database, and was
 * not written by a newer version of the app; each failure is a {@link StoreException} whose kind
 * says which way out to offer, and the file is left byte for byte as it was.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    private static final String SUFFIX = ".mv.db";
    private static final byte[] H2_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final boolean readOnly;
    private final String readOnlyReason;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final ReentrantLock writeLock = new ReentrantLock();

    static {
        // H2 keeps recently read values in a cache to share equal ones. A workbench that streams
        // millions of rows into its own columns gains nothing from it and pays a third of the time
        // of a snapshot load (measured on a million jobs: 22 s with it, 15 s without, before the
        // snapshot's other fixes). Set before H2 reads its system properties; a -D on the command
        // line wins.
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    private Store(Path file, boolean readOnly, JdbcConnectionPool pool) {
        this(file, readOnly ? "a copy of a database in use, or a file without write permission" : null, pool);
    }

    private Store(Path file, String readOnlyReason, JdbcConnectionPool pool) {
        this.file = file;
        this.readOnly = readOnlyReason != null;
        this.readOnlyReason = readOnlyReason;
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.H2);
    }

    /**
     * Opens (or creates) the database at {@code path} and brings its schema up to date; a database a
     * crash left in the middle of a run is first put back to the state before it ({@link CrashRebuild}).
     *
     * @param path the database file, with or without the {@code .mv.db} ending
     * @throws StoreException if the file is locked, damaged, foreign, or newer than this app
     */
    public static Store open(Path path) {
        return open(path, true);
    }

    /**
     * Opens the database at {@code path}, which must exist: for commands that only read, where a
     * mistyped path must not create an empty database that looks like lost data.
     */
    public static Store openExisting(Path path) {
        return open(path, false);
    }

    private static Store open(Path path, boolean create) {
        Path file = normalise(path);
        boolean exists = Files.exists(file);
        if (!exists && !create) {
            throw new StoreException(
                    Kind.MISSING,
                    "There is no database at " + file + "; check the path (or import into it to create one).");
        }
        boolean writable = true;
        if (exists) {
            checkHeader(file);
            StoreProbe.check(file);
            writable = Files.isWritable(file) && Files.isWritable(file.getParent());
        } else {
            createParent(file);
            if (!writableFolder(file.getParent())) {
                throw new StoreException(
                        Kind.IO,
                        "The folder " + file.getParent() + " cannot be written (it is read-only or not yours), so no"
                                + " database can be created there; choose another folder.");
            }
            long free = DiskGuard.free(file);
            if (free >= 0 && free < DiskGuard.RESERVE) {
                throw new StoreException(
                        Kind.IO,
                        "The disk holding " + file.getParent() + " is full or nearly so (" + DiskGuard.megabytes(free)
                                + " free); a new database needs at least " + DiskGuard.megabytes(DiskGuard.RESERVE)
                                + ". Free some space or choose another folder; nothing was created.");
            }
        }
        String fullDisk = null;
        if (exists && writable) {
            long free = DiskGuard.free(file);
            if (free >= 0 && free < DiskGuard.RESERVE / 2) {
                // H2 writes as it opens; on a full disk the data are still read, read-only
                writable = false;
                fullDisk = "its disk is full, " + DiskGuard.megabytes(free) + " free: free some space to change it";
            }
        }
        JdbcConnectionPool pool = pool(file, !writable);
        try {
            if (writable) {
                if (exists) {
                    backupBeforeMigration(pool, file);
                }
                migrate(pool, file);
                if (crashed(pool, file)) {
                    long need = CrashRebuild.spaceNeeded(file);
                    long free = DiskGuard.free(file);
                    if (free >= 0 && free < need) {
                        // the data are not locked away: they open as the crash left them, read-only
                        pool.dispose();
                        String why = file + " was left unfinished by a crash; putting it back needs about "
                                + DiskGuard.megabytes(need) + " free and the disk has " + DiskGuard.megabytes(free)
                                + ", so it is open read-only as the crash left it: free some space and open it again";
                        LOG.warn(why);
                        return new Store(file, why, pool(file, true));
                    }
                    CrashRebuild.rebuild(file, pool);
                    pool = pool(file, false);
                    // the rebuilt file is read through every index before anyone works on it
                    IntegrityCheck check =
                            IntegrityCheck.run(new Store(file, false, pool), quant.core.job.JobMonitor.NONE);
                    if (!check.sound()) {
                        throw new StoreException(Kind.DAMAGED, check.verdict(file.toString()));
                    }
                }
            } else if (!StoreProbe.upToDate(pool)) {
                throw new StoreException(
                        Kind.READ_ONLY,
                        file + " cannot be written (" + (fullDisk != null ? fullDisk : "no permission")
                                + ") and needs an update of its tables first; make room or allow writing, and open it"
                                + " again.");
            }
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return fullDisk != null ? new Store(file, fullDisk, pool) : new Store(file, !writable, pool);
    }

    private static boolean crashed(JdbcConnectionPool pool, Path file) {
        try {
            return CrashRebuild.needed(pool);
        } catch (SQLException e) {
            throw translate(file, e);
        }
    }

    /**
     * Opens a read-only copy of a database that another program holds open. The copy lives in a
     * temporary folder and is deleted when the app exits; the original file is never touched.
     */
    public static Store openReadOnlyCopy(Path path) {
        Path file = normalise(path);
        try {
            Path dir = Files.createTempDirectory("quant-readonly");
            Path copy = dir.resolve(file.getFileName());
            Files.copy(file, copy);
            Passphrases.same(copy, file);
            copy.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            checkHeader(copy);
            StoreProbe.check(copy);
            JdbcConnectionPool pool = pool(copy, true);
            return new Store(copy, true, pool);
        } catch (IOException e) {
            throw new StoreException(Kind.IO, "Could not copy " + file + " to open it read-only: " + e.getMessage(), e);
        }
    }

    /** The database file ({@code *.mv.db}) for a path given with or without that ending. */
    public static Path normalise(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        return name.endsWith(SUFFIX) ? abs : abs.resolveSibling(name + SUFFIX);
    }

    /** The connections to {@code file}, with its passphrase when one was given ({@link Passphrases}). */
    static JdbcConnectionPool pool(Path file, boolean readOnly) {
        return JdbcConnectionPool.create(url(file, readOnly), "sa", Passphrases.password(file));
    }

    static String url(Path file, boolean readOnly) {
        String base = file.toString();
        base = base.substring(0, base.length() - SUFFIX.length());
        // no trace file beside the user's database: H2 prints a stack trace when it cannot write one
        return "jdbc:h2:file:" + base + ";TRACE_LEVEL_FILE=0" + Passphrases.cipher(file)
                + (readOnly ? ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE" : "");
    }

    /** Work on an open store that may fail with an exception. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Store store) throws Exception;
    }

    /**
     * Opens (or creates) the database at {@code path} and does {@code work} on it. When the database
     * did not exist before and the work fails, the new file is deleted with the files H2 keeps beside
     * it, so a failed first import or load leaves nothing behind, as its message says.
     */
    public static <T> T writeInto(Path path, Work<T> work) throws Exception {
        Path file = normalise(path);
        boolean existed = Files.exists(file);
        Store store = open(file);
        try {
            T result = work.on(store);
            store.close();
            return result;
        } catch (Exception | Error e) {
            store.close();
            if (!existed) {
                for (Protected p : OutputPath.Protected.database(file)) {
                    try {
                        Files.deleteIfExists(p.path());
                    } catch (IOException gone) {
                        e.addSuppressed(gone);
                    }
                }
            }
            throw e;
        }
    }

    /** Whether a file can be created in {@code folder}: tried, since permissions do not tell a read-only disk. */
    private static boolean writableFolder(Path folder) {
        try {
            Path probe = Files.createTempFile(folder, ".quant-probe", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void createParent(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StoreException(
                    Kind.IO, "Could not create the folder " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);

    private static void checkHeader(Path file) {
        if (!Files.isRegularFile(file)) {
            // a folder, a device or a pipe: reading one could block or never end
            throw new StoreException(
                    Kind.DAMAGED,
                    file + " is " + quant.core.io.OutputPath.kind(file)
                            + ", not a Quant Workbench database file; it was left as it is.");
        }
        byte[] head = new byte[H2_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StoreException(Kind.IO, "Could not read " + file + ": " + e.getMessage(), e);
        }
        if (read >= 0 && startsWith(file, ENCRYPTED_HEADER)) {
            if (!Passphrases.given(file)) {
                throw new StoreException(
                        Kind.ENCRYPTED,
                        file + " is encrypted: give its passphrase (in the window when asked; on the command line"
                                + " with --passphrase-file FILE or the QUANT_PASSPHRASE environment variable).");
            }
            return;
        }
        if (Passphrases.given(file) && read == head.length && Arrays.equals(head, H2_HEADER)) {
            // a passphrase given for a file that is not encrypted (one set for every database): opened as it is
            Passphrases.forget(file);
        }
        if (read < head.length || !Arrays.equals(head, H2_HEADER)) {
            throw new StoreException(
                    Kind.DAMAGED,
                    file + " is not a Quant Workbench database (it is not an H2 database file); it was left as it is.");
        }
    }

    /** Whether {@code file} begins with {@code prefix}. */
    private static boolean startsWith(Path file, byte[] prefix) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(prefix.length), prefix);
        } catch (IOException e) {
            return false;
        }
    }

    static StoreException translate(Path file, SQLException e) {
        SQLException first = e;
        int code = first.getErrorCode();
        if (Passphrases.given(file)
                && (code == ErrorCode.FILE_ENCRYPTION_ERROR_1
                        || code == ErrorCode.WRONG_USER_OR_PASSWORD
                        || String.valueOf(e.getMessage()).contains("Wrong password"))) {
            return new StoreException(Kind.ENCRYPTED, "The passphrase given does not open " + file + ".", e);
        }
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1 || code == ErrorCode.LOCK_TIMEOUT_1) {
            return new StoreException(
                    Kind.LOCKED,
                    file + " is already open in another Quant Workbench window or program; H2 cannot share it.",
                    e);
        }
        if (code == ErrorCode.FILE_CORRUPTED_1
                || code == ErrorCode.FILE_VERSION_ERROR_1
                || code == ErrorCode.FILE_ENCRYPTION_ERROR_1
                || code == ErrorCode.GENERAL_ERROR_1) {
            return new StoreException(
                    Kind.DAMAGED, file + " is damaged and cannot be opened; it was left as it is.", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device")) {
                return new StoreException(
                        Kind.IO,
                        "The disk holding " + file + " is full; free some space and try again (the database is as"
                                + " it was before this command).",
                        e);
            }
            if (m.contains("Read-only file system")) {
                return new StoreException(
                        Kind.IO, "The database " + file + " is on a read-only disk, so it cannot be written.", e);
            }
        }
        // H2's own words without its error code ("[90028-252]")
        String words = String.valueOf(e.getMessage())
                .replaceAll("\\s*\\[\\d+-\\d+]", "")
                .replaceAll("\\s+", " ")
                .strip();
        return new StoreException(
                Kind.IO, "The database " + file + " could not be opened (" + words.replaceAll("\\.$", "") + ").", e);
    }

    /** Backs up a database a migration is about to change ({@link Backups}); a new or current one is left alone. */
    private static void backupBeforeMigration(DataSource ds, Path file) {
        MigrationInfo[] pending;
        try {
            pending = flyway(ds).info().pending();
        } catch (FlywayException e) {
            return; // migrate() says what is wrong with the history
        }
        if (pending.length == 0) {
            return;
        }
        Backups.ensureFolder();
        Path to = Backups.backup(
                file,
                ds,
                Backups.defaultTarget(file, "before-v" + pending[pending.length - 1].getVersion()),
                Backups.keep(ds));
        LOG.info("Backed up {} to {} before bringing its tables up to date", file, to);
    }

    /** The connections, for work in this package that is not a transaction (a backup). */
    DataSource dataSource() {
        return pool;
    }

    static Flyway flyway(DataSource ds) {
        return Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .ignoreMigrationPatterns("*:future")
                .load();
    }

    private static void migrate(DataSource ds, Path file) {
        try {
            flyway(ds).migrate();
        } catch (FlywayException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw translate(file, sql);
            }
            LOG.error("Migration of {} failed", file, e);
            throw new StoreException(
                    Kind.DAMAGED,
                    file + " is an H2 database but its tables could not be brought up to date; it was left as it is"
                            + " (details in the log).",
                    e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Whether this is a read-only copy of a database held by another program. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Refuses a change to a database open read-only, saying why it is.
     *
     * @throws StoreException (read-only) when it is
     */
    public void checkWritable() {
        if (readOnly) {
            throw new StoreException(
                    Kind.READ_ONLY,
                    file.getFileName() + " is open read-only (" + readOnlyReason + "); it cannot be changed.");
        }
    }

    /** Why the database is open read-only, in words; null when it can be written. */
    public String readOnlyReason() {
        return readOnlyReason;
    }

    /** jOOQ over the connection pool; for code inside core's store packages. */
    public DSLContext dsl() {
        return dsl;
    }

    /** The applied schema version, e.g. {@code "1"}. */
    public String schemaVersion() {
        MigrationInfo current = flyway(pool).info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    /** A counter bumped by every change of the data (import, undo, edit); analyses cache by it. */
    public long dataVersion() {
        String v = dsl.select(Tables.STORE_META.META_VALUE)
                .from(Tables.STORE_META)
                .where(Tables.STORE_META.META_KEY.eq("data_version"))
                .fetchOne(Tables.STORE_META.META_VALUE);
        return v == null ? 0 : Long.parseLong(v);
    }

    /** Bumps the data version inside the caller's transaction. */
    public static void bumpDataVersion(Connection tx) throws SQLException {
        try (var st = tx.prepareStatement(
                "UPDATE store_meta SET meta_value = CAST(CAST(meta_value AS BIGINT) + 1 AS VARCHAR) WHERE meta_key = 'data_version'")) {
            st.executeUpdate();
        }
    }

    /** Row counts of every domain table, in {@link DomainTable} order. */
    public Map<DomainTable, Long> rowCounts() {
        Map<DomainTable, Long> counts = new LinkedHashMap<>();
        for (DomainTable t : DomainTable.values()) {
            counts.put(t, (long) dsl.fetchCount(t.table()));
        }
        return counts;
    }

    /** Whether the database holds no data ({@link #noData}). */
    public boolean isEmpty() {
        return noData(rowCounts());
    }

    /**
     * Whether {@code counts} show no data: every domain table empty but the import audit, whose runs
     * may have written nothing (a cancelled, aborted or interrupted first load must not make a
     * database count as holding data, or the sample could never be loaded into it again).
     */
    public static boolean noData(Map<DomainTable, Long> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey() != DomainTable.IMPORT_RUN)
                .allMatch(e -> e.getValue() == 0);
    }

    /** A summary for {@code quant info}. */
    public StoreInfo info() {
        return new StoreInfo(file, schemaVersion(), dataVersion(), rowCounts());
    }

    /** Work that runs in one transaction on a plain JDBC connection. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work in one transaction that also reads or writes files. */
    @FunctionalInterface
    public interface IoTransactionWork<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    /** Work in one transaction, for code outside core that writes through core's writers. */
    @FunctionalInterface
    public interface TransactionalWork<T> {
        T run(Transaction tx) throws IOException;
    }

    /** {@link #inTransactionWithIo}, handing the work a {@link Transaction} instead of a JDBC connection. */
    public <T> T write(TransactionalWork<T> work) throws IOException {
        return inTransactionWithIo(c -> work.run(new Transaction(c)));
    }

    /** Work done while holding the store's write lock. */
    @FunctionalInterface
    public interface Exclusive<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code work} while no other writer of this store runs: imports, undos and loads are
     * serialised, which the crash journal relies on (no other run inserts above a running run's ids).
     */
    public <T, E extends Exception> T exclusively(Exclusive<T, E> work) throws E {
        writeLock.lock();
        try {
            return work.run();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs {@code work} while holding the write lock, if no writer holds it now: nothing can commit
     * while it runs, so reads on several connections see one state. Returns empty, without running
     * the work, when a writer (an import, an undo) is busy.
     */
    public <T, E extends Exception> Optional<T> whileNoWriter(Exclusive<T, E> work) throws E {
        if (!writeLock.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.run());
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs {@code work} in one transaction: it commits when the work returns and rolls back when it
     * throws, so a failed or cancelled write leaves the database exactly as it was.
     *
     * @throws StoreException with one sentence when the database refuses the work
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        try {
            return inTransactionWithIo(work::run);
        } catch (IOException e) {
            throw new IllegalStateException("unreachable: the work reads no files", e);
        }
    }

    /** {@link #inTransaction}, for work that also reads or writes files: their errors pass through as they are. */
    public <T> T inTransactionWithIo(IoTransactionWork<T> work) throws IOException {
        checkWritable();
        DiskGuard.requireRoom(file);
        writeLock.lock();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw refusal(e);
        } finally {
            writeLock.unlock();
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** A database refusal in one sentence: the rule or condition in words, never the SQL. */
    private StoreException refusal(SQLException e) {
        LOG.warn("The database refused a change", e);
        int code = e.getErrorCode();
        if (code == ErrorCode.DATABASE_IS_READ_ONLY) {
            return new StoreException(Kind.READ_ONLY, file.getFileName() + " is read-only; nothing was changed.", e);
        }
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1 || code == ErrorCode.LOCK_TIMEOUT_1) {
            return new StoreException(
                    Kind.LOCKED, file.getFileName() + " is busy with another change; nothing was changed.", e);
        }
        if (code == ErrorCode.OUT_OF_MEMORY || code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2) {
            return new StoreException(
                    Kind.IO,
                    "The database " + file.getFileName() + " could not be written (disk full or not writable);"
                            + " nothing was changed.",
                    e);
        }
        return new StoreException(
                Kind.REJECTED,
                "The database refused the change (" + DatabaseErrors.inWords(e) + "); nothing was changed.",
                e);
    }

    /** A connection for reading; the caller closes it. */
    public Connection readConnection() {
        try {
            Connection c = pool.getConnection();
            c.setReadOnly(true);
            return c;
        } catch (SQLException e) {
            throw new StoreException(Kind.IO, "Could not read the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // H2 closes the database when its last connection closes (DB_CLOSE_DELAY=0).
        pool.dispose();
    }
}
