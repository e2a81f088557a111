package quant.importers.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import quant.core.importing.ImportException;
import quant.core.store.DomainTable;
import quant.importers.read.ReaderSettings;

/**
 * A saved, reusable way to import one kind of file into one table: how to read the file, which
 * file columns form each row's key, where each target column comes from, and the {@code source}
 * every row gets (so a renamed file re-imports without duplicates). Stored as JSON.
 *
 * @param table the target table's SQL name, e.g. {@code deal}
 * @param source the value of {@code source} for the imported rows, e.g. {@code crm-sales-opportunities}
 * @param key the file columns whose values, joined with {@code |}, make the row's {@code external_ref}
 * @param referenceSources per foreign-key column, the {@code source} of the rows it refers to (default: {@code source})
 * @param repeatedKeys what a row repeating an earlier row's key means
 * @param rowsWithoutKey what a row with an empty key means: a mistake (default), or a line of a
 *     report's decoration (totals, a printed-on timestamp) that is left out
 * @param extraDecimals what a number with more decimals than its column keeps means: a problem of
 *     the row (default), or rounded half-even
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MappingProfile(
        String description,
        String table,
        String source,
        ReaderSettings reader,
        List<String> key,
        List<ColumnMapping> columns,
        Map<String, String> referenceSources,
        RepeatedKeys repeatedKeys,
        RowsWithoutKey rowsWithoutKey,
        ExtraDecimals extraDecimals) {

    /** What a number with more decimals than its column keeps (12.345 for money) means. */
    public enum ExtraDecimals {
        /** A problem of the row: nothing is rounded without being asked. */
        REJECT,
        /** Rounded half-even (banker's rounding) to the column's decimals. */
        ROUND_HALF_EVEN
    }

    public MappingProfile(
            String description,
            String table,
            String source,
            ReaderSettings reader,
            List<String> key,
            List<ColumnMapping> columns,
            Map<String, String> referenceSources,
            RepeatedKeys repeatedKeys,
            RowsWithoutKey rowsWithoutKey) {
        this(
                description,
                table,
                source,
                reader,
                key,
                columns,
                referenceSources,
                repeatedKeys,
                rowsWithoutKey,
                ExtraDecimals.REJECT);
    }

    /** What a row that repeats an earlier row's key means. */
    public enum RepeatedKeys {
        /** A mistake: the row is rejected. */
        REJECT,
        /**
         * One record spread over several lines, as line-item exports write invoices: allowed when
         * every mapped value equals the first row's; any difference is still rejected.
         */
        SAME_VALUES
    }

    /** What a row whose key columns are all empty means. */
    public enum RowsWithoutKey {
        /** A mistake: the row is rejected. */
        REJECT,
        /**
         * Not data: reports exported from accounting tools end with total lines and the time they
         * were printed. Rows with an empty key, and single-field lines below a wider table, are left
         * out and not counted as rows read.
         */
        SKIP
    }

    public MappingProfile(
            String description,
            String table,
            String source,
            ReaderSettings reader,
            List<String> key,
            List<ColumnMapping> columns,
            Map<String, String> referenceSources,
            RepeatedKeys repeatedKeys) {
        this(description, table, source, reader, key, columns, referenceSources, repeatedKeys, RowsWithoutKey.REJECT);
    }

    public MappingProfile(
            String description,
            String table,
            String source,
            ReaderSettings reader,
            List<String> key,
            List<ColumnMapping> columns,
            Map<String, String> referenceSources) {
        this(
                description,
                table,
                source,
                reader,
                key,
                columns,
                referenceSources,
                RepeatedKeys.REJECT,
                RowsWithoutKey.REJECT);
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public MappingProfile {
        reader = reader == null ? ReaderSettings.DETECT : reader;
        key = key == null ? List.of() : List.copyOf(key);
        columns = columns == null ? List.of() : List.copyOf(columns);
        referenceSources = referenceSources == null ? Map.of() : Map.copyOf(referenceSources);
        repeatedKeys = repeatedKeys == null ? RepeatedKeys.REJECT : repeatedKeys;
        rowsWithoutKey = rowsWithoutKey == null ? RowsWithoutKey.REJECT : rowsWithoutKey;
        extraDecimals = extraDecimals == null ? ExtraDecimals.REJECT : extraDecimals;
    }

    /**
     * The names a key or mapped column may have in a file: {@code column} itself and the
     * {@code aka} names of the mapping that reads it.
     */
    public List<String> namesOf(String column) {
        List<String> names = new java.util.ArrayList<>();
        names.add(column);
        for (ColumnMapping m : columns) {
            if (m.from() != null && ColumnMapping.sameName(m.from(), column)) {
                for (String n : m.aka()) {
                    if (!names.contains(n)) {
                        names.add(n);
                    }
                }
            }
        }
        return names;
    }

    /** The target table, or a settings error naming the unknown table. */
    public DomainTable targetTable() {
        return DomainTable.byName(table == null ? "" : table)
                .filter(DomainTable::hasSourceKey)
                .orElseThrow(() -> new ImportException(
                        ImportException.Kind.SETTINGS, "The mapping names no importable table (\"" + table + "\")."));
    }

    public String referenceSource(String column) {
        return referenceSources.getOrDefault(column, source);
    }

    public MappingProfile withReader(ReaderSettings settings) {
        return new MappingProfile(
                description,
                table,
                source,
                settings,
                key,
                columns,
                referenceSources,
                repeatedKeys,
                rowsWithoutKey,
                extraDecimals);
    }

    public MappingProfile withSource(String newSource) {
        return new MappingProfile(
                description,
                table,
                newSource,
                reader,
                key,
                columns,
                referenceSources,
                repeatedKeys,
                rowsWithoutKey,
                extraDecimals);
    }

    /**
     * Reads a profile file strictly (unknown keys, wrong kinds of value and empty files are refused
     * with one sentence).
     */
    public static MappingProfile read(Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return ProfileJson.read(in, "The mapping profile " + file.getFileName());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ImportException(ImportException.Kind.SETTINGS, "There is no mapping profile " + file + ".");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ImportException(
                    ImportException.Kind.UNREADABLE,
                    "The mapping profile " + file + " cannot be read (no permission).");
        } catch (IOException e) {
            throw new ImportException(
                    ImportException.Kind.UNREADABLE,
                    "The mapping profile " + file + " cannot be read (" + e.getMessage() + ").");
        }
    }

    public static MappingProfile read(InputStream in, String name) {
        return ProfileJson.read(in, "The mapping " + name);
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
