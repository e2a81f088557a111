package quant.core.store;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code quant info} reports: where the database is, its schema and data versions, row counts. */
public record StoreInfo(Path database, String schemaVersion, long dataVersion, Map<DomainTable, Long> rowCounts) {
    public StoreInfo {
        rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    }
}
