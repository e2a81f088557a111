package quant.app.cli;

import java.nio.file.Path;
import quant.core.store.DataFolder;

/** Where the log file is: {@code logs/quant.log} in the data folder (set before logging starts). */
public final class Logs {
    /** The system property the logging configuration reads. */
    public static final String PROPERTY = "quant.log.dir";

    private Logs() {}

    /** Points logging at the data folder, unless a folder was set already; call before the first logger. */
    public static void configure() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, DataFolder.get().resolve("logs").toString());
        }
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /** The log file. */
    public static Path file() {
        String dir = System.getProperty(PROPERTY);
        return (dir == null ? DataFolder.get().resolve("logs") : Path.of(dir)).resolve("quant.log");
    }
}
