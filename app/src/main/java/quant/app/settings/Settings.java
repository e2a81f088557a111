package quant.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quant.core.store.DataFolder;

/**
 * What the workbench remembers for the user, kept as {@code settings.json} in the data folder.
 *
 * @param database the database to open when {@code --db} is not given, or {@code null} for the default
 * @param darkTheme whether the dark theme is on
 * @param window the main window's last bounds, or {@code null}
 * @param layout the docking layout, or {@code null} for the default layout
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(String database, boolean darkTheme, WindowBounds window, DockLayoutState layout) {
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static final Settings DEFAULTS = new Settings(null, false, null, null);

    /** Window position and size. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}

    /**
     * The docking layout: which views are open in which area, and where the divider between the
     * areas is.
     *
     * @param views view ids in the order they were open, each with its area
     * @param divider the side area's share of the window width (0 to 1)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DockLayoutState(List<OpenView> views, double divider, String selected) {
        public DockLayoutState {
            views = views == null ? List.of() : List.copyOf(views);
        }
    }

    /** One open view: its id (e.g. {@code data.tables}, {@code table:job}) and its area. */
    public record OpenView(String id, String area) {}

    public static Path file() {
        return DataFolder.get().resolve("settings.json");
    }

    /** Reads the settings; a missing or unreadable file gives the defaults (and is logged). */
    public static Settings load() {
        Path file = file();
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        try {
            return JSON.readValue(file.toFile(), Settings.class);
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable settings {}: {}", file, e.getMessage());
            return DEFAULTS;
        }
    }

    /** Writes the settings atomically (a crash never leaves half a file). */
    public void save() {
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("settings.json.tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not save settings to {}: {}", file, e.getMessage());
        }
    }

    /** Where the database to open when none is given on the command line is: a file or a server. */
    public quant.core.store.StoreLocation location() {
        return database == null || database.isBlank()
                ? quant.core.store.StoreLocation.of(DataFolder.defaultDatabase())
                : quant.core.store.StoreLocation.parse(database);
    }

    /** The database to open when none is given on the command line. */
    public Path databaseOrDefault() {
        return database == null || database.isBlank() ? DataFolder.defaultDatabase() : Path.of(database);
    }

    public Settings withDarkTheme(boolean dark) {
        return new Settings(database, dark, window, layout);
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(database, darkTheme, bounds, layout);
    }

    public Settings withLayout(DockLayoutState state) {
        return new Settings(database, darkTheme, window, state);
    }
}
