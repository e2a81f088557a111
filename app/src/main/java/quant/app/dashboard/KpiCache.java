package quant.app.dashboard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quant.core.kpi.HealthResult;
import quant.core.kpi.KpiResult;
import quant.core.store.DataFolder;

/**
 * The last KPIs and health score the dashboard computed, kept in {@code kpi-cache.json} in the data
 * folder with the database and the data version they were computed on, so that reopening the same
 * data shows them at once while they are computed again. Values of another database or data version
 * are never shown.
 */
final class KpiCache {
    private static final Logger LOG = LoggerFactory.getLogger(KpiCache.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .build();

    /** What is kept. */
    record Entry(String database, long dataVersion, String period, KpiResult kpis, HealthResult health) {}

    private KpiCache() {}

    static Path file() {
        return DataFolder.get().resolve("kpi-cache.json");
    }

    /** The kept values for this database, data version and period, if those are what was kept. */
    static Optional<Entry> read(String database, long dataVersion, String period) {
        Path file = file();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Entry e = JSON.readValue(file.toFile(), Entry.class);
            return e.database().equals(database)
                            && e.dataVersion() == dataVersion
                            && e.period().equals(period)
                    ? Optional.of(e)
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the unreadable KPI cache {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Keeps the values, atomically; a failure is logged, never shown (the values are computed anyway). */
    static void write(String database, long dataVersion, KpiResult kpis, HealthResult health) {
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("kpi-cache.json.tmp");
            JSON.writeValue(tmp.toFile(), new Entry(database, dataVersion, kpis.period(), kpis, health));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not keep the KPIs in {}: {}", file, e.getMessage());
        }
    }
}
