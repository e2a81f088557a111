package quant.importers.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * A column a file may fill: SQL type, whether it is required, the table it refers to, and the
     * codes a database rule allows (e.g. {@code open, paid, disputed, void}; empty when any value may go).
     */
    public record Column(
            String name,
            int sqlType,
            int maxLength,
            int scale,
            boolean required,
            DomainTable references,
            List<String> codes) {
        public Column {
            codes = codes == null ? List.of() : List.copyOf(codes);
        }

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
            Map<String, List<String>> codes = codes(c, table);
            return t.all().stream()
                    .filter(x -> !x.name().equals("id") && !x.name().equals("source"))
                    .map(x -> new Column(
                            x.name(),
                            x.sqlType(),
                            x.maxLength(),
                            x.scale(),
                            x.required(),
                            x.references(),
                            codes.getOrDefault(x.name(), List.of())))
                    .toList();
        } catch (SQLException e) {
            throw new StoreException(
                    StoreException.Kind.IO,
                    "Could not read the columns of " + table.sqlName() + ": " + e.getMessage(),
                    e);
        }
    }

    private static final Pattern IN_LIST =
            Pattern.compile("\"?(\\w+)\"?\\s+IN\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

    /** Per column, the codes a {@code CHECK (column IN (...))} rule of the table allows. */
    static Map<String, List<String>> codes(Connection c, DomainTable table) throws SQLException {
        Map<String, List<String>> codes = new HashMap<>();
        try (PreparedStatement st =
                c.prepareStatement("SELECT cc.CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc"
                        + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME"
                        + " AND tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA WHERE LOWER(tc.TABLE_NAME) = ?")) {
            st.setString(1, table.sqlName());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Matcher m = IN_LIST.matcher(rs.getString(1));
                    while (m.find()) {
                        List<String> values = new ArrayList<>();
                        for (String v : m.group(2).split(",")) {
                            values.add(v.strip().replaceAll("^'|'$", ""));
                        }
                        codes.put(m.group(1).toLowerCase(Locale.ROOT), values);
                    }
                }
            }
        }
        return codes;
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
        return Optional.ofNullable(reader.read(s, column.name(), column.sqlType(), column.maxLength(), column.scale())
                .problem());
    }
}
