package quant.importers.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.core.store.StoreException;
import quant.importers.parse.NumberParser;
import quant.importers.read.ReaderSettings;

/**
 * What the import wizard needs to know about a target table: its columns a file may fill, and
 * whether a cell's text would be accepted by one of them, so problems show while mapping.
 */
public final class ImportTargets {
    private ImportTargets() {}

    /** A column a file may fill: SQL type, whether it is required, and the table it refers to. */
    public record Column(String name, int sqlType, int maxLength, boolean required, DomainTable references) {
        /** "required", "refers to customer", or "". */
        public String hint() {
            String ref =
                    references == null ? "" : "key of a " + references.sqlName().replace('_', ' ');
            return required ? (ref.isEmpty() ? "required" : "required, " + ref) : ref;
        }
    }

    /** The columns of {@code table} a file may fill, in table order ({@code external_ref} first). */
    public static List<Column> columns(Store store, DomainTable table) {
        try (Connection c = store.readConnection()) {
            TargetTable t = new TargetTable(c, table);
            return t.all().stream()
                    .filter(x -> !x.name().equals("id") && !x.name().equals("source"))
                    .map(x -> new Column(x.name(), x.sqlType(), x.maxLength(), x.required(), x.references()))
                    .toList();
        } catch (SQLException e) {
            throw new StoreException(
                    StoreException.Kind.IO,
                    "Could not read the columns of " + table.sqlName() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Why {@code text} would be refused for {@code column}, or empty when it would be accepted. */
    public static Optional<String> problem(String text, Column column, ReaderSettings settings) {
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
        return Optional.ofNullable(
                reader.read(s, column.sqlType(), column.maxLength()).problem());
    }
}
