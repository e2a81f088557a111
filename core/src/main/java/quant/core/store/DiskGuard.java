package quant.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import quant.core.job.JobMonitor;

/**
 * Stops a write before the disk under the database is full. H2 does not end cleanly on a full disk:
 * its store stops and its rollback waits for space that never comes, so the command hangs and the
 * next open has to rebuild the file. A guarded write checks the free space before it starts and again
 * at each of its cancellation points (at most every {@value #CHECK_EVERY_MS} ms); when less than
 * {@link #RESERVE} bytes are left it fails with one sentence, and the transaction rolls back while
 * there is still room to do so.
 */
public final class DiskGuard implements JobMonitor {
    /** The free space a write keeps in hand: enough for H2 to roll back and close cleanly. */
    public static final long RESERVE = 16L << 20;

    static final long CHECK_EVERY_MS = 200;

    private final JobMonitor inner;
    private final Path file;
    private final long reserve;
    private long lastCheck;

    private DiskGuard(JobMonitor inner, Path file, long reserve) {
        this.inner = inner;
        this.file = file;
        this.reserve = reserve;
    }

    /**
     * {@code monitor}, also stopping the work when the disk holding {@code databaseFile} runs low.
     *
     * @throws StoreException (input/output) when the disk is already below the reserve
     */
    public static JobMonitor around(JobMonitor monitor, Path databaseFile) {
        return around(monitor, databaseFile, RESERVE);
    }

    static JobMonitor around(JobMonitor monitor, Path databaseFile, long reserve) {
        DiskGuard guard = new DiskGuard(monitor, databaseFile, reserve);
        guard.check(true);
        return guard;
    }

    @Override
    public void progress(long done, long total, String stage) {
        inner.progress(done, total, stage);
    }

    @Override
    public boolean isCancelled() {
        return inner.isCancelled();
    }

    @Override
    public void checkCancelled() {
        inner.checkCancelled();
        check(false);
    }

    private void check(boolean now) {
        long t = System.currentTimeMillis();
        if (!now && t - lastCheck < CHECK_EVERY_MS) {
            return;
        }
        lastCheck = t;
        long free = free(file);
        if (free >= 0 && free < reserve) {
            throw new StoreException(
                    StoreException.Kind.IO,
                    "The disk holding " + file + " is full or nearly so (" + megabytes(free) + " free, "
                            + megabytes(reserve) + " needed in hand); the work stopped and nothing was written."
                            + " Free some space and try again.");
        }
    }

    /**
     * Refuses a change when the disk holding {@code file} has less than half the reserve free: H2
     * keeps a small commit in memory and reports success, then cannot write it, so a small write on a
     * full disk would say it was done and be gone at the next open. (An import's own guard stops at
     * the whole reserve, so the run's outcome can still be written after it.)
     *
     * @throws StoreException (input/output) with one sentence
     */
    public static void requireRoom(Path file) {
        long free = free(file);
        if (free >= 0 && free < RESERVE / 2) {
            throw new StoreException(
                    StoreException.Kind.IO,
                    "The disk holding " + file + " is full or nearly so (" + megabytes(free) + " free); nothing"
                            + " was changed. Free some space and try again.");
        }
    }

    /** The bytes free for this user on the disk holding {@code file} (or its folder), or -1 when unknown. */
    public static long free(Path file) {
        Path p = file.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return -1;
        }
        try {
            return Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /** 1.5 MB, 16 MB, 2.3 GB. */
    public static String megabytes(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        double mb = bytes / (double) (1L << 20);
        return mb < 10 ? String.format(Locale.ROOT, "%.1f MB", mb) : String.format(Locale.ROOT, "%.0f MB", mb);
    }
}
