package quant.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary of the distinct texts of one column (segments, channels, cities, statuses): columns
 * in a {@link Snapshot} hold small int codes, and this maps them back. A missing value is {@link #NONE}.
 */
public final class Codes {
    /** The code of a missing (NULL or blank) value. */
    public static final int NONE = -1;

    private final List<String> values = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    /** The code of {@code value}, adding it when new; {@link #NONE} for null or blank. */
    int intern(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        Integer code = index.get(value);
        if (code == null) {
            code = values.size();
            values.add(value);
            index.put(value, code);
        }
        return code;
    }

    /** The code of {@code value}, or {@link #NONE} when the column never holds it. */
    public int find(String value) {
        Integer code = index.get(value);
        return code == null ? NONE : code;
    }

    /** The text of a code; {@code null} for {@link #NONE}. */
    public String value(int code) {
        return code == NONE ? null : values.get(code);
    }

    /** Every distinct text, in code order. */
    public List<String> values() {
        return List.copyOf(values);
    }

    public int size() {
        return values.size();
    }
}
