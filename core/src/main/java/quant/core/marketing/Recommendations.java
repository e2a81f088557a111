package quant.core.marketing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Sentences comparing the channels, each built from the figures beside it: fastest against slowest
 * payback, cheapest against dearest customer, highest against lowest LTV:CAC, and the channels
 * below the LTV:CAC target. Only channels with at least {@value #MIN_CUSTOMERS} customers are
 * compared, so that one lucky month does not make a recommendation.
 */
final class Recommendations {
    static final int MIN_CUSTOMERS = 20;

    private Recommendations() {}

    static List<String> of(List<MarketingResult.Channel> channels, Double target) {
        List<MarketingResult.Channel> solid = channels.stream()
                .filter(c -> c.newCustomers() >= MIN_CUSTOMERS && c.cac() > 0)
                .toList();
        List<String> out = new ArrayList<>();
        if (solid.size() < 2) {
            return out;
        }
        List<MarketingResult.Channel> paid = solid.stream()
                .filter(c -> c.paybackMonths() != null)
                .sorted(Comparator.comparingInt(MarketingResult.Channel::paybackMonths)
                        .thenComparingDouble(MarketingResult.Channel::cac))
                .toList();
        List<MarketingResult.Channel> unpaid =
                solid.stream().filter(c -> c.paybackMonths() == null).toList();
        if (!paid.isEmpty() && !unpaid.isEmpty()) {
            MarketingResult.Channel slow = unpaid.stream()
                    .min(Comparator.comparingDouble(MarketingResult.Channel::recoveredShare))
                    .orElseThrow();
            out.add(String.format(
                    Locale.ROOT,
                    "%s customers pay back their acquisition cost in %s; %s customers have so far recovered %.0f %%"
                            + " of their CAC of %s.",
                    capital(name(paid.getFirst())),
                    months(paid.getFirst().paybackMonths()),
                    name(slow),
                    100 * slow.recoveredShare(),
                    money(slow.cac())));
        } else if (paid.size() >= 2
                && !paid.getFirst().paybackMonths().equals(paid.getLast().paybackMonths())) {
            out.add(String.format(
                    Locale.ROOT,
                    "%s customers pay back in %s vs %s for %s.",
                    capital(name(paid.getFirst())),
                    months(paid.getFirst().paybackMonths()),
                    months(paid.getLast().paybackMonths()),
                    name(paid.getLast())));
        }
        List<MarketingResult.Channel> byCac = solid.stream()
                .sorted(Comparator.comparingDouble(MarketingResult.Channel::cac))
                .toList();
        MarketingResult.Channel cheap = byCac.getFirst();
        MarketingResult.Channel dear = byCac.getLast();
        if (dear.cac() >= 1.5 * cheap.cac()) {
            out.add(String.format(
                    Locale.ROOT,
                    "CAC is %s through %s and %s through %s (%.1f× as much).",
                    money(cheap.cac()),
                    name(cheap),
                    money(dear.cac()),
                    name(dear),
                    dear.cac() / cheap.cac()));
        }
        List<MarketingResult.Channel> byRatio = solid.stream()
                .filter(c -> Double.isFinite(c.ltvToCac()))
                .sorted(Comparator.comparingDouble(MarketingResult.Channel::ltvToCac)
                        .reversed())
                .toList();
        if (byRatio.size() >= 2) {
            MarketingResult.Channel best = byRatio.getFirst();
            MarketingResult.Channel worst = byRatio.getLast();
            out.add(String.format(
                    Locale.ROOT,
                    "%s customers are worth %.1f× what they cost to win, %s customers %.1f×: spend moved from %s to"
                            + " %s buys more value, as far as %s can grow.",
                    capital(name(best)),
                    best.ltvToCac(),
                    name(worst),
                    worst.ltvToCac(),
                    name(worst),
                    name(best),
                    name(best)));
        }
        if (target != null) {
            List<MarketingResult.Channel> below =
                    byRatio.stream().filter(c -> c.ltvToCac() < target).toList();
            if (!below.isEmpty()) {
                out.add(String.format(
                        Locale.ROOT,
                        "Below the LTV:CAC target of %.1f: %s.",
                        target,
                        String.join(
                                ", ",
                                below.stream()
                                        .map(c -> String.format(Locale.ROOT, "%s (%.1f)", name(c), c.ltvToCac()))
                                        .toList())));
            } else {
                out.add(String.format(Locale.ROOT, "Every channel meets the LTV:CAC target of %.1f.", target));
            }
        }
        return List.copyOf(out);
    }

    /** A channel code as words: {@code home_shows} → "home shows". */
    static String name(MarketingResult.Channel c) {
        return c.channel().replace('_', ' ');
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String months(int m) {
        return m == 1 ? "1 month" : m + " months";
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
