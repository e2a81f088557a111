package quant.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quant.core.io.OutputPath;
import quant.core.store.StoreException.Kind;

/**
 * Opening an H2 database file: the checks before anything is written (free, an H2 file, not of a newer
 * version), the backup before a migration, recovery after a crash ({@link CrashRebuild}), and H2's
 * errors in sentences. The file-only half of {@link Store}; {@link ServerDatabases} is the server's.
 */
final class H2Files {
    private static final Logger LOG = LoggerFactory.getLogger(H2Files.class);
    private static final String SUFFIX = ".mv.db";
    private static final byte[] H2_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);
    static final String READ_ONLY_COPY = "a copy of a database in use, or a file without write permission";

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

    private H2Files() {}

    static Store open(Path path, boolean create) {
        Path file = Store.normalise(path);
        refuseSemicolon(file);
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
                        return Store.ofFile(file, why, pool(file, true));
                    }
                    CrashRebuild.rebuild(file, pool);
                    pool = pool(file, false);
                    // the rebuilt file is read through every index before anyone works on it
                    IntegrityCheck check =
                            IntegrityCheck.run(Store.ofFile(file, null, pool), quant.core.job.JobMonitor.NONE);
                    if (!check.sound()) {
                        throw new StoreException(Kind.DAMAGED, check.verdict(file.toString()));
                    }
                }
            } else if (!StoreProbe.upToDate(pool, Store.Engine.H2)) {
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
        return Store.ofFile(file, fullDisk != null ? fullDisk : writable ? null : READ_ONLY_COPY, pool);
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
    static Store openReadOnlyCopy(Path path) {
        Path file = Store.normalise(path);
        refuseSemicolon(file);
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
            return Store.ofFile(copy, READ_ONLY_COPY, pool);
        } catch (IOException e) {
            throw new StoreException(Kind.IO, "Could not copy " + file + " to open it read-only: " + e.getMessage(), e);
        }
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
            pending = Migrations.flyway(ds, Store.Engine.H2).info().pending();
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

    private static void migrate(DataSource ds, Path file) {
        try {
            Migrations.flyway(ds, Store.Engine.H2).migrate();
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

    /** H2 reads a file's path inside a URL whose settings a semicolon separates: such a path cannot be opened. */
    private static void refuseSemicolon(Path file) {
        if (file.toString().indexOf(';') >= 0) {
            throw new StoreException(
                    Kind.REFUSED,
                    "The database file " + file + " has a semicolon in its path, which H2 cannot open; choose a"
                            + " name and folder without one.");
        }
    }

    /** H2's refusals of a change that say more than the rule broken, in a sentence; null for the others. */
    static StoreException refusal(String name, SQLException e) {
        int code = e.getErrorCode();
        if (code == ErrorCode.DATABASE_IS_READ_ONLY) {
            return new StoreException(Kind.READ_ONLY, name + " is read-only; nothing was changed.", e);
        }
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1 || code == ErrorCode.LOCK_TIMEOUT_1) {
            return new StoreException(Kind.LOCKED, name + " is busy with another change; nothing was changed.", e);
        }
        if (code == ErrorCode.OUT_OF_MEMORY || code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2) {
            return new StoreException(
                    Kind.IO,
                    "The database " + name + " could not be written (disk full or not writable); nothing was changed.",
                    e);
        }
        return null;
    }

    /**
     * Opens (or creates) the file and does {@code work} on it; when the file did not exist before and
     * the work fails, it is deleted with the files H2 keeps beside it, so a failed first import or load
     * leaves nothing behind.
     */
    static <T> T writeInto(Path file, StoreWork.Work<T> work) throws Exception {
        boolean existed = Files.exists(file);
        Store store = Store.open(file);
        try {
            T result = work.on(store);
            store.close();
            return result;
        } catch (Exception | Error e) {
            store.close();
            if (!existed) {
                for (OutputPath.Protected p : OutputPath.Protected.database(file)) {
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
}
