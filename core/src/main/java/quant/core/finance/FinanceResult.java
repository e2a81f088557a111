package quant.core.finance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import quant.core.analysis.AsOf;

/**
 * The finance monitors at an as-of date: how much of the revenue rests on a few customers, gross
 * and operating margin month by month, how seasonal and how volatile revenue is, and the cash
 * reserve those imply. Money in the data's currency; rates and shares are fractions; statuses are
 * {@code ok}, {@code warning} or {@code critical} against the levels in the business settings (null
 * where there is nothing to judge).
 *
 * @param invoiced12 invoiced revenue (not void) over the 12 months to the as-of date
 * @param top5Share the five largest customers' share of it
 * @param hhi the Herfindahl index: the sum of every customer's share squared (1 = one customer)
 * @param concentration the ten largest customers with their shares
 * @param months gross and operating margin by calendar month, the last 24 (the as-of month may be partial)
 * @param grossMargin gross margin share over the last three complete months
 * @param operatingMargin operating margin share over the last three complete months
 * @param seasonality each calendar month's seasonal index of revenue (1 = an average month); empty
 *     with fewer than 24 months of history
 * @param volatility the coefficient of variation of monthly revenue once trend and season are taken out
 * @param reserve the worst three-month stretch and the cash it takes to carry the fixed costs through it
 */
public record FinanceResult(
        @JsonIgnore AsOf asOf,
        double invoiced12,
        int customersInvoiced,
        double top5Share,
        String top5Status,
        double hhi,
        String hhiStatus,
        List<Share> concentration,
        List<Month> months,
        double grossMargin,
        String grossStatus,
        double operatingMargin,
        String operatingStatus,
        List<Season> seasonality,
        double volatility,
        String volatilityStatus,
        Reserve reserve,
        List<String> levels,
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

    /** A customer's share of the 12 months' invoicing, and the share of the largest up to it. */
    public record Share(int rank, long id, String name, double invoiced, double share, double cumulativeShare) {}

    /**
     * One calendar month.
     *
     * @param revenue revenue of the jobs completed in the month
     * @param jobCosts their labour + materials + equipment
     * @param grossMargin revenue − job costs
     * @param fixedCosts fixed expenses; variableCosts variable expenses; marketing marketing spend
     * @param operatingMargin gross margin − expenses − marketing spend
     * @param complete whether the whole month lies on or before the as-of date
     */
    public record Month(
            String month,
            double revenue,
            double jobCosts,
            double grossMargin,
            double grossShare,
            double fixedCosts,
            double variableCosts,
            double marketing,
            double operatingMargin,
            double operatingShare,
            boolean complete) {}

    /** A calendar month's seasonal index (month 1 = January). */
    public record Season(int month, double index) {}

    /**
     * The worst three consecutive complete months of the last 36: from, to, their fixed costs and
     * what was left after variable costs and marketing to carry them.
     *
     * @param shortfall fixed costs − contribution over the three months (0 when they were covered)
     * @param monthsOfFixedCosts shortfall ÷ the mean monthly fixed costs of the last 12 months
     * @param averageFixed that mean
     */
    public record Reserve(
            String from,
            String to,
            double fixedCosts,
            double contribution,
            double shortfall,
            double averageFixed,
            double monthsOfFixedCosts) {}
}
