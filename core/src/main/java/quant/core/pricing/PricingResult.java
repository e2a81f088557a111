package quant.core.pricing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import quant.core.analysis.AsOf;

/**
 * Price sensitivity from the quote history, and the price that earns most in expectation.
 *
 * @param quotes decided quotes (deals that reached the quote stage and were won or lost by the as-of date)
 * @param won of them won
 * @param refusal why no price is recommended, or null when the recommendations stand
 * @param slope how fast winning falls with price: logit P(win) falls by this per unit of ln(price ÷ list
 *     price); NaN without a fit
 * @param effects every term of the fitted model with its 95 % interval
 * @param recommendations per service line and segment with enough quotes; empty when refused
 * @param curves the fitted win probability and expected margin against the price ratio, per
 *     recommendation row (also when refused, for lack of a price effect, if the model was fitted)
 */
public record PricingResult(
        @JsonIgnore AsOf asOf,
        String quoteStage,
        int quotes,
        int won,
        String refusal,
        double slope,
        double slopeLower,
        double slopeUpper,
        List<Effect> effects,
        List<Recommendation> recommendations,
        List<Curve> curves,
        List<String> notes,
        List<String> definitions)
        implements quant.core.analysis.Dated {
    @JsonProperty("asOf")
    public LocalDate asOfDate() {
        return asOf.date();
    }

    @JsonProperty("asOfFromData")
    public boolean asOfFromData() {
        return asOf.fromData();
    }

    /** One term of the model: {@code ln(price ratio)}, {@code segment=…} or {@code line=…}, on the logit scale. */
    public record Effect(String term, double coefficient, double lower, double upper) {}

    /**
     * The price to quote for a service line and segment, as a ratio to the product's list price.
     *
     * @param medianRatio the ratio quoted so far (median)
     * @param costShare the line's direct cost ÷ revenue on its jobs of the last 12 months: a quote's cost is
     *     taken as this share of the usual price (costShare × medianRatio × list price)
     * @param bestRatio the ratio with the highest expected margin (win probability × (ratio − cost)), within
     *     the ratios quoted in this cell
     * @param lowRatio the lowest and highRatio the highest ratio whose expected margin is within 5 % of the best
     * @param winAtBest the win probability at the best ratio; winAtMedian at the median ratio
     * @param expectedAtBest expected margin at the best ratio, per unit of list price; expectedAtMedian at
     *     the median
     * @param listPrice the median list price of the cell's quotes; bestPrice = bestRatio × listPrice
     */
    public record Recommendation(
            String line,
            String segment,
            int quotes,
            int won,
            double medianRatio,
            double costShare,
            double bestRatio,
            double lowRatio,
            double highRatio,
            double winAtBest,
            double winAtMedian,
            double expectedAtBest,
            double expectedAtMedian,
            double listPrice,
            double bestPrice) {}

    /**
     * The fitted curve of one line and segment over the ratios quoted there.
     *
     * @param medianRatio the ratio quoted there so far (median): the usual price on this curve
     */
    public record Curve(String line, String segment, double medianRatio, List<Point> points) {}

    /**
     * A point of a curve.
     *
     * @param lower the 95 % band of the win probability (delta method on the logit)
     * @param expected expected margin per unit of list price: win × (ratio − cost)
     */
    public record Point(double ratio, double win, double lower, double upper, double expected) {}
}
