package quant.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import quant.core.io.OutputPath;
import quant.core.job.JobMonitor;
import quant.core.store.StoreException.Kind;
import quant.core.store.generated.Tables;

/**
 * The workbench's database: an H2 file ({@link H2Files}) or a database on a PostgreSQL server
 * ({@link ServerDatabases}), migrated by Flyway, queried through jOOQ in the engine's dialect.
 *
 * <p>Opening checks, before anything is written, that the database is free, is ours, and was not
 * written by a newer version of the app; each failure is a {@link StoreException} whose kind says
 * which way out to offer, and the database is left exactly as it was. What differs between the
 * engines sits behind this class: the write lock ({@link WriteGate}), recovery after a crash, the
 * consistent read of a snapshot, the signal that a colleague changed the data, and errors in words.
 */
public final class Store implements AutoCloseable {
    private static final String SUFFIX = ".mv.db";

    /** The database engine behind a store. */
    public enum Engine {
        /** An H2 file on this computer, one program at a time. */
        H2(SQLDialect.H2),
        /** A PostgreSQL server shared by a team. */
        POSTGRESQL(SQLDialect.POSTGRES);

        private final SQLDialect dialect;

        Engine(SQLDialect dialect) {
            this.dialect = dialect;
        }

        /** jOOQ's dialect for the engine. */
        public SQLDialect dialect() {
            return dialect;
        }
    }

    private final StoreLocation location;
    private final Engine engine;
    private final boolean readOnly;
    private final String readOnlyReason;
    private final DataSource pool;
    private final Runnable closePool;
    private final DSLContext dsl;
    private final WriteGate writeLock;
    private final Role role;
    private final ServerDatabases.Signal signal;

    Store(
            StoreLocation location,
            Engine engine,
            String readOnlyReason,
            DataSource pool,
            Runnable closePool,
            WriteGate writeLock,
            Role role,
            ServerDatabases.Signal signal) {
        this.location = location;
        this.engine = engine;
        this.readOnly = readOnlyReason != null;
        this.readOnlyReason = readOnlyReason;
        this.pool = pool;
        this.closePool = closePool;
        this.writeLock = writeLock;
        this.role = role;
        this.signal = signal;
        this.dsl = DSL.using(pool, engine.dialect(), JOOQ);
    }

