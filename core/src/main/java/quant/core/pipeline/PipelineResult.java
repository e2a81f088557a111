package quant.core.pipeline;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The pipeline at a date: its totals, a breakdown, the stage funnel and the weighted forecast by
 * expected close month. Money in the deals' currency; NaN where a figure has no deals to come from.
 *
 * @param asOf the date
 * @param asOfFromData whether the date was taken from the data
 * @param by the breakdown's label ({@code none} without one)
 * @param totals every deal started by the as-of date (in JSON, its keys sit at the top level)
 * @param groups the breakdown, largest first
 * @param funnel the stages in order with the deals that reached each
 * @param weightedByMonth open deals by expected close month
 * @param definitions how each figure is computed, in words
 */
public record PipelineResult(
        LocalDate asOf,
        boolean asOfFromData,
        String by,
        @JsonUnwrapped Summary totals,
        List<Group> groups,
        List<Step> funnel,
        List<Month> weightedByMonth,
        List<String> definitions) {

    /**
     * The figures of a set of deals.
     *
     * @param stageCounts deals by their stage at the as-of date (closed deals under their final stage)
     * @param winRate won ÷ (won + lost)
     * @param avgDaysToCloseWon mean days from creation (else engagement) to close, won deals
     * @param avgDaysToCloseAll the same over won and lost deals
     * @param weightedOpenValue Σ open value × the win rate of the deal's stage
     * @param salesVelocityPerDay open deals × win rate × average won value ÷ average days to close a won deal
     */
    public record Summary(
            int dealCount,
            Map<String, Integer> stageCounts,
            int won,
            int lost,
            int open,
            double winRate,
            double wonValue,
            double averageWonValue,
            double avgDaysToCloseWon,
            double avgDaysToCloseLost,
            double avgDaysToCloseAll,
            double openValue,
            double weightedOpenValue,
            double salesVelocityPerDay) {}

    /** One value of the breakdown (a rep, a lead source, a product; "(none)" when the deal has none). */
    public record Group(String key, Summary summary) {}

    /**
     * A stage of the funnel.
     *
     * @param reached deals that reached the stage
     * @param toNext the share of them that reached the next stage (NaN for the last)
     * @param winRate the chance a deal that reached the stage is won, and the closed deals behind it
     */
    public record Step(String stage, int reached, double toNext, double winRate, int closedSample, boolean ownRate) {}

    /** Open deals expected to close in a month ({@code none} when they have no expected date). */
    public record Month(String month, int deals, double value, double weightedValue) {}
}
