package quant.core.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;

/**
 * The rows of one source as the chart builder reads them: how many there are, and its fields by id —
 * text (a label per row, null when missing), date (a day per row, {@code Integer.MIN_VALUE} when
 * missing) or number (a value per row, NaN when missing). Built over the snapshot's arrays, no copy.
 */
public final class Columns {
    /** What a field holds. */
    public enum Kind {
        TEXT,
        DATE,
        NUMBER
    }

    /** A field: its id, its name in the builder, what it holds. */
    public record Field(String id, String label, Kind kind) {}

    private final int size;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Map<String, IntFunction<String>> texts = new LinkedHashMap<>();
    private final Map<String, IntUnaryOperator> days = new LinkedHashMap<>();
    private final Map<String, IntToDoubleFunction> numbers = new LinkedHashMap<>();

    Columns(int size) {
        this.size = size;
    }

    Columns text(String id, String label, IntFunction<String> value) {
        fields.put(id, new Field(id, label, Kind.TEXT));
        texts.put(id, value);
        return this;
    }

    Columns date(String id, String label, IntUnaryOperator day) {
        fields.put(id, new Field(id, label, Kind.DATE));
        days.put(id, day);
        return this;
    }

    Columns number(String id, String label, IntToDoubleFunction value) {
        fields.put(id, new Field(id, label, Kind.NUMBER));
        numbers.put(id, value);
        return this;
    }

    public int size() {
        return size;
    }

    /** Every field, in the order the builder lists them. */
    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    /** The fields of one kind. */
    public List<Field> fields(Kind kind) {
        return fields.values().stream().filter(f -> f.kind() == kind).toList();
    }

    /** The field with this id, or null. */
    public Field field(String id) {
        return fields.get(id);
    }

    /** The distinct values of a text field, sorted ("(none)" for missing ones). */
    public List<String> distinct(String id) {
        IntFunction<String> text = texts.get(id);
        if (text == null) {
            return List.of();
        }
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (int i = 0; i < size; i++) {
            String v = text.apply(i);
            out.add(v == null ? Explorer.NONE : v);
        }
        return List.copyOf(out);
    }

    IntFunction<String> textOf(String id) {
        return texts.get(id);
    }

    IntUnaryOperator dayOf(String id) {
        return days.get(id);
    }

    IntToDoubleFunction numberOf(String id) {
        return numbers.get(id);
    }
}
