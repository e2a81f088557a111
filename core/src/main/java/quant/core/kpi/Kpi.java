package quant.core.kpi;

import java.util.Locale;
import java.util.Optional;

/**
 * The KPI registry: every KPI the dashboard, the health score, the alerts and the board pack know,
 * with its unit, which way is better, its section, the analysis whose view explains it, the name its
 * target rows carry in {@code kpi_target}, and its definition in words. The values themselves are
 * measured by {@link KpiMeasures} over a {@link Window}.
 *
 * <p>A target row's number is read in the KPI's unit, except that a target named {@code *_pct} is in
 * percent (48.00 means 0.48); a flow KPI (revenue, new customers) has its target per month, scaled to
 * the days of the window it is compared with.
 */
public enum Kpi {
    REVENUE(
            "revenue",
            "Revenue",
            KpiUnit.MONEY,
            true,
            Section.FINANCE,
            "finance",
            "monthly_revenue",
            true,
            "Revenue of the jobs completed in the period (the finance monitors' revenue)."),
    GROSS_MARGIN(
            "gross_margin",
            "Gross margin",
            KpiUnit.FRACTION,
            true,
            Section.FINANCE,
            "finance",
            "gross_margin_pct",
            false,
            "(Revenue − labour, materials and equipment of the jobs completed in the period) ÷ revenue."),
    OPERATING_MARGIN(
            "operating_margin",
            "Operating margin",
            KpiUnit.FRACTION,
            true,
            Section.FINANCE,
            "finance",
            "operating_margin_pct",
            false,
            "(Gross margin − the period's fixed and variable expenses − marketing spend) ÷ revenue."),
    AVERAGE_RATING(
            "average_rating",
            "Average rating",
            KpiUnit.RATING,
            true,
            Section.OPERATIONS,
            "technicians",
            "average_rating",
            false,
            "Mean of the ratings (1–5) given to the jobs completed in the period."),
    FIRST_TIME_FIX(
            "first_time_fix",
            "First-time fix rate",
            KpiUnit.FRACTION,
            true,
            Section.OPERATIONS,
            "technicians",
            "first_time_fix_rate_pct",
            false,
            "1 − called-back first visits ÷ first visits completed in the period (a first visit is a job that is"
                    + " not itself a callback; it is called back when a job naming it was requested by the as-of"
                    + " date)."),
    CALLBACK_RATE(
            "callback_rate",
            "Callback rate",
            KpiUnit.FRACTION,
            false,
            Section.OPERATIONS,
            "technicians",
            "callback_rate_pct",
            false,
            "Callback visits completed in the period ÷ all jobs completed in it: the share of the work that went"
                    + " back to fix earlier work."),
    UTILISATION(
            "utilisation",
            "Utilisation",
            KpiUnit.FRACTION,
            true,
            Section.OPERATIONS,
            "technicians",
            "utilisation_pct",
            false,
            "(Hours on jobs + travel hours) of the jobs completed in the period ÷ the technicians' shift hours on"
                    + " their work days in it."),
    NEW_CUSTOMERS(
            "new_customers",
            "New customers",
            KpiUnit.COUNT,
            true,
            Section.CUSTOMERS,
            "cohorts",
            "monthly_new_customers",
            true,
            "Customers acquired in the period (their acquisition date)."),
    CHURN_RATE(
            "churn_rate",
            "Monthly churn rate",
            KpiUnit.FRACTION,
            false,
            Section.CUSTOMERS,
            "churn-risk",
            "monthly_churn_pct",
            false,
            "1 − (1 − C)^(1/12), C the share of the customers active a year before the period end (a purchase"
                    + " within the churn inactivity window) who are not active at it."),
    NET_REVENUE_RETENTION(
            "net_revenue_retention",
            "Net revenue retention",
            KpiUnit.FRACTION,
            true,
            Section.CUSTOMERS,
            "cohorts",
            "net_revenue_retention_pct",
            false,
            "Revenue in the 12 months to the period end from the customers who bought in the 12 months before"
                    + " ÷ what they bought then."),
    DSO(
            "dso",
            "DSO",
            KpiUnit.DAYS,
            false,
            Section.RISK,
            "receivables",
            "dso_days",
            false,
            "Days sales outstanding at the period end: open receivables ÷ the last 90 days' invoicing × 90."),
    RECEIVABLES_OVER_60(
            "receivables_over_60",
            "Receivables over 60 days",
            KpiUnit.MONEY,
            false,
            Section.RISK,
            "receivables",
            "receivables_over_60",
            false,
            "Open receivables 61 to 365 days past their due date at the period end (older ones are doubtful"
                    + " debt, shown in the receivables view's aging)."),
    TOP5_CONCENTRATION(
            "top5_concentration",
            "Top-5 concentration",
            KpiUnit.FRACTION,
            false,
            Section.RISK,
            "finance",
            "top5_share_pct",
            false,
            "The five largest customers' share of the invoicing (not void) in the 12 months to the period end."),
    CASH_RUNWAY(
            "cash_runway",
            "Cash runway",
            KpiUnit.MONTHS,
            true,
            Section.RISK,
            "cash-flow",
            "cash_runway_months",
            false,
            "Cash at the period end ÷ the mean monthly outgoings (job costs, expenses, marketing) of the three"
                    + " months to it: how long the cash lasts with nothing coming in. The cash is the opening"
                    + " balance setting (cash at the data's last activity date) less the payments received and"
                    + " plus the outgoings between the period end and that date."),
    CAC(
            "cac",
            "Customer acquisition cost",
            KpiUnit.MONEY,
            false,
            Section.SALES,
            "marketing",
            "cac",
            false,
            "Marketing spend in the period ÷ the customers acquired in it."),
    LTV_TO_CAC(
            "ltv_to_cac",
            "LTV:CAC",
            KpiUnit.RATIO,
            true,
            Section.SALES,
            "marketing",
            "ltv_to_cac",
            false,
            "Simple-formula lifetime value at the period end (the margin of the customers' completed jobs over 12"
                    + " months, callbacks' costs included, per active customer-month ÷ the monthly churn rate, as the"
                    + " lifetime value view's simple formula) ÷ the period's CAC."),
    PAYBACK(
            "payback",
            "CAC payback",
            KpiUnit.MONTHS,
            false,
            Section.SALES,
            "marketing",
            "payback_months",
            false,
            "The period's CAC ÷ the margin per active customer-month over the 12 months to the period end."),
    WIN_RATE(
            "win_rate",
            "Win rate",
            KpiUnit.FRACTION,
            true,
            Section.SALES,
            "pipeline",
            "win_rate_pct",
            false,
            "Deals won ÷ deals won or lost, of the deals closed in the period."),
    PIPELINE_COVERAGE(
            "pipeline_coverage",
            "Pipeline coverage",
            KpiUnit.RATIO,
            true,
            Section.SALES,
            "pipeline",
            "pipeline_coverage",
            false,
            "Weighted value of the deals open at the period end (each × its stage's win rate) ÷ the value won in"
                    + " the three months to it."),
    AVERAGE_DEAL_SIZE(
            "average_deal_size",
            "Average deal size",
            KpiUnit.MONEY,
            true,
            Section.SALES,
            "pipeline",
            "average_deal_size",
            false,
            "Mean amount of the deals won in the period."),
    FORECAST_ACCURACY(
            "forecast_accuracy",
            "Forecast accuracy",
            KpiUnit.FRACTION,
            true,
            Section.SALES,
            "revenue",
            "forecast_accuracy_pct",
            false,
            "1 − the mean absolute percentage error of the saved forecasts over their months that ended in the"
                    + " period (months with an actual of 0 left out).");

