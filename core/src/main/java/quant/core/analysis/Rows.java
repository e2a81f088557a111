package quant.core.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The rows of one {@link Part} as read, column by column, for its holder's constructor: each column's
 * array by its key (the holder keeps the arrays; nothing copies them again), references already
 * turned into row indexes, and the parts this one needs, built.
 */
public final class Rows {
    private final long[] ids;
    private final Map<String, Object> arrays;
    private final Map<String, Codes> codebooks;
    private final Map<Part<?>, TableRows> needed;

    Rows(long[] ids, Map<String, Object> arrays, Map<String, Codes> codebooks, Map<Part<?>, TableRows> needed) {
        this.ids = ids;
        this.arrays = arrays;
        this.codebooks = codebooks;
        this.needed = needed;
    }

    public int size() {
        return ids.length;
    }

    long[] ids() {
        return ids;
    }

    private <A> A array(String key, Class<A> type) {
        Object a = arrays.get(key);
        if (a == null) {
            throw new IllegalArgumentException("The part has no column " + key + ".");
        }
        return type.cast(a);
    }

    /** A {@link Column.Kind#DAY}, {@link Column.Kind#WHOLE}, {@link Column.Kind#CODE}, minute or reference column. */
    public int[] ints(String key) {
        return array(key, int[].class);
    }

    public double[] numbers(String key) {
        return array(key, double[].class);
    }

    /** A number column with missing values as 0. */
    public double[] numbersOrZero(String key) {
        double[] a = numbers(key);
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i])) {
                a[i] = 0;
            }
        }
        return a;
    }

    public String[] texts(String key) {
        return array(key, String[].class);
    }

    public boolean[] flags(String key) {
        return array(key, boolean[].class);
    }

    public long[] longs(String key) {
        return array(key, long[].class);
    }

    /** The dictionary of a code column. */
    public Codes codes(String key) {
        Codes c = codebooks.get(key);
        if (c == null) {
            throw new IllegalArgumentException("The part has no code column " + key + ".");
        }
        return c;
    }

    /** A part this one needs, already built. */
    public <T extends TableRows> T part(Part<T> part) {
        TableRows t = needed.get(part);
        if (t == null) {
            throw new IllegalStateException("The " + part.name() + " part is not among the parts this one needs.");
        }
        @SuppressWarnings("unchecked")
        T typed = (T) t;
        return typed;
    }

    /** The column's values, each a byte by {@code map} from the dictionary's texts (null for a missing one). */
    public byte[] bytes(String key, java.util.function.ToIntFunction<String> map) {
        int[] codes = ints(key);
        Codes dictionary = codes(key);
        byte[] out = new byte[codes.length];
        byte[] byCode = new byte[dictionary.size()];
        for (int k = 0; k < byCode.length; k++) {
            byCode[k] = (byte) map.applyAsInt(dictionary.value(k));
        }
        byte none = (byte) map.applyAsInt(null);
        for (int i = 0; i < out.length; i++) {
            out[i] = codes[i] == Codes.NONE ? none : byCode[codes[i]];
        }
        return out;
    }

    /** Rows with the same ids and needs and other arrays (for {@link Part} holders' tests). */
    static Rows of(
            long[] ids, Map<String, Object> arrays, Map<String, Codes> codebooks, Map<Part<?>, TableRows> needed) {
        return new Rows(ids, new HashMap<>(arrays), new HashMap<>(codebooks), new HashMap<>(needed));
    }

    @Override
    public String toString() {
        return size() + " rows " + Arrays.toString(arrays.keySet().toArray());
    }
}
