package quant.core.market;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import quant.core.analysis.AsOf;

/**
 * Where the business stands in its market: share by period and service line from imported market
 * sizes, the share's trend, the lines whose market grows faster than our revenue, competitors'
 * latest figures beside ours, and SWOT suggestions drawn from these numbers.
 *
 * @param periods each market figure with our revenue in the same period and line
 * @param lines per line: the share's trend and the latest growth of market and revenue
 * @param opportunities the lines whose market grew faster than our revenue in the latest complete period, largest gap first
 * @param competitors each competitor's latest observation per metric, with the change over a year
 * @param ourRating our mean job rating over the twelve months to the as-of date (NaN without ratings)
 * @param suggestions SWOT entries drawn from the figures, to pre-fill the board
 */
public record MarketResult(
        @JsonIgnore AsOf asOf,
        List<Period> periods,
        List<Line> lines,
        List<Opportunity> opportunities,
        List<Competitor> competitors,
        double ourRating,
        List<Suggestion> suggestions,
        Map<String, String> segmentNames,
        List<String> definitions)
        implements quant.core.analysis.Dated {
    /** The as-of date, as the JSON's {@code asOf} holds it. */
    @JsonProperty("asOf")
    public LocalDate asOfDate() {
        return asOf.date();
    }

    /** Whether the as-of date was taken from the data (JSON {@code asOfFromData}). */
    @JsonProperty("asOfFromData")
    public boolean asOfFromData() {
        return asOf.fromData();
    }

    /** The name a person reads for a segment: its service line's name, else its display name. */
    public String nameOf(String segment) {
        return nameOf(segmentNames, segment);
    }

    /** A segment's name among {@code segmentNames} (service lines by code), else its display name. */
    static String nameOf(Map<String, String> segmentNames, String segment) {
        return segment == null
                ? null
                : segmentNames.getOrDefault(segment, quant.core.analysis.DisplayNames.of(segment));
    }

    /**
     * One market figure.
     *
     * @param segment the market segment (a service-line code when it matches one)
     * @param complete whether the period had ended by the as-of date
     * @param ourRevenue revenue of completed jobs of the line in the period (to the as-of date)
     * @param share ourRevenue ÷ market value (the market value pro rata for an incomplete period); NaN when
     *     the metric is not revenue or the segment is not one of our lines
     */
    public record Period(
            String segment,
            String metric,
            LocalDate start,
            LocalDate end,
            boolean complete,
            double marketValue,
            double ourRevenue,
            double share) {}

    /**
     * A line's share over time.
     *
     * @param firstShare share in the first complete period; lastShare in the latest
     * @param shareChangePoints lastShare − firstShare, in percentage points
     * @param marketGrowth market value growth from the period before the latest complete one
     * @param revenueGrowth our revenue growth over the same two periods
     */
    public record Line(
            String segment,
            String firstPeriod,
            String lastPeriod,
            double firstShare,
            double lastShare,
            double shareChangePoints,
            double marketGrowth,
            double revenueGrowth) {}

    /**
     * A line whose market grew faster than our revenue.
     *
     * @param revenueAtHeldShare the revenue the line would have had in the latest period at the share of the period before
     * @param gap revenueAtHeldShare − our revenue
     */
    public record Opportunity(
            String segment,
            String period,
            double marketGrowth,
            double revenueGrowth,
            double revenueAtHeldShare,
            double ourRevenue,
            double gap,
            String text) {}

    /** A competitor's latest figure for a metric, and its change from the latest observation a year or more before. */
    public record Competitor(
            String competitor,
            String segment,
            String metric,
            LocalDate observed,
            double value,
            double changeOverYear) {}

    /** A SWOT entry: quadrant (strengths, weaknesses, opportunities, threats) and text. */
    public record Suggestion(String quadrant, String text) {}
}
