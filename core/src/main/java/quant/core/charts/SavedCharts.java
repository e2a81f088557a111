package quant.core.charts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import quant.core.analysis.InvalidSpecException;
import quant.core.explore.ChartSpec;
import quant.core.store.Store;
import quant.core.store.StoreException;
import quant.core.store.repo.SavedChartRows;

/**
 * The charts saved from the chart builder ({@code saved_chart}): by name, the spec as JSON. Saving
 * under a name that exists replaces that chart.
 */
public final class SavedCharts {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Longest name. */
    public static final int MAX_NAME = 120;

    private SavedCharts() {}

    /** Every saved chart, by name. */
    public static List<ChartSpec> list(Store store) {
        return SavedChartRows.list(store).stream()
                .map(r -> read(r.spec()).named(r.name()))
                .toList();
    }

    /** The chart saved under {@code name}, if any. */
    public static Optional<ChartSpec> find(Store store, String name) {
        return list(store).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * Saves the chart under its name, replacing one of the same name.
     *
     * @throws InvalidSpecException when the name is blank or too long
     */
    public static void save(Store store, ChartSpec spec) {
        String name = spec.name();
        if (name.isBlank()) {
            throw new InvalidSpecException("Give the chart a name to save it under.");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidSpecException("A chart's name has at most " + MAX_NAME + " characters.");
        }
        SavedChartRows.replace(store, name, write(spec), OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Deletes the chart saved under {@code name}; whether there was one. */
    public static boolean delete(Store store, String name) {
        return SavedChartRows.delete(store, name);
    }

    static String write(ChartSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A chart spec could not be written: " + e.getOriginalMessage(), e);
        }
    }

    static ChartSpec read(String json) {
        try {
            return JSON.readValue(json, ChartSpec.class);
        } catch (JsonProcessingException e) {
            throw new StoreException(
                    StoreException.Kind.DAMAGED, "A saved chart could not be read: " + e.getOriginalMessage(), e);
        }
    }
}
