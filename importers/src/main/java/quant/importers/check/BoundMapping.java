package quant.importers.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import quant.core.importing.ImportException;
import quant.core.store.TableColumn;
import quant.core.store.TableSchema;
import quant.importers.mapping.ColumnMapping;
import quant.importers.mapping.MappingProfile;

/**
 * A mapping profile bound to one file's header and one table's columns: which file column fills
 * which table column, and which file columns make the key. Binding checks the profile against both
 * and refuses, with one sentence, a mapping that cannot work (an unknown column, a column mapped
 * twice, a required column left out, no key, a file column missing or named twice).
 */
public final class BoundMapping {
    /** One mapped column: the mapping, the index of its file column (-1 for a constant) and the table column. */
    public record Mapped(ColumnMapping mapping, int index, TableColumn column) {}

    private final List<String> header;
    private final List<Mapped> mapped;
    private final int[] keyIndexes;

    private BoundMapping(List<String> header, List<Mapped> mapped, int[] keyIndexes) {
        this.header = header;
        this.mapped = mapped;
        this.keyIndexes = keyIndexes;
    }

    /** Binds {@code profile} to {@code header} and {@code schema}. */
    public static BoundMapping bind(MappingProfile profile, TableSchema schema, List<String> header) {
        List<Mapped> mapped = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (ColumnMapping m : profile.columns()) {
            if (m.to() == null) {
                throw settings("A column mapping has no target column.");
            }
            TableColumn col = schema.column(m.to())
                    .filter(x -> !x.isBookkeeping())
                    .orElseThrow(() ->
                            settings("The table " + schema.table().sqlName() + " has no column \"" + m.to() + "\"."));
            if (!targets.add(col.name())) {
                throw settings("The column " + col.name() + " is mapped twice.");
            }
            int index = -1;
            if (m.constant() == null) {
                if (m.from() == null) {
                    throw settings("The mapping of " + col.name() + " names no file column.");
                }
                index = HeaderColumns.indexOf(header, m.names());
                if (index < 0) {
                    throw settings(
                            "The file has no column \"" + m.from() + "\" (it has " + String.join(", ", header) + ").");
                }
            }
            if (!col.name().equals("external_ref")) {
                mapped.add(new Mapped(m, index, col));
            }
        }
        for (TableColumn required : schema.requiredData()) {
            if (!targets.contains(required.name())) {
                throw settings("The mapping does not fill " + required.name() + ", which every "
                        + schema.table().sqlName() + " needs.");
            }
        }
        List<String> keyColumns = profile.key();
        if (keyColumns.isEmpty()) {
            keyColumns = profile.columns().stream()
                    .filter(m -> "external_ref".equalsIgnoreCase(m.to()) && m.from() != null)
                    .map(ColumnMapping::from)
                    .toList();
        }
        if (keyColumns.isEmpty()) {
            throw settings("The mapping names no key column (what identifies a row).");
        }
        int[] keyIndexes = new int[keyColumns.size()];
        for (int i = 0; i < keyIndexes.length; i++) {
            keyIndexes[i] = HeaderColumns.indexOf(header, profile.namesOf(keyColumns.get(i)));
            if (keyIndexes[i] < 0) {
                throw settings("The file has no key column \"" + keyColumns.get(i) + "\".");
            }
        }
        return new BoundMapping(List.copyOf(header), List.copyOf(mapped), keyIndexes);
    }

    private static ImportException settings(String message) {
        return new ImportException(ImportException.Kind.SETTINGS, message);
    }

    public List<String> header() {
        return header;
    }

    /** The mapped columns, in the order of a row's values. */
    public List<Mapped> mapped() {
        return mapped;
    }

    /** The table columns the rows fill, in the order of a row's values. */
    public List<TableColumn> columns() {
        return mapped.stream().map(Mapped::column).toList();
    }

    public int[] keyIndexes() {
        return keyIndexes.clone();
    }

    /** The name of the first key column in the file, for problems about keys. */
    public String keyName() {
        return header.get(keyIndexes[0]);
    }

    /** The name a problem about mapped column {@code j} shows: the file's column, or the table's for a constant. */
    public String nameOf(int j) {
        Mapped m = mapped.get(j);
        return m.index() < 0 ? m.column().name() : header.get(m.index());
    }
}
