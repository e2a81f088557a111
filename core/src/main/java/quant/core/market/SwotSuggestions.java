package quant.core.market;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * SWOT entries drawn from the market figures, to pre-fill a board that users then edit: lines
 * gaining share are strengths and lines losing it weaknesses; lines whose market outgrew our
 * revenue are opportunities; our rating against the competitors' is a strength or a weakness, and
 * a competitor rated above us whose rating rose over the year is a threat.
 */
final class SwotSuggestions {
    static final String STRENGTHS = "strengths";
    static final String WEAKNESSES = "weaknesses";
    static final String OPPORTUNITIES = "opportunities";
    static final String THREATS = "threats";

    private SwotSuggestions() {}

    static List<MarketResult.Suggestion> of(
            List<MarketResult.Line> lines,
            List<MarketResult.Opportunity> opportunities,
            List<MarketResult.Competitor> competitors,
            double ourRating,
            java.util.Map<String, String> names) {
        List<MarketResult.Suggestion> out = new ArrayList<>();
        for (MarketResult.Line l : lines) {
            if (l.firstPeriod().equals(l.lastPeriod())) {
                continue;
            }
            String text = String.format(
                    Locale.ROOT,
                    "%s share %s from %.2f %% (%s) to %.2f %% (%s) of the market.",
                    MarketResult.nameOf(names, l.segment()),
                    l.shareChangePoints() >= 0 ? "grew" : "fell",
                    100 * l.firstShare(),
                    l.firstPeriod(),
                    100 * l.lastShare(),
                    l.lastPeriod());
            out.add(new MarketResult.Suggestion(l.shareChangePoints() >= 0 ? STRENGTHS : WEAKNESSES, text));
        }
        for (MarketResult.Opportunity o : opportunities) {
            out.add(new MarketResult.Suggestion(OPPORTUNITIES, o.text()));
        }
        lines.stream()
                .filter(l -> Double.isFinite(l.marketGrowth()))
                .max(Comparator.comparingDouble(MarketResult.Line::marketGrowth))
                .filter(l -> opportunities.stream().noneMatch(o -> o.segment().equals(l.segment())))
                .ifPresent(l -> out.add(new MarketResult.Suggestion(
                        OPPORTUNITIES,
                        String.format(
                                Locale.ROOT,
                                "The %s market grew fastest of our lines: %.0f %% in %s.",
                                MarketResult.nameOf(names, l.segment()),
                                100 * l.marketGrowth(),
                                l.lastPeriod()))));
        List<MarketResult.Competitor> ratings = competitors.stream()
                .filter(c -> c.metric().toLowerCase(Locale.ROOT).contains("rating"))
                .toList();
        if (!Double.isNaN(ourRating) && !ratings.isEmpty()) {
            double mean = ratings.stream()
                    .mapToDouble(MarketResult.Competitor::value)
                    .average()
                    .orElseThrow();
            out.add(new MarketResult.Suggestion(
                    ourRating >= mean ? STRENGTHS : WEAKNESSES,
                    String.format(
                            Locale.ROOT,
                            "Customers rate our work %.2f, %s the competitors' %.2f on average.",
                            ourRating,
                            ourRating >= mean ? "above" : "below",
                            mean)));
            for (MarketResult.Competitor c : ratings) {
                if (c.value() > ourRating && c.changeOverYear() > 0) {
                    out.add(new MarketResult.Suggestion(
                            THREATS,
                            String.format(
                                    Locale.ROOT,
                                    "%s is rated %.2f, above our %.2f, and rose %.2f over the year.",
                                    c.competitor(),
                                    c.value(),
                                    ourRating,
                                    c.changeOverYear())));
                }
            }
        }
        for (MarketResult.Line l : lines) {
            if (l.marketGrowth() < 0) {
                out.add(new MarketResult.Suggestion(
                        THREATS,
                        String.format(
                                Locale.ROOT,
                                "The %s market shrank %.0f %% in %s.",
                                MarketResult.nameOf(names, l.segment()),
                                -100 * l.marketGrowth(),
                                l.lastPeriod())));
            }
        }
        return List.copyOf(out);
    }
}
