package quant.importers.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import quant.core.store.DomainTable;
import quant.core.store.TableColumn;
import quant.importers.read.ReaderSettings;

/**
 * A mapping while someone edits it column by column (the import wizard's second screen): the
 * table, the source, the reader settings, the file column that identifies a row, which table
 * column each file column fills, and the profile it was loaded from, if any.
 *
 * <p>A column-by-column editor cannot show everything a profile may say. {@link #toProfile}
 * keeps what it cannot show from the loaded profile: value aliases and other names of a column
 * whose target is unchanged, a second target filled from the same file column, constants,
 * reference sources, and the policies for repeated keys and rows without a key.
 *
 * @param targets file column → table column, in file order; file columns not imported are absent
 * @param loaded the profile the draft started from, or {@code null}
 */
public record MappingDraft(
        DomainTable table,
        String source,
        ReaderSettings settings,
        String key,
        Map<String, String> targets,
        MappingProfile loaded) {
    public MappingDraft {
        targets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    }

    /**
     * The draft a saved profile gives for a file with {@code header}: each file column gets the
     * target of the profile's mapping that matches its name (ignoring case, other names included),
     * and the key is the file column the profile's key is read from.
     */
    public static MappingDraft from(MappingProfile saved, List<String> header, ReaderSettings current) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String column : header) {
            saved.columns().stream()
                    .filter(m -> m.from() != null && m.matches(column))
                    .map(ColumnMapping::to)
                    .findFirst()
                    .ifPresent(to -> targets.put(column, to));
        }
        String key = null;
        if (!saved.key().isEmpty()) {
            List<String> names = saved.namesOf(saved.key().getFirst());
            key = header.stream()
                    .filter(f -> names.stream().anyMatch(n -> ColumnMapping.sameName(n, f)))
                    .findFirst()
                    .orElse(saved.key().getFirst());
        }
        return new MappingDraft(
                saved.targetTable(), saved.source(), saved.reader().orElse(current), key, targets, saved);
    }

    /**
     * The file column most likely to identify a row: the first named {@code id}, ending in
     * {@code id} or {@code ref}, or containing {@code number} (invoice number, job number);
     * otherwise the first column; {@code null} for a file without columns.
     */
    public static String guessKey(List<String> header) {
        for (String h : header) {
            String n = h.toLowerCase(Locale.ROOT);
            if (n.equals("id")
                    || n.endsWith(" id")
                    || n.endsWith("_id")
                    || n.equals("external_ref")
                    || n.contains("number")
                    || n.endsWith("ref")) {
                return h;
            }
        }
        return header.isEmpty() ? null : header.getFirst();
    }

    /** The mapping of {@code from} onto {@code to}: the loaded profile's own when it has that pair (aliases kept), else a plain one. */
    public ColumnMapping mapping(String from, String to) {
        return loadedMapping(from, to).orElse(ColumnMapping.of(from, to));
    }

    private Optional<ColumnMapping> loadedMapping(String from, String to) {
        if (loaded == null) {
            return Optional.empty();
        }
        return loaded.columns().stream()
                .filter(m -> m.from() != null && m.matches(from) && to.equals(m.to()))
                .findFirst();
    }

    /** The draft as a profile, to run or to save; see the class comment for what is kept from the loaded one. */
    public MappingProfile toProfile(String description) {
        List<ColumnMapping> mappings = new ArrayList<>();
        Set<String> filled = new HashSet<>();
        targets.forEach((from, to) -> {
            mappings.add(mapping(from, to));
            filled.add(to);
        });
        if (loaded != null) {
            for (ColumnMapping m : loaded.columns()) {
                boolean constant = m.from() == null;
                boolean secondTarget = !constant && targets.keySet().stream().anyMatch(m::matches);
                if ((constant || secondTarget) && filled.add(m.to())) {
                    mappings.add(m);
                }
            }
        }
        return new MappingProfile(
                description,
                table == null ? null : table.sqlName(),
                source,
                settings,
                key == null ? List.of() : List.of(key),
                mappings,
                loaded == null ? Map.of() : loaded.referenceSources(),
                loaded == null ? MappingProfile.RepeatedKeys.REJECT : loaded.repeatedKeys(),
                loaded == null ? MappingProfile.RowsWithoutKey.REJECT : loaded.rowsWithoutKey());
    }

    /** The required columns of {@code columns} that nothing fills yet (constants of the loaded profile count). */
    public List<String> unfilledRequired(List<TableColumn> columns) {
        List<String> mapped =
                toProfile("").columns().stream().map(ColumnMapping::to).toList();
        return columns.stream()
                .filter(TableColumn::required)
                .map(TableColumn::name)
                .filter(n -> !mapped.contains(n))
                .toList();
    }
}
