package quant.app.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quant.core.kpi.Kpi;
import quant.core.store.DataFolder;

/**
 * How the user arranged the dashboard's tiles, kept as {@code dashboard.json} in the data folder: the
 * tiles shown, in order (each sits in its KPI's section, so the order matters within a section), and
 * which are wide. A KPI not listed is not shown; an id this version does not know is dropped.
 *
 * @param tiles the tiles in order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DashboardLayout(List<TileSpec> tiles) {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardLayout.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One tile: a KPI's id, or the name of a chart saved in the chart builder (then {@code kpi} is
     * null), and whether it takes two columns.
     */
    public record TileSpec(String kpi, boolean wide, String chart) {
        public TileSpec(String kpi, boolean wide) {
            this(kpi, wide, null);
        }

        /** The tile's key: the KPI's id, or {@code chart:NAME}. */
        public String key() {
            return kpi != null ? kpi : "chart:" + chart;
        }

        boolean isChart() {
            return kpi == null;
        }
    }

    public DashboardLayout {
        Set<String> seen = new LinkedHashSet<>();
        List<TileSpec> kept = new ArrayList<>();
        for (TileSpec t : tiles == null ? List.<TileSpec>of() : tiles) {
            boolean valid = t != null
                    && (t.kpi() != null
                            ? Kpi.byId(t.kpi()).isPresent()
                            : t.chart() != null && !t.chart().isBlank());
            if (valid && seen.add(t.key())) {
                kept.add(t);
            }
        }
        tiles = List.copyOf(kept);
    }

    /** Every KPI in registry order, one column each. */
    public static final DashboardLayout DEFAULT = new DashboardLayout(
            Arrays.stream(Kpi.values()).map(k -> new TileSpec(k.id(), false)).toList());

    /** The KPIs not on the dashboard, in registry order. */
    public List<Kpi> hidden() {
        return Arrays.stream(Kpi.values())
                .filter(k -> tiles.stream().noneMatch(t -> k.id().equals(t.kpi())))
                .toList();
    }

    /** The layout without the tile of this key (a KPI's id, or {@code chart:NAME}). */
    public DashboardLayout without(String key) {
        return new DashboardLayout(
                tiles.stream().filter(t -> !t.key().equals(key)).toList());
    }

    /** The layout with a saved chart's tile added at the end (wide). */
    public DashboardLayout withChart(String name) {
        List<TileSpec> next = new ArrayList<>(tiles);
        next.add(new TileSpec(null, true, name));
        return new DashboardLayout(next);
    }

    /** The names of the charts on the dashboard, in order. */
    public List<String> charts() {
        return tiles.stream().filter(TileSpec::isChart).map(TileSpec::chart).toList();
    }

    /** The layout with the KPI's tile added at the end. */
    public DashboardLayout with(String kpi) {
        List<TileSpec> next = new ArrayList<>(tiles);
        next.add(new TileSpec(kpi, false));
        return new DashboardLayout(next);
    }

    /** The layout with the tile of this key one column or two wide. */
    public DashboardLayout toggleWide(String key) {
        return new DashboardLayout(tiles.stream()
                .map(t -> t.key().equals(key) ? new TileSpec(t.kpi(), !t.wide(), t.chart()) : t)
                .toList());
    }

    /**
     * The layout with the tile moved one place earlier ({@code step} −1) or later (+1) among the tiles
     * of its section (the charts are a section of their own); unchanged at the section's edge.
     */
    public DashboardLayout move(String key, int step) {
        List<TileSpec> next = new ArrayList<>(tiles);
        TileSpec moving0 =
                next.stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
        if (moving0 == null) {
            return this;
        }
        List<Integer> section = new ArrayList<>();
        for (int i = 0; i < next.size(); i++) {
            if (sameSection(next.get(i), moving0)) {
                section.add(i);
            }
        }
        int at = -1;
        for (int i = 0; i < section.size(); i++) {
            if (next.get(section.get(i)).key().equals(key)) {
                at = i;
            }
        }
        int to = at + step;
        if (at < 0 || to < 0 || to >= section.size()) {
            return this;
        }
        TileSpec moving = next.get(section.get(at));
        next.set(section.get(at), next.get(section.get(to)));
        next.set(section.get(to), moving);
        return new DashboardLayout(next);
    }

    private static boolean sameSection(TileSpec a, TileSpec b) {
        if (a.isChart() || b.isChart()) {
            return a.isChart() && b.isChart();
        }
        return Kpi.byId(a.kpi()).orElseThrow().section()
                == Kpi.byId(b.kpi()).orElseThrow().section();
    }

    public static Path file() {
        return DataFolder.get().resolve("dashboard.json");
    }

    /** The saved layout; the default when there is none or it cannot be read (logged). */
    public static DashboardLayout load() {
        Path file = file();
        if (!Files.exists(file)) {
            return DEFAULT;
        }
        try {
            return JSON.readValue(file.toFile(), DashboardLayout.class);
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable dashboard layout {}: {}", file, e.getMessage());
            return DEFAULT;
        }
    }

    /** Writes the layout atomically. */
    public void save() {
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("dashboard.json.tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not save the dashboard layout to {}: {}", file, e.getMessage());
        }
    }
}
