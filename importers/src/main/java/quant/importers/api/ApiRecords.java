package quant.importers.api;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import quant.importers.engine.ImportSource;
import quant.importers.mapping.MappingProfile;
import quant.importers.read.TableReader;

/**
 * One object of a connector as records for the import: its fields, its mapping profile, and its pages,
 * fetched as the import reads them. The watermark is the latest modification instant among the records
 * read ({@link #saw}), or the one the connector sets ({@link #reached}), kept as ISO-8601 text.
 */
public final class ApiRecords implements ImportSource.Records {
    /** Fetches the object's pages; given the records object so that it can move the watermark. */
    @FunctionalInterface
    public interface Fetch {
        RecordTableReader.Pages pages(ApiRecords records) throws IOException;
    }

    private final String connector;
    private final String object;
    private final MappingProfile profile;
    private final List<String> fields;
    private final Fetch fetch;
    private Instant latest;

    public ApiRecords(String connector, String object, MappingProfile profile, List<String> fields, Fetch fetch) {
        this.connector = connector;
        this.object = object;
        this.profile = profile;
        this.fields = List.copyOf(fields);
        this.fetch = fetch;
    }

    /**
     * A connector object's mapping: the record's {@code id} field is the source key, and every other
     * field maps to the column of the same name, or to the one {@code to} names (references such as
     * {@code customer} → {@code customer_id}).
     */
    public static MappingProfile profile(
            String source, String description, String table, List<String> fields, java.util.Map<String, String> to) {
        List<quant.importers.mapping.ColumnMapping> columns = new java.util.ArrayList<>();
        for (String f : fields.subList(1, fields.size())) {
            columns.add(quant.importers.mapping.ColumnMapping.of(f, to.getOrDefault(f, f)));
        }
        return new MappingProfile(
                description,
                table,
                source,
                quant.importers.read.ReaderSettings.DETECT,
                List.of("id"),
                columns,
                java.util.Map.of());
    }

    /** Records one record's modification instant; the watermark is the latest seen. */
    public void saw(Instant modified) {
        if (modified != null && (latest == null || modified.isAfter(latest))) {
            latest = modified;
        }
    }

    /** Sets where the sync reached when the vendor says so (a change feed's newest event). */
    public void reached(Instant mark) {
        saw(mark);
    }

    @Override
    public String connector() {
        return connector;
    }

    @Override
    public String object() {
        return object;
    }

    @Override
    public MappingProfile profile() {
        return profile;
    }

    public List<String> fields() {
        return fields;
    }

    @Override
    public TableReader open() throws IOException {
        return new RecordTableReader(fields, fetch.pages(this));
    }

    @Override
    public String watermark() {
        return latest == null ? null : latest.toString();
    }
}
