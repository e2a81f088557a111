package quant.app.errors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import quant.core.store.DataFolder;

/**
 * Where the log file is: {@code logs/quant.log} in the data folder (set before logging starts). When
 * that folder cannot be written, the log goes to a folder in the system's temporary folder, and when
 * neither can, there is no log; either way the logging library stays quiet ({@code logback.xml} has no
 * console and no status output), so standard output carries only the result.
 */
public final class Logs {
    /** The system property the logging configuration reads. */
    public static final String PROPERTY = "quant.log.dir";

    private Logs() {}

    /** Points logging at a folder that can be written, unless one was set already; call before the first logger. */
    public static void configure() {
        if (System.getProperty(PROPERTY) == null) {
            Path dir = DataFolder.get().resolve("logs");
            if (!writable(dir)) {
                Path fallback =
                        Path.of(System.getProperty("java.io.tmpdir"), "quant-logs-" + System.getProperty("user.name"));
                dir = writable(fallback) ? fallback : null;
            }
            // with no folder to write, the appender points at one that cannot exist and fails without a word
            System.setProperty(PROPERTY, dir == null ? "" : dir.toString());
        }
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /** Whether a file can be created in {@code dir} (made first when missing): tried, not guessed. */
    static boolean writable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".probe", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The log file, or null when no folder could be written for it. */
    public static Path file() {
        String dir = System.getProperty(PROPERTY);
        if (dir != null && dir.isEmpty()) {
            return null;
        }
        return (dir == null ? DataFolder.get().resolve("logs") : Path.of(dir)).resolve("quant.log");
    }
}
