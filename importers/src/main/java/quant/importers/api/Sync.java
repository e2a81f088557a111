package quant.importers.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quant.core.job.JobMonitor;
import quant.core.runs.RunHistory;
import quant.core.store.Store;
import quant.importers.engine.ImportOptions;
import quant.importers.engine.ImportResult;
import quant.importers.engine.ImportSource;
import quant.importers.engine.Importer;

/**
 * One sync of a connection: every object of the connector, each from the watermark of its last
 * committed sync (or all of it with {@code full}, or the first time), imported as one run — all objects
 * or none. A vendor error, a rate limit that does not end, a record the data model cannot take or a
 * cancel writes nothing, and the next sync starts from the same watermarks.
 */
public final class Sync {
    /** What one object's sync did. */
    public record ObjectResult(String object, String from, ImportResult result, String reached) {}

    /** What a sync did, object by object. */
    public record Report(String connector, boolean full, List<ObjectResult> objects) {}

    private Sync() {}

    /** The watermark each object's next sync starts from (absent: everything). */
    public static Map<String, String> watermarks(Store store, Connector connector) {
        Map<String, String> marks = new LinkedHashMap<>();
        for (String object : connector.objects()) {
            String w = RunHistory.watermark(store, connector.name(), object);
            if (w != null) {
                marks.put(object, w);
            }
        }
        return marks;
    }

    public static Report run(Store store, Connector connector, ApiClient client, boolean full, JobMonitor monitor)
            throws IOException {
        store.checkWritable();
        Map<String, String> marks = full ? Map.of() : watermarks(store, connector);
        List<ImportSource.Records> sources = connector.sources(client, marks, monitor);
        List<ImportResult> results = new Importer(store).runSources(sources, ImportOptions.DEFAULT, i -> monitor);
        List<ObjectResult> objects = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            ImportSource.Records s = sources.get(i);
            objects.add(new ObjectResult(s.object(), marks.get(s.object()), results.get(i), s.watermark()));
        }
        return new Report(connector.name(), full, objects);
    }
}
