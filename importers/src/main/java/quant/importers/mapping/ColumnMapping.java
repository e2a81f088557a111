package quant.importers.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ColumnMapping(String from, String to, Map<String, String> values, String constant, String otherwise) {
    public ColumnMapping {
        values = values == null ? Map.of() : Map.copyOf(values);
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
