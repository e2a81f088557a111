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
    private final Map<Integer, String> labels = new HashMap<>();

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

    /** Gives a code the name its own table holds (a service line's name). */
    void label(int code, String label) {
        if (code != NONE && label != null && !label.isBlank()) {
            labels.put(code, label.strip());
        }
    }

    /**
     * The name a person reads for a code: the name its table holds, else {@link DisplayNames#of} of the
     * text; null for {@link #NONE}.
     */
    public String label(int code) {
        if (code == NONE) {
            return null;
        }
        String own = labels.get(code);
        return own != null ? own : DisplayNames.of(values.get(code));
    }

    /** The name of a text of this column (see {@link #label(int)}), or its display name when it is not one. */
    public String label(String value) {
        int code = find(value);
        return code == NONE ? DisplayNames.of(value) : label(code);
    }

    /**
     * The text a person's word stands for: the text itself, its name or its display name, compared
     * without regard to case; null when none matches.
     */
    public String resolve(String word) {
        if (word == null) {
            return null;
        }
        String w = word.strip();
        for (int code = 0; code < values.size(); code++) {
            String v = values.get(code);
            if (v.equalsIgnoreCase(w)
                    || label(code).equalsIgnoreCase(w)
                    || DisplayNames.of(v).equalsIgnoreCase(w)) {
                return v;
            }
        }
        return null;
    }

    /** Every distinct text, in code order. */
    public List<String> values() {
        return List.copyOf(values);
    }

    public int size() {
        return values.size();
    }
}
