package quant.core.marketing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import quant.core.analysis.AsOf;

/**
 * Marketing efficiency at a date: acquisition cost, lifetime value and payback per channel,
 * acquisition cost by month, campaigns, and recommendations phrased from these numbers. Money in the
 * data's currency; NaN or null where a figure has nothing to come from.
 *
 * @param ltvMethod {@code clv} or {@code historic}: which lifetime value the ratios use
 * @param ltvNote what the lifetime value is, in words (and why the CLV model was not used, if so)
 * @param ltvToCacTarget the {@code ltv_to_cac} KPI target at the as-of date, or null
 */
public record MarketingResult(
        @JsonIgnore AsOf asOf,
        String ltvMethod,
        String ltvNote,
        Double ltvToCacTarget,
        Channel total,
        List<Channel> channels,
        List<MonthCac> cacByMonth,
        List<Campaign> campaigns,
        List<String> recommendations,
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
     * One acquisition channel over the whole history to the as-of date.
     *
     * @param spend marketing spend in the channel
     * @param newCustomers customers acquired through it
     * @param cac spend ÷ new customers
     * @param ltv mean lifetime value of its customers (see {@code ltvMethod})
     * @param ltvToCac ltv ÷ cac
     * @param paybackMonths months after acquisition until the channel's customers' mean cumulative
     *     margin covers the CAC; null when not reached in the months observed
     * @param recoveredShare the mean cumulative margin at the last month observed for at least
     *     {@value MarketingAnalysis#MIN_COHORT} customers, ÷ CAC
     * @param leads leads recorded for the channel; leadConversion the share that became customers
     * @param cumulativeMargin the mean cumulative margin per customer after 1, 2, … months
     */
    public record Channel(
            String channel,
            double spend,
            int newCustomers,
            double cac,
            double ltv,
            double ltvToCac,
            Integer paybackMonths,
            double recoveredShare,
            int leads,
            double leadConversion,
            List<Double> cumulativeMargin) {}

    /** Acquisition cost of a channel in a month. */
    public record MonthCac(String month, String channel, double spend, int newCustomers, double cac) {}

    /**
     * A campaign: spend booked to it, the leads it brought, their deals, the customers they became,
     * and those customers' revenue and margin to the as-of date.
     *
     * @param roi (margin − spend) ÷ spend
     */
    public record Campaign(
            String name,
            String channel,
            LocalDate start,
            LocalDate end,
            double budget,
            double spend,
            int leads,
            int deals,
            int customers,
            double revenue,
            double margin,
            double roi) {}
}
