package quant.core.segment;

import java.util.Arrays;
import java.util.List;

/**
 * RFM scoring (Hughes 1994, "Strategic Database Marketing"): each customer gets 1–5 for recency
 * (5 = bought most recently), frequency (purchase days) and monetary value (revenue to date), by
 * quintile of the customers: score = 1 + ⌊5 · (customers with a strictly worse value) ÷ n⌋, so ties
 * share a score. Named segments follow from R and F:
 *
 * <pre>
 *            F 1         F 2–3                 F 4–5
 * R 4–5      New         Potential loyalists   Champions
 * R 3        Needs attention                   Loyal
 * R 1–2      Hibernating (F ≤ 2)   At risk (F ≥ 3)
 * </pre>
 */
public final class Rfm {
    /** A named segment, its rule in words and the action it calls for. */
    public enum Segment {
        CHAMPIONS("Champions", "bought recently and often", "Reward them; ask for referrals and reviews."),
        LOYAL("Loyal", "buy often, not in the last while", "Offer a maintenance plan; keep them close."),
        POTENTIAL_LOYALISTS(
                "Potential loyalists", "recent, a few purchases", "Follow up after each job; offer a plan."),
        NEW("New", "recent first purchase", "Welcome call; schedule the next service."),
        NEEDS_ATTENTION(
                "Needs attention", "middling recency, not frequent", "Seasonal reminder with a reason to book."),
        AT_RISK("At risk", "used to buy often, not lately", "Call now: find out what changed."),
        HIBERNATING("Hibernating", "long ago, rarely", "Low-cost reactivation campaign, or let go.");

        private final String title;
        private final String rule;
        private final String action;

        Segment(String title, String rule, String action) {
            this.title = title;
            this.rule = rule;
            this.action = action;
        }

        public String title() {
            return title;
        }

        public String rule() {
            return rule;
        }

        public String action() {
            return action;
        }

        /** The segment of an R and an F score. */
        public static Segment of(int r, int f) {
            if (r >= 4) {
                return f >= 4 ? CHAMPIONS : f >= 2 ? POTENTIAL_LOYALISTS : NEW;
            }
            if (r == 3) {
                return f >= 4 ? LOYAL : NEEDS_ATTENTION;
            }
            return f >= 3 ? AT_RISK : HIBERNATING;
        }
    }

    public static final List<Segment> SEGMENTS = List.of(Segment.values());

    private Rfm() {}

    /** Quintile scores 1–5 of the values, higher values scoring higher; ties share the lower score. */
    public static int[] scores(double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int below = lowerBound(sorted, values[i]);
            out[i] = 1 + (int) (5L * below / n);
        }
        return out;
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
