package quant.core.marketing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import quant.core.analysis.DisplayNames;

/**
 * Sentences comparing the channels, each built from the figures beside it: fastest against slowest
 * payback, cheapest against dearest customer, highest against lowest LTV:CAC, and the channels
 * below the LTV:CAC target. Amounts stay in the table beside the sentences, which carries their
 * currency; the sentences speak in months, shares and ratios. Only channels with at least {@value #MIN_CUSTOMERS} customers are
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
                            + " of theirs.",
                    name(paid.getFirst()),
                    months(paid.getFirst().paybackMonths()),
                    name(slow),
                    100 * slow.recoveredShare()));
        } else if (paid.size() >= 2
                && !paid.getFirst().paybackMonths().equals(paid.getLast().paybackMonths())) {
            out.add(String.format(
                    Locale.ROOT,
                    "%s customers pay back in %s vs %s for %s.",
                    name(paid.getFirst()),
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
                    "A customer won through %s costs %.1f× as much as one won through %s.",
                    name(dear),
                    dear.cac() / cheap.cac(),
                    name(cheap)));
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
                    name(best),
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

    /** A channel as a person reads it: {@code home_shows} → "Home Shows" ({@link DisplayNames}). */
    static String name(MarketingResult.Channel c) {
        return DisplayNames.of(c.channel());
    }

    private static String months(int m) {
        return m == 1 ? "1 month" : m + " months";
    }
}
