package quant.importers.check;

import java.util.Arrays;

/**
 * The row on which each key of a file was first seen, held compactly: a million twelve-character
 * keys take about 60 MB here against about 120 MB in a {@code HashMap<String, Long>} (a string, its
 * bytes, a boxed row number and a map node per key), and four objects per key fewer for the garbage
 * collector to trace — which matters for an import of a million rows within a 512 MB heap.
 *
 * <p>Keys are copied into one growing {@code char} array; an open-addressing table (linear probing,
 * at most half full) holds each key's position, length, hash and row in parallel primitive arrays.
 * Lookups compare the characters, so the answer is exact.
 */
final class SeenKeys {
    private char[] chars = new char[1 << 14];
    private int used;
    private int[] starts = new int[1 << 10];
    private int[] lengths = new int[1 << 10];
    private int[] hashes = new int[1 << 10];
    private long[] rows = new long[1 << 10];
    private int size;
    /** Entry index + 1 per slot; 0 is an empty slot. */
    private int[] slots = new int[1 << 11];

    /**
     * Records that {@code key} is on {@code row} unless it was seen before.
     *
     * @return the row it was first seen on, or {@code -1} when it is new (and now recorded)
     */
    long putIfAbsent(String key, long row) {
        int hash = spread(key.hashCode());
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                add(key, row, hash, slot);
                return -1;
            }
            if (hashes[entry] == hash && sameKey(entry, key)) {
                return rows[entry];
            }
        }
    }

    int size() {
        return size;
    }

    private boolean sameKey(int entry, String key) {
        if (lengths[entry] != key.length()) {
            return false;
        }
        int start = starts[entry];
        for (int i = 0; i < key.length(); i++) {
            if (chars[start + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void add(String key, long row, int hash, int slot) {
        if (used + key.length() > chars.length) {
            long wanted = Math.max((long) chars.length * 2, (long) used + key.length());
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("The keys of this file hold more than 2 billion characters.");
            }
            chars = Arrays.copyOf(chars, (int) wanted);
        }
        if (size == starts.length) {
            int grown = size * 2;
            starts = Arrays.copyOf(starts, grown);
            lengths = Arrays.copyOf(lengths, grown);
            hashes = Arrays.copyOf(hashes, grown);
            rows = Arrays.copyOf(rows, grown);
        }
        key.getChars(0, key.length(), chars, used);
        starts[size] = used;
        lengths[size] = key.length();
        hashes[size] = hash;
        rows[size] = row;
        used += key.length();
        slots[slot] = ++size;
        if (size * 2 > slots.length) {
            rehash();
        }
    }

    private void rehash() {
        int[] grown = new int[slots.length * 2];
        int mask = grown.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int slot = hashes[entry] & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = entry + 1;
        }
        slots = grown;
    }

    /** Mixes the high bits of a string hash into the low ones, which pick the slot. */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }
}
