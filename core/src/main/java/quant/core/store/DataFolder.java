package quant.core.store;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the workbench keeps its files by default: {@code ~/.quant} on Linux,
 * {@code ~/Library/Application Support/Quant} on macOS, {@code %APPDATA%\Quant} on Windows.
 * The {@code quant.home} system property overrides it (tests use it to stay out of the user's folder),
 * else the {@code QUANT_HOME} environment variable (a portable install, a benchmark's own folder).
 */
public final class DataFolder {
    private DataFolder() {}

    public static Path get() {
        String override = System.getProperty("quant.home");
        if (override == null || override.isBlank()) {
            override = System.getenv("QUANT_HOME");
        }
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            return Path.of(System.getenv("APPDATA"), "Quant");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Quant");
        }
        return Path.of(home, ".quant");
    }

    /** The user's own database. */
    public static Path defaultDatabase() {
        return get().resolve("quant.mv.db");
    }

    /** The sample company's database, kept apart from the user's. */
    public static Path sampleDatabase() {
        return get().resolve("sample-company.mv.db");
    }
}
