package quant.importers.engine;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.core.store.TableColumn;
import quant.core.store.TableSchema;
import quant.importers.check.ValueReader;
import quant.importers.parse.NumberParser;
import quant.importers.read.ReaderSettings;

/**
 * What the import wizard needs to know about a target table: its columns a file may fill, and
 * whether a cell's text would be accepted by one of them, so problems show while mapping.
 */
public final class ImportTargets {
    private ImportTargets() {}

    /** The columns of {@code table} a file may fill, in table order ({@code external_ref} first). */
    public static List<TableColumn> columns(Store store, DomainTable table) {
        return TableSchema.of(store, table).fillable();
    }

    /** "required", "key of a customer", both, or "". */
    public static String hint(TableColumn column) {
        String ref = column.references() == null
                ? ""
                : "key of a " + column.references().sqlName().replace('_', ' ');
        return column.required() ? (ref.isEmpty() ? "required" : "required, " + ref) : ref;
    }

    /** Why {@code text} would be refused for {@code column}, or empty when it would be accepted. */
    public static Optional<String> problem(String text, TableColumn column, ReaderSettings settings) {
        String s = text.strip();
        if (s.isEmpty()) {
            return column.required()
                    ? Optional.of("is empty, but " + column.name() + " is required")
                    : Optional.empty();
        }
        if (column.references() != null || column.name().equals("external_ref")) {
            return Optional.empty();
        }
        ValueReader reader = new ValueReader(
                settings.decimalMark() == null ? NumberParser.DecimalMark.DOT : settings.decimalMark(),
                settings.dateOrder(),
                ZoneId.systemDefault());
        return Optional.ofNullable(reader.read(s, column).problem());
    }
}
