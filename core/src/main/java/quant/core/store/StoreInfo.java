package quant.core.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code quant info} reports: where the database is (a file's path or a server address), the
 * engine, the user's role, its schema and data versions, row counts.
 */
public record StoreInfo(
        String database,
        String engine,
        String role,
        String schemaVersion,
        long dataVersion,
        Map<DomainTable, Long> rowCounts) {
    public StoreInfo {
        rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    }
}
