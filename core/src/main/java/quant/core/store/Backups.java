package quant.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import quant.core.io.OutputPath;
import quant.core.job.JobMonitor;
import quant.core.store.StoreException.Kind;

/**
 * Backups of a database: a zip made by H2's {@code BACKUP TO} while the database is open (consistent
 * without stopping work), written beside its target and moved into place. By default they go to
 * {@code backups/} in the data folder, named after the database and the time, and only the newest
 * {@code keep} of a database are kept. One is taken before a migration changes a database that holds
 * data, and before a restore replaces one.
 *
 * <p>A restore checks the backup before it touches anything: it must hold one H2 database, not from a
 * newer version of the workbench, that opens and passes {@link IntegrityCheck}; only then is the
 * current file (backed up first) replaced in one step.
 */
public final class Backups {
    /** How many backups of a database are kept unless the user says otherwise. */
    public static final int KEEP = 5;

    /** The largest database a restore unpacks, against a zip that expands without end. */
    static final long MAX_BYTES = 64L << 30;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Backups() {}

    /** The folder backups go to by default. */
    public static Path folder() {
        return DataFolder.get().resolve("backups");
    }

    /** A new backup's default path for {@code dbFile}: {@code backups/NAME-20261204-231500[-why].zip}. */
    public static Path defaultTarget(Path dbFile, String why) {
        return folder().resolve(base(dbFile) + "-" + LocalDateTime.now().format(STAMP) + (why == null ? "" : "-" + why)
                + ".zip");
    }

    private static String base(Path dbFile) {
        String name = dbFile.getFileName().toString();
        return name.endsWith(".mv.db") ? name.substring(0, name.length() - ".mv.db".length()) : name;
    }

    /** Backs up the open {@code store} to {@code target}; keeps the newest {@code keep} in a default folder. */
    public static Path backup(Store store, Path target, int keep) {
        store.requireFile(
                "backed up to a zip",
                "back it up with the server's own tools (pg_dump), or copy it to a file"
                        + " with quant db copy --to FILE");
        return backup(store.file(), store.dataSource(), target, keep);
    }

    static Path backup(Path dbFile, DataSource ds, Path target, int keep) {
        Path to = OutputPath.check(target, "The backup", OutputPath.Protected.database(dbFile));
        Path temp = to.resolveSibling("." + to.getFileName() + ".part");
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            Files.deleteIfExists(temp);
            st.execute("BACKUP TO '" + temp.toString().replace("'", "''") + "'");
            move(temp, to);
        } catch (SQLException e) {
            deleteQuietly(temp);
            throw H2Files.translate(dbFile, e);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StoreException(Kind.IO, "The backup " + to + " could not be written: " + e.getMessage() + ".", e);
        }
        if (to.getParent().equals(folder().toAbsolutePath().normalize())
                || to.getParent().equals(folder())) {
            rotate(to.getParent(), base(dbFile), keep);
        }
        return to;
    }

    /**
     * The rotation set for the database behind {@code ds} (the business setting {@code backups.keep}),
     * read directly because a database about to be migrated may not read as settings yet; else {@link #KEEP}.
     */
    static int keep(DataSource ds) {
        try (Connection c = ds.getConnection();
                var st = c.prepareStatement(
                        "SELECT setting_value FROM business_setting WHERE setting_key = 'backups.keep'")) {
            try (var rs = st.executeQuery()) {
                return rs.next() ? Math.max(1, Integer.parseInt(rs.getString(1).strip())) : KEEP;
            }
        } catch (SQLException | RuntimeException e) {
            return KEEP;
        }
    }

    /** Creates the default folder when it is missing. */
    public static void ensureFolder() {
        try {
            Files.createDirectories(folder());
        } catch (IOException e) {
            throw new StoreException(
                    Kind.IO, "The backup folder " + folder() + " cannot be created: " + e.getMessage() + ".", e);
        }
    }

    /** Deletes all but the newest {@code keep} backups of the database named {@code base} in {@code dir}. */
    static void rotate(Path dir, String base, int keep) {
        try (var files = Files.list(dir)) {
            List<Path> mine = files.filter(p -> {
                        String n = p.getFileName().toString();
                        return n.startsWith(base + "-") && n.endsWith(".zip") && n.length() >= base.length() + 20;
                    })
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                            .reversed())
                    .toList();
            for (Path old : mine.subList(Math.min(keep, mine.size()), mine.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            // an old backup left in place costs disk space, not data
        }
    }

    /**
     * Replaces the database at {@code dbFile} by the one in {@code zip}, after checking it; the current
     * file, when there is one, is backed up first.
     *
     * @return the check of the restored database
     * @throws StoreException with one sentence when the backup is not usable or the database is in use
     */
    public static IntegrityCheck restore(Path zip, Path dbFile, JobMonitor monitor) {
        Path target = Store.normalise(dbFile);
        Path staged = target.resolveSibling("." + base(target) + ".restore.mv.db");
        try {
            Passphrases.same(staged, target);
            unpack(zip, staged);
            IntegrityCheck check;
            try (Store restored = Store.openExisting(staged)) {
                check = IntegrityCheck.run(restored, monitor);
            } catch (StoreException e) {
                throw new StoreException(
                        e.kind(),
                        "The backup " + zip.getFileName() + " cannot be restored: "
                                + e.getMessage().replace(staged.toString(), "its database") + " Nothing was changed.",
                        e);
            }
            if (!check.sound()) {
                throw new StoreException(
                        Kind.DAMAGED,
                        "The backup " + zip.getFileName() + " holds a damaged database ("
                                + check.problems().getFirst() + "); nothing was restored.");
            }
            if (Files.exists(target)) {
                // takes H2's lock: a database open in a window or another command is refused here
                try (Store current = Store.openExisting(target)) {
                    ensureFolder();
                    backup(current, defaultTarget(target, "before-restore"), KEEP);
                }
            }
            move(staged, target);
            return check;
        } catch (IOException e) {
            throw new StoreException(
                    Kind.IO,
                    "The backup " + zip + " could not be restored: " + e.getMessage() + "; nothing was changed.",
                    e);
        } finally {
            deleteQuietly(staged);
        }
    }

    /** Writes the one database in {@code zip} to {@code staged}. */
    private static void unpack(Path zip, Path staged) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new StoreException(Kind.NOT_FOUND, "There is no backup file " + zip + ".");
        }
        Files.deleteIfExists(staged);
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isDirectory() || !e.getName().endsWith(".mv.db")) {
                    continue;
                }
                if (found) {
                    throw new StoreException(
                            Kind.DAMAGED,
                            "The backup " + zip.getFileName() + " holds more than one database; nothing"
                                    + " was restored.");
                }
                found = true;
                copyBounded(in, staged);
            }
        } catch (java.util.zip.ZipException e) {
            throw new StoreException(
                    Kind.DAMAGED,
                    zip.getFileName() + " is not a backup (not a readable zip file); nothing was restored.");
        }
        if (!found) {
            throw new StoreException(
                    Kind.DAMAGED,
                    zip.getFileName() + " is not a backup of a Quant Workbench database (it holds no"
                            + " database file); nothing was restored.");
        }
    }

    private static void copyBounded(InputStream in, Path to) throws IOException {
        try (var out = Files.newOutputStream(to)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                total += n;
                if (total > MAX_BYTES) {
                    throw new StoreException(
                            Kind.DAMAGED,
                            "The backup expands beyond " + DiskGuard.megabytes(MAX_BYTES) + "; nothing was restored.");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary file is removed the next time
        }
    }
}
