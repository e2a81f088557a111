package quant.core.routing;

import java.util.SplittableRandom;

/**
 * The ruin step of {@link RouteSearch} (SISR's string removal): a few strings of consecutive stops
 * are taken out of the routes nearest a random seed stop. With {@code c̄} = {@value #MEAN_REMOVED}
 * stops removed on average and strings of at most {@code L} = {@value #MAX_STRING}, the string length
 * limit is {@code l = min(L, mean route size)} and the number of strings is drawn from {@code 1 ..
 * 4c̄/(1+l) − 1}; each route near the seed loses one string of {@code 1 .. min(l, route size)} stops,
 * half the time split around a block that stays. Stops kept by re-planning are never removed.
 */
final class StringRemoval {

    static final int MEAN_REMOVED = 10;
    static final int MAX_STRING = 10;

    private final SearchModel m;
    private final SplittableRandom rng;

    StringRemoval(SearchModel m, SplittableRandom rng) {
        this.m = m;
        this.rng = rng;
    }

    void ruin(SearchState s, Bank bank) {
        int assigned = 0;
        int used = 0;
        for (int r = 0; r < m.vehicles; r++) {
            int free = s.size[r] - m.pinned[r];
            if (free > 0) {
                assigned += free;
                used++;
            }
        }
        if (assigned == 0) {
            return;
        }
        double meanSize = (double) assigned / used;
        double maxString = Math.min(MAX_STRING, meanSize);
        double maxStrings = 4.0 * MEAN_REMOVED / (1 + maxString) - 1;
        int strings = (int) (rng.nextDouble() * maxStrings) + 1;
        int seed = randomMovable(s, assigned);
        boolean[] ruined = new boolean[m.vehicles];
        int done = 0;
        int[] bankSize = {bank.size};
        for (int c : m.neighbours[seed]) {
            if (done >= strings) {
                break;
            }
            int r = s.routeOf[c];
            if (r < 0 || ruined[r] || m.fixed[c]) {
                continue;
            }
            int free = s.size[r] - m.pinned[r];
            int maxHere = (int) Math.min(free, maxString);
            if (maxHere < 1) {
                continue;
            }
            int length = (int) (rng.nextDouble() * maxHere) + 1;
            int at = position(s, r, c);
            if (length >= 2 && length < free && rng.nextDouble() < 0.5) {
                int keep = 1;
                while (length + keep < free && rng.nextDouble() < 0.5) {
                    keep++;
                }
                int window = length + keep;
                int from = window(s, r, at, window);
                int offset = 1 + rng.nextInt(length - 1);
                s.cut(r, from + offset + keep, from + window, bank.items, bankSize);
                s.cut(r, from, from + offset, bank.items, bankSize);
            } else {
                int from = window(s, r, at, length);
                s.cut(r, from, from + length, bank.items, bankSize);
            }
            ruined[r] = true;
            done++;
        }
        bank.size = bankSize[0];
        for (int r = 0; r < m.vehicles; r++) {
            if (ruined[r]) {
                s.refresh(r);
            }
        }
    }

    /** A random start for a window of {@code length} positions in route {@code r} containing {@code at}. */
    private int window(SearchState s, int r, int at, int length) {
        int lo = Math.max(m.pinned[r], at - length + 1);
        int hi = Math.min(at, s.size[r] - length);
        return lo + rng.nextInt(hi - lo + 1);
    }

    private int randomMovable(SearchState s, int assigned) {
        int k = rng.nextInt(assigned);
        for (int r = 0; r < m.vehicles; r++) {
            int free = s.size[r] - m.pinned[r];
            if (k < free) {
                return s.seq[r][m.pinned[r] + k];
            }
            k -= free;
        }
        throw new IllegalStateException("no movable stop");
    }

    private static int position(SearchState s, int r, int c) {
        int[] q = s.seq[r];
        for (int i = 0; i < s.size[r]; i++) {
            if (q[i] == c) {
                return i;
            }
        }
        throw new IllegalStateException("stop not on its route");
    }
}
