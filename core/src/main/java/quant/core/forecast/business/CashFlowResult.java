package quant.core.forecast.business;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import quant.core.analysis.AsOf;
import quant.core.analysis.Money;

/**
 * Cash in and out over the days after the as-of date, week by week. Money is in the company's
 * currency; keys of the JSON form are listed in {@code docs/cli.md}.
 *
 * @param asOf the date forecast from and whether it came from the data (JSON: {@code asOf}, the ISO date)
 * @param horizonDays the days covered
 * @param openingCash the balance at the end of the as-of date, or null when none was entered
 * @param weeks the weeks (the last may be shorter)
 * @param totals the components summed over the horizon
 * @param openInvoices what is owed at the as-of date and how much of it is expected within the horizon
 * @param assumptions the shares and monthly amounts the outflows are computed from
 * @param lowCashThreshold 30 days of outflows (the horizon's average daily outflow × 30)
 * @param lowCashDate the first day the expected balance falls below the threshold, or null (also
 *     null without an opening balance)
 * @param lowCashDateLower80 the first day the lower 80 % bound of the balance falls below it, or null
 * @param lowCashDays the days of the horizon on which the expected balance is below the threshold
 * @param notes what the figures assume, in sentences
 */
public record CashFlowResult(
        @JsonIgnore AsOf asOf,
        int horizonDays,
        Double openingCash,
        List<Week> weeks,
        Flows totals,
        OpenInvoices openInvoices,
        Assumptions assumptions,
        double lowCashThreshold,
        String lowCashDate,
        String lowCashDateLower80,
        int lowCashDays,
        List<String> notes)
        implements quant.core.analysis.Dated {
    /** The as-of date as the JSON's {@code asOf} holds it (ISO). */
    @JsonProperty("asOf")
    public String asOfText() {
        return asOf.date().toString();
    }

    public CashFlowResult {
        openingCash = cents(openingCash);
        lowCashThreshold = Money.cents(lowCashThreshold);
    }

    /** Whether a balance is shown (an opening balance was entered). */
    public boolean hasBalance() {
        return openingCash != null;
    }

    /**
     * One week. Balances are at its last day; null without an opening balance.
     *
     * @param cumulativeNet net flow from the as-of date to the week's last day
     */
    public record Week(
            String start,
            String end,
            Flows flows,
            double cumulativeNet,
            Double balance,
            Double balanceLower80,
            Double balanceUpper80,
            Double balanceLower95,
            Double balanceUpper95) {
        public Week {
            cumulativeNet = Money.cents(cumulativeNet);
            balance = cents(balance);
            balanceLower80 = cents(balanceLower80);
            balanceUpper80 = cents(balanceUpper80);
            balanceLower95 = cents(balanceLower95);
            balanceUpper95 = cents(balanceUpper95);
        }
    }

    private static Double cents(Double v) {
        return v == null ? null : Money.cents(v);
    }

    /**
     * Cash flows of a period, each a positive amount.
     *
     * @param collectionsOpen payments expected on invoices open at the as-of date
     * @param collectionsForecast payments expected on the revenue forecast after the as-of date
     * @param jobCosts labour, materials and equipment of the forecast jobs
     * @param fixedExpenses fixed overheads
     * @param variableExpenses variable overheads (fuel, supplies, …), in proportion to revenue
     * @param marketing marketing spend
     * @param net collections − outflows
     */
    public record Flows(
            double collectionsOpen,
            double collectionsForecast,
            double jobCosts,
            double fixedExpenses,
            double variableExpenses,
            double marketing,
            double net) {
        public Flows {
            collectionsOpen = Money.cents(collectionsOpen);
            collectionsForecast = Money.cents(collectionsForecast);
            jobCosts = Money.cents(jobCosts);
            fixedExpenses = Money.cents(fixedExpenses);
            variableExpenses = Money.cents(variableExpenses);
            marketing = Money.cents(marketing);
            net = Money.cents(net);
        }
    }

    /**
     * Invoices open at the as-of date: {@code expected + later + doubtful = outstanding}.
     *
     * @param count open invoices with money outstanding
     * @param outstanding the money outstanding
     * @param expected the part expected to be paid within the horizon
     * @param later the part of invoices the payment record expects to be paid, but after the horizon
     *     (or never, for the share of invoices the record shows never paid)
     * @param doubtful owed on invoices older than any invoice ever paid: no collection is expected
     * @param ownHistory invoices whose timing comes from their own customer's payment record
     * @param doubtfulByAge the doubtful invoices by days past due
     */
    public record OpenInvoices(
            int count,
            double outstanding,
            double expected,
            double later,
            double doubtful,
            int ownHistory,
            List<AgeBand> doubtfulByAge) {
        public OpenInvoices {
            outstanding = Money.cents(outstanding);
            expected = Money.cents(expected);
            later = Money.cents(later);
            doubtful = Money.cents(doubtful);
        }
    }

    /**
     * Invoices by days past their due date.
     *
     * @param label the band in words: "not yet due", "1–30 days", "over 365 days"
     * @param fromDays the first day past due of the band, or null for "not yet due"
     * @param toDays the last, or null for the open-ended oldest band and for "not yet due"
     */
    public record AgeBand(String label, Integer fromDays, Integer toDays, int count, double amount) {
        public AgeBand {
            amount = Money.cents(amount);
        }
    }

    /**
     * @param jobCostShare job costs ÷ revenue of the jobs completed in the last twelve months
     * @param variableExpenseShare variable expenses ÷ job revenue over the last twelve complete months
     * @param fixedPerMonth fixed expenses of the latest month recorded
     * @param marketingPerMonth average monthly marketing spend over the last three months recorded
     * @param medianDaysToPay median days from invoice to payment (all customers, Kaplan–Meier)
     * @param uncollectedShare share of invoiced revenue not paid within the longest delay observed
     */
    public record Assumptions(
            double jobCostShare,
            double variableExpenseShare,
            double fixedPerMonth,
            double marketingPerMonth,
            int medianDaysToPay,
            double uncollectedShare) {
        public Assumptions {
            fixedPerMonth = Money.cents(fixedPerMonth);
            marketingPerMonth = Money.cents(marketingPerMonth);
        }
    }
}
