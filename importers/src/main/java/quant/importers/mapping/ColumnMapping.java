package quant.importers.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where one target column's value comes from: a column of the file ({@code from}) or a constant.
 * {@code values} replaces whole cell texts before they are read (value aliases such as
 * {@code "GTXPro" → "GTX Pro"}, or codes such as {@code "Won" → "won"}); other non-empty texts become
 * {@code otherwise} when it is given, and pass unchanged when it is not.
 *
 * @param from the column's name in the file (matched ignoring case and surrounding spaces)
 * @param to the target column; a foreign key ({@code customer_id}) takes the referenced row's
 *     {@code external_ref}
 * @param aka other names the same column has in other versions of an export (matched like
 *     {@code from}, after it), e.g. {@code "Customer full name"} for {@code "Customer"}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ColumnMapping(
        String from, String to, Map<String, String> values, String constant, String otherwise, List<String> aka) {
    public ColumnMapping {
        values = values == null ? Map.of() : Map.copyOf(values);
        aka = aka == null ? List.of() : List.copyOf(aka);
    }

    public ColumnMapping(String from, String to, Map<String, String> values, String constant, String otherwise) {
        this(from, to, values, constant, otherwise, List.of());
    }

    /** The names this column may have in a file: {@code from}, then {@code aka}. */
    public List<String> names() {
        if (from == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>(1 + aka.size());
        names.add(from);
        names.addAll(aka);
        return names;
    }

    /** Whether a file column named {@code header} is this mapping's column (ignoring case and surrounding spaces). */
    public boolean matches(String header) {
        return names().stream().anyMatch(n -> sameName(n, header));
    }

    /** Whether two column names are the same for matching: case and surrounding spaces do not count. */
    public static boolean sameName(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    public ColumnMapping(String from, String to, Map<String, String> values, String constant) {
        this(from, to, values, constant, null);
    }

    public static ColumnMapping of(String from, String to) {
        return new ColumnMapping(from, to, Map.of(), null, null);
    }

    /** The text to read for a cell: its alias if it has one. */
    public String apply(String cell) {
        if (constant != null) {
            return constant;
        }
        String replaced = values.get(cell);
        if (replaced == null && !values.isEmpty()) {
            replaced = values.get(cell.strip());
        }
        if (replaced != null) {
            return replaced;
        }
        return otherwise != null && !cell.isBlank() ? otherwise : cell;
    }
}
