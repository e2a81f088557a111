package quant.core.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import quant.core.analysis.AsOf;

/**
 * The pipeline at a date: its totals, a breakdown, the stage funnel and the weighted forecast by
 * expected close month. Money in the deals' currency; NaN where a figure has no deals to come from.
 *
 * @param asOf the date computed at and whether it came from the data (JSON: {@code asOf}, the
 *     date, and {@code asOfFromData})
 * @param by the breakdown's label ({@code none} without one)
 * @param totals every deal started by the as-of date (in JSON, its keys sit at the top level)
 * @param groups the breakdown, largest first
 * @param funnel the stages in order with the deals that reached each
 * @param weightedByMonth open deals by expected close month
 * @param coverage the weighted pipeline against a target from {@code kpi_target}; null without one
 * @param typicalCycleDays median days to close of the won deals
 * @param stageTimes days deals spend in each open stage, with the stall threshold
 * @param openDeals the open deals, stalled first, then by days in their stage
 * @param scoring the win-probability model and its validation; null when too few deals have closed
 * @param journey leads followed through deal, job, invoice and payment; null when the data holds no lead
 * @param definitions how each figure is computed, in words
 */
public record PipelineResult(
        @JsonIgnore AsOf asOf,
        String by,
        @JsonUnwrapped Summary totals,
        List<Group> groups,
        List<Step> funnel,
        List<Month> weightedByMonth,
        Coverage coverage,
        double typicalCycleDays,
        List<StageTime> stageTimes,
        List<OpenDeal> openDeals,
        Scoring scoring,
        Journey journey,
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

    /** Open deals expected to close in a month ({@code none} when they have no expected date, {@code overdue} when it has passed). */
    public record Month(String month, int deals, double value, double weightedValue) {}

    /**
     * Pipeline coverage: the weighted value of open deals expected to close in the three months after
     * the as-of date, against the sum of a KPI's targets for those months.
     *
     * @param kpi the target used ({@code monthly_pipeline}, else {@code monthly_revenue})
     * @param months the months covered
     * @param target Σ of the monthly targets
     * @param weightedValue Σ weighted value of open deals expected to close in those months
     * @param ratio weightedValue ÷ target
     */
    public record Coverage(String kpi, List<String> months, double target, double weightedValue, double ratio) {}

    /**
     * Days deals spend in an open stage.
     *
     * @param stays finished stays (entered and left by the as-of date)
     * @param stalledAfterDays an open deal in the stage longer than this is stalled (NaN: too few stays,
     *     the deal's age against the typical cycle decides)
     * @param openNow open deals in the stage now
     * @param stalledNow of which stalled
     */
    public record StageTime(
            String stage,
            int stays,
            double meanDays,
            double medianDays,
            double p75Days,
            double stalledAfterDays,
            int openNow,
            int stalledNow) {
        StageTime withStalled(int stalled) {
            return new StageTime(stage, stays, meanDays, medianDays, p75Days, stalledAfterDays, openNow, stalled);
        }
    }

    /**
     * An open deal.
     *
     * @param ref the deal's reference in the CRM
     * @param ageDays days since it was created (else engaged); NaN when unknown
     * @param daysInStage days since it entered its stage; NaN when unknown
     * @param ageVsTypicalCycle ageDays ÷ the typical cycle
     * @param overdue whether its expected close date is before the as-of date
     * @param winProbability from the scoring model; NaN without one
     * @param drivers what moves its probability most (log-odds against the average deal)
     */
    public record OpenDeal(
            String ref,
            String customer,
            String rep,
            String source,
            String product,
            String stage,
            double amount,
            double weightedValue,
            double ageDays,
            double daysInStage,
            double ageVsTypicalCycle,
            boolean stalled,
            LocalDate expectedClose,
            boolean overdue,
            double winProbability,
            List<Driver> drivers) {}

    /** A feature of a deal and how much it moves the log-odds of winning against the average deal. */
    public record Driver(String feature, double logOdds) {}

    /**
     * The deal-scoring model.
     *
     * @param splitDate deals closed before it trained the validation model; those closed from it on tested it
     * @param rocAuc the area under the ROC curve on the test rows (0.5 is chance); NaN when not validated
     * @param note features left out and why, or why it was not validated; null when neither
     * @param coefficients per feature, on the standardised scale, largest first
     */
    public record Scoring(
            LocalDate splitDate,
            int trainDeals,
            int testDeals,
            int trainRows,
            int testRows,
            double rocAuc,
            String note,
            List<Coefficient> coefficients) {}

    /** A feature's coefficient per standard deviation. */
    public record Coefficient(String feature, double perSd) {}

    /**
     * The customer journey, counted in leads.
     *
     * @param leads leads created by the as-of date
     * @param jobsWithoutDeal leads that reached a job without a deal
     * @param steps lead, deal, job, invoice, payment
     * @param flows the journey as flows between stages, for a flow diagram
     */
    public record Journey(int leads, int jobsWithoutDeal, List<JourneyStep> steps, List<JourneyFlow> flows) {}

    /**
     * A step of the journey.
     *
     * @param reached leads that got this far (a job is reached with or without a deal)
     * @param shareOfLeads reached ÷ leads
     * @param stoppedHere leads whose journey ended at this step
     */
    public record JourneyStep(String step, int reached, double shareOfLeads, int stoppedHere) {}

    /** Leads going from one node of the journey to one of the next stage. */
    public record JourneyFlow(int stage, String from, String to, int leads) {}
}