    /** jOOQ's rendering: names as the engine folds them (H2 to upper case, PostgreSQL to lower case). */
    private static final Settings JOOQ =
            new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER).withRenderSchema(false);

    /** jOOQ on the caller's transaction {@code c}, in the dialect of its engine. */
    public static DSLContext dsl(Connection c) throws SQLException {
        return DSL.using(c, ServerDatabases.isServer(c) ? SQLDialect.POSTGRES : SQLDialect.H2, JOOQ);
    }

    /**
     * Opens (or creates) the database at {@code path} and brings its schema up to date; a database a
     * crash left in the middle of a run is first put back to the state before it ({@link CrashRebuild}).
     *
     * @param path the database file, with or without the {@code .mv.db} ending
     * @throws StoreException if the file is locked, damaged, foreign, or newer than this app
     */
    public static Store open(Path path) {
        return H2Files.open(path, true);
    }

    /**
     * Opens the database at {@code path}, which must exist: for commands that only read, where a
     * mistyped path must not create an empty database that looks like lost data.
     */
    public static Store openExisting(Path path) {
        return H2Files.open(path, false);
    }

    /** Opens (or creates) the database at {@code location}: an H2 file, or a database on a PostgreSQL server. */
    public static Store open(StoreLocation location) {
        return open(location, true);
    }

    /** Opens the database at {@code location}, which must exist ({@link #openExisting(Path)}). */
    public static Store openExisting(StoreLocation location) {
        return open(location, false);
    }

    private static Store open(StoreLocation location, boolean create) {
        return switch (location) {
            case StoreLocation.File f -> H2Files.open(f.path(), create);
            case StoreLocation.Server s -> ServerDatabases.open(s);
        };
    }

    /**
     * Opens a read-only copy of a database that another program holds open. The copy lives in a
     * temporary folder and is deleted when the app exits; the original file is never touched.
     */
    public static Store openReadOnlyCopy(Path path) {
        return H2Files.openReadOnlyCopy(path);
    }

    /**
     * A database another program holds, for reading: a read-only copy of a file; a server database is
     * shared and simply opened.
     */
    public static Store openReadOnlyCopy(StoreLocation location) {
        return switch (location) {
            case StoreLocation.File f -> H2Files.openReadOnlyCopy(f.path());
            case StoreLocation.Server s -> ServerDatabases.open(s);
        };
    }

    /** A store on an H2 file, open read-only for {@code readOnlyReason} unless it is null. */
    static Store ofFile(Path file, String readOnlyReason, JdbcConnectionPool pool) {
        return new Store(
                StoreLocation.of(file),
                Engine.H2,
                readOnlyReason,
                pool,
                pool::dispose,
                new WriteGate.Local(),
                Role.ADMIN,
                null);
    }

    /** The database file ({@code *.mv.db}) for a path given with or without that ending. */
    public static Path normalise(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        return name.endsWith(SUFFIX) ? abs : abs.resolveSibling(name + SUFFIX);
    }

    /**
     * Opens (or creates) the database at {@code path} and does {@code work} on it. When the database
     * did not exist before and the work fails, the new file is deleted with the files H2 keeps beside
     * it, so a failed first import or load leaves nothing behind, as its message says.
     */
    public static <T> T writeInto(Path path, StoreWork.Work<T> work) throws Exception {
        return writeInto(StoreLocation.of(path), work);
    }

    /** {@link #writeInto(Path, Work)} for any location; a server database is never deleted. */
    public static <T> T writeInto(StoreLocation location, StoreWork.Work<T> work) throws Exception {
        if (location instanceof StoreLocation.File f) {
            return H2Files.writeInto(f.path(), work);
        }
        try (Store store = open(location)) {
            return work.on(store);
        }
    }

    /** The connections, for work in this package that is not a transaction (a backup). */
    DataSource dataSource() {
        return pool;
    }

    /** Where the data are: the H2 file or the server database. */
    public StoreLocation location() {
        return location;
    }

    /** The engine holding the data. */
    public Engine engine() {
        return engine;
    }

    /** What the user may do here: on a server, their role; an H2 file's user may do everything. */
    public Role role() {
        return role;
    }

    /**
     * The database file.
     *
     * @throws IllegalStateException on a server database, which has no file (ask {@link #location()})
     */
    public Path file() {
        if (location instanceof StoreLocation.File f) {
            return f.path();
        }
        throw new IllegalStateException(location.describe() + " is on a server and has no file");
    }

    /**
     * Refuses, in one sentence, work that only an H2 file can have done.
     *
     * @param what what cannot be done, as the end of "… cannot be …"
     * @param instead what to do instead on a server
     * @throws StoreException (refused) on a server database
     */
    public void requireFile(String what, String instead) {
        if (location.isServer()) {
            throw new StoreException(
                    Kind.REFUSED,
                    location.describe() + " is on a server and cannot be " + what + " here; " + instead + ".");
        }
    }

    /**
     * {@code monitor}, also stopping a write when the disk under an H2 file runs low ({@link DiskGuard});
     * a server keeps its own disk.
     */
    public JobMonitor guarded(JobMonitor monitor) {
        return location instanceof StoreLocation.File f ? DiskGuard.around(monitor, f.path()) : monitor;
    }

    /** The files a command must not write its output over: the H2 file and its neighbours; none on a server. */
    public java.util.List<OutputPath.Protected> protectedFiles() {
        return location instanceof StoreLocation.File f ? OutputPath.Protected.database(f.path()) : java.util.List.of();
    }

    /**
     * Calls {@code listener} (on a background thread) when another program changes the data: on a
     * server, a colleague's import or undo; an H2 file has no other writer. Returns what stops it.
     */
    public AutoCloseable onChangeElsewhere(Runnable listener) {
        return signal == null ? () -> {} : signal.listen(listener);
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
                    role == Role.VIEWER ? Kind.DENIED : Kind.READ_ONLY,
                    location.name() + " is open read-only (" + readOnlyReason + "); it cannot be changed.");
        }
    }

    /** Why the database is open read-only, in words; null when it can be written. */
    public String readOnlyReason() {
        return readOnlyReason;
    }

    /**
     * Runs a repository's read on the pool; a failure is one sentence that names {@code what} was
     * being read, and the server's words when a server refused.
     */
    public <T> T read(String what, java.util.function.Function<DSLContext, T> query) {
        try {
            return query.apply(dsl);
        } catch (org.jooq.exception.DataAccessException e) {
            if (location instanceof StoreLocation.Server server && e.getCause() instanceof SQLException sql) {
                throw ServerDatabases.unreachable(server, sql);
            }
            throw new StoreException(Kind.IO, "Could not read " + what + ": " + e.getMessage(), e);
        }
    }

    /** jOOQ over the connection pool; for code inside core's store packages. */
    public DSLContext dsl() {
        return dsl;
    }

    /** The applied schema version, e.g. {@code "1"}. */
    public String schemaVersion() {
        MigrationInfo current = Migrations.flyway(pool, engine).info().current();
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
    public static void bumpDataVersion(Transaction tx) {
        try {
            bumpDataVersion(tx.connection());
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("Could not mark the data as changed", e);
        }
    }

    /** Bumps the data version inside the caller's transaction. */
    public static void bumpDataVersion(Connection tx) throws SQLException {
        try (var st = tx.prepareStatement(
                "UPDATE store_meta SET meta_value = CAST(CAST(meta_value AS BIGINT) + 1 AS VARCHAR) WHERE meta_key = 'data_version'")) {
            st.executeUpdate();
        }
        if (ServerDatabases.isServer(tx)) {
            ServerDatabases.announceChange(tx); // delivered to the colleagues' windows when this commits
        }
    }

    /**
     * The id column, named as the engine of {@code c} asks for the keys it generated: H2 by its
     * upper-case name, PostgreSQL by its lower-case one.
     */
    public static String[] idColumn(Connection c) throws SQLException {
        return new String[] {ServerDatabases.isServer(c) ? "id" : "ID"};
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
        return new StoreInfo(
                location.text(),
                engine.name().toLowerCase(java.util.Locale.ROOT),
                role.word(),
                schemaVersion(),
                dataVersion(),
                rowCounts());
    }

    /** {@link #inTransaction}, for work written with the repositories. */
    public <T> T transact(StoreWork.TransactionFunction<T> work) {
        return inTransaction(c -> work.apply(new Transaction(c)));
    }

    /** {@link #inTransactionWithIo}, handing the work a {@link Transaction} instead of a JDBC connection. */
    public <T> T write(StoreWork.TransactionalWork<T> work) throws IOException {
        return inTransactionWithIo(c -> work.run(new Transaction(c)));
    }

    /**
     * Runs {@code work} while no other writer of this store runs: imports, undos and loads are
     * serialised, which the crash journal relies on (no other run inserts above a running run's ids).
     */
    public <T, E extends Exception> T exclusively(StoreWork.Exclusive<T, E> work) throws E {
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
     * the work, when a writer (an import, an undo) is busy — and always on a server, where a reader
     * must not hold up a colleague's import: it reads in one repeatable-read transaction instead.
     */
    public <T, E extends Exception> Optional<T> whileNoWriter(StoreWork.Exclusive<T, E> work) throws E {
        if (engine != Engine.H2 || !writeLock.tryLock()) {
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
    public <T> T inTransaction(StoreWork.TransactionWork<T> work) {
        try {
            return inTransactionWithIo(work::run);
        } catch (IOException e) {
            throw new IllegalStateException("unreachable: the work reads no files", e);
        }
    }

    /** {@link #inTransaction}, for work that also reads or writes files: their errors pass through as they are. */
    public <T> T inTransactionWithIo(StoreWork.IoTransactionWork<T> work) throws IOException {
        checkWritable();
        if (location instanceof StoreLocation.File f) {
            DiskGuard.requireRoom(f.path());
        }
        writeLock.lock();
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(false); // a pooled connection may come back from a reader
            c.setAutoCommit(false);
            if (signal != null) {
                signal.sign(c); // so that this store's own changes are not announced back to it
            }
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw DatabaseErrors.refusal(location, e);
        } catch (org.jooq.exception.DataAccessException e) {
            // a repository's jOOQ statement: the same refusal in words as a plain statement's
            throw e.getCause() instanceof SQLException sql ? DatabaseErrors.refusal(location, sql) : e;
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

    /** A connection for reading; the caller closes it. */
    public Connection readConnection() {
        try {
            Connection c = pool.getConnection();
            c.setAutoCommit(true);
            c.setReadOnly(true);
            return c;
        } catch (SQLException e) {
            throw engine == Engine.H2
                    ? new StoreException(Kind.IO, "Could not read the database: " + e.getMessage(), e)
                    : ServerDatabases.unreachable((StoreLocation.Server) location, e);
        }
    }

    @Override
    public void close() {
        if (signal != null) {
            signal.close();
        }
        writeLock.close();
        // H2 closes the database when its last connection closes (DB_CLOSE_DELAY=0).
        closePool.run();
    }
}