    private final String id;
    private final String title;
    private final KpiUnit unit;
    private final boolean higherIsBetter;
    private final Section section;
    private final String analysis;
    private final String targetKey;
    private final boolean flow;
    private final String definition;

    Kpi(
            String id,
            String title,
            KpiUnit unit,
            boolean higherIsBetter,
            Section section,
            String analysis,
            String targetKey,
            boolean flow,
            String definition) {
        this.id = id;
        this.title = title;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.section = section;
        this.analysis = analysis;
        this.targetKey = targetKey;
        this.flow = flow;
        this.definition = definition;
    }

    /** The id in JSON, alerts and settings: {@code gross_margin}. */
    public String id() {
        return id;
    }

    /** "Gross margin". */
    public String title() {
        return title;
    }

    public KpiUnit unit() {
        return unit;
    }

    /** Whether a higher value is better (revenue) or worse (DSO). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public Section section() {
        return section;
    }

    /** The id of the analysis (in the analysis catalogue) whose view explains the KPI. */
    public String analysis() {
        return analysis;
    }

    /** The name its rows carry in the {@code kpi} column of {@code kpi_target}. */
    public String targetKey() {
        return targetKey;
    }

    /** Whether the KPI adds up over time (revenue), so a per-month target scales with the window. */
    public boolean isFlow() {
        return flow;
    }

    /** Whether a target row's number is in percent ({@code *_pct}) and is divided by 100. */
    public boolean targetInPercent() {
        return targetKey.endsWith("_pct");
    }

    /** What the KPI measures, in one or two sentences. */
    public String definition() {
        return definition;
    }

    /** The KPI with this id (ignoring case), if any. */
    public static Optional<Kpi> byId(String id) {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (Kpi k : values()) {
            if (k.id.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
