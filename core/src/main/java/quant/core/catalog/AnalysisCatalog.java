package quant.core.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Part;
import quant.core.analysis.Period;
import quant.core.analysis.Snapshot;
import quant.core.churn.ChurnRiskAnalysis;
import quant.core.churn.ChurnRiskReport;
import quant.core.churn.ChurnRiskSpec;
import quant.core.clv.ClvAnalysis;
import quant.core.clv.ClvReport;
import quant.core.clv.ClvSpec;
import quant.core.cohort.CohortAnalysis;
import quant.core.cohort.CohortMetric;
import quant.core.cohort.CohortReport;
import quant.core.cohort.CohortSpec;
import quant.core.finance.FinanceAnalysis;
import quant.core.finance.FinanceReport;
import quant.core.finance.ProfitabilityAnalysis;
import quant.core.finance.ProfitabilityReport;
import quant.core.finance.ProfitabilitySpec;
import quant.core.finance.ReceivablesAnalysis;
import quant.core.finance.ReceivablesReport;
import quant.core.forecast.Method;
import quant.core.forecast.business.CashFlowAnalysis;
import quant.core.forecast.business.CashFlowSpec;
import quant.core.forecast.business.DemandAnalysis;
import quant.core.forecast.business.ForecastReports;
import quant.core.forecast.business.OutlookSpec;
import quant.core.forecast.business.RevenueAnalysis;
import quant.core.job.JobMonitor;
import quant.core.market.MarketAnalysis;
import quant.core.market.MarketReport;
import quant.core.marketing.MarketingAnalysis;
import quant.core.marketing.MarketingReport;
import quant.core.marketing.MarketingSpec;
import quant.core.operations.TechnicianAnalysis;
import quant.core.operations.TechnicianReport;
import quant.core.operations.TechnicianSpec;
import quant.core.pipeline.PipelineAnalysis;
import quant.core.pipeline.PipelineReport;
import quant.core.pipeline.PipelineSpec;
import quant.core.report.Report;
import quant.core.segment.SegmentAnalysis;
import quant.core.segment.SegmentReport;
import quant.core.segment.SegmentSpec;
import quant.core.settings.BusinessSettings;

/**
 * The analyses that compute on the snapshot, registered once: id, title, the spec they run with by
 * default (from the business settings, at an as-of date), how they run and how their result becomes a
 * report. The CLI's {@code quant report}, the dashboard and the board pack read this list, so a new
 * analysis is added here and nowhere else. (Route planning and the saved forecasts read the store
 * itself and have their own commands.)
 */
public final class AnalysisCatalog {
    private AnalysisCatalog() {}

    /** Runs an analysis on a snapshot and returns its report. */
    @FunctionalInterface
    public interface Runner {
        Report run(
                Snapshot snapshot,
                BusinessSettings settings,
                Optional<LocalDate> asOf,
                CustomerFilter filter,
                JobMonitor monitor);
    }

    /**
     * One analysis.
     *
     * @param id the report's id, e.g. {@code cohorts}
     * @param title what it is called in menus and documents
     * @param question the question it answers, in a sentence
     * @param parts the parts of the data it reads (load a snapshot of these for {@link #report})
     * @param filterable whether it looks at a chosen set of customers (a {@link CustomerFilter}); the
     *     others always cover the whole business
     * @param runner runs it with its default spec and makes the report
     */
    public record Entry(
            String id, String title, String question, List<Part<?>> parts, boolean filterable, Runner runner) {
        Entry(String id, String title, String question, List<Part<?>> parts, Runner runner) {
            this(id, title, question, parts, false, runner);
        }

        /** Runs the analysis at {@code asOf} (empty: the data's last activity) and returns its report. */
        public Report report(
                Snapshot snapshot, BusinessSettings settings, Optional<LocalDate> asOf, JobMonitor monitor) {
            return runner.run(snapshot, settings, asOf, CustomerFilter.ALL, monitor);
        }

        /**
         * Runs the analysis at {@code asOf} on the customers {@code filter} lets through (resolved
         * against the snapshot) when it is {@link #filterable}, else on all of them.
         */
        public Report report(
                Snapshot snapshot,
                BusinessSettings settings,
                Optional<LocalDate> asOf,
                CustomerFilter filter,
                JobMonitor monitor) {
            return runner.run(snapshot, settings, asOf, filterable ? filter : CustomerFilter.ALL, monitor);
        }
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry(
                    CohortReport.ID,
                    "Cohort retention",
                    "How many of each month's new customers come back, month by month?",
                    CohortAnalysis.PARTS,
                    true,
                    (s, b, d, f, m) -> {
                        CohortSpec spec = new CohortSpec(Period.MONTH, CohortMetric.CUSTOMERS, f, d);
                        return CohortReport.of(CohortAnalysis.run(s, spec, m), spec);
                    }),
            new Entry(
                    ClvReport.ID,
                    "Customer lifetime value",
                    "What is a customer worth, so far and to come?",
                    ClvAnalysis.PARTS,
                    true,
                    (s, b, d, f, m) -> {
                        ClvSpec spec = ClvSpec.of(b.customers()).withAsOf(d).withFilter(f);
                        return ClvReport.of(ClvAnalysis.run(s, spec, m), spec);
                    }),
            new Entry(
                    ChurnRiskReport.ID,
                    "Churn risk",
                    "Which customers are slipping away, and who to call first?",
                    ChurnRiskAnalysis.PARTS,
                    true,
                    (s, b, d, f, m) -> {
                        ChurnRiskSpec spec =
                                ChurnRiskSpec.of(b.customers()).withAsOf(d).withFilter(f);
                        return ChurnRiskReport.of(ChurnRiskAnalysis.run(s, spec, m), spec);
                    }),
            new Entry(
                    SegmentReport.ID,
                    "Customer segments",
                    "Which groups of customers buy alike, and what to do with each?",
                    SegmentAnalysis.PARTS,
                    true,
                    (s, b, d, f, m) -> {
                        SegmentSpec spec = SegmentSpec.DEFAULT.withAsOf(d).withFilter(f);
                        return SegmentReport.of(SegmentAnalysis.run(s, spec, m), spec);
                    }),
            new Entry(
                    ForecastReports.DEMAND,
                    "Demand and capacity",
                    "How many jobs are coming, and are there hands for them?",
                    DemandAnalysis.PARTS,
                    (s, b, d, f, m) -> {
                        OutlookSpec spec = new OutlookSpec(d, DemandAnalysis.DEFAULT_DAYS, Method.AUTO);
                        return ForecastReports.demand(DemandAnalysis.run(s, spec, m), spec);
                    }),
            new Entry(
                    ForecastReports.REVENUE,
                    "Revenue forecast",
                    "What revenue is coming in the next month, quarter and year?",
                    RevenueAnalysis.PARTS,
                    (s, b, d, f, m) -> {
                        OutlookSpec spec = new OutlookSpec(d, RevenueAnalysis.DEFAULT_DAYS, Method.AUTO);
                        return ForecastReports.revenue(RevenueAnalysis.run(s, spec, m), spec);
                    }),
            new Entry(
                    ForecastReports.CASH_FLOW,
                    "Cash flow",
                    "Will there be cash in the bank, week by week?",
                    CashFlowAnalysis.PARTS,
                    (s, b, d, f, m) -> {
                        CashFlowSpec spec = new CashFlowSpec(
                                new OutlookSpec(d, CashFlowSpec.DEFAULT_DAYS, Method.AUTO), b.openingCash());
                        return ForecastReports.cashFlow(CashFlowAnalysis.run(s, spec, m), spec);
                    }),
            new Entry(
                    PipelineReport.ID,
                    "Sales pipeline",
                    "How healthy is the pipeline, and which deals need a push?",
                    PipelineAnalysis.PARTS,
                    (s, b, d, f, m) -> {
                        PipelineSpec spec = new PipelineSpec(d, PipelineSpec.By.NONE, b.stageOrder());
                        return PipelineReport.of(PipelineAnalysis.run(s, spec, m));
                    }),
            new Entry(
                    MarketingReport.ID,
                    "Marketing",
                    "What does a customer cost by channel, and when does it pay back?",
                    MarketingAnalysis.PARTS,
                    (s, b, d, f, m) -> {
                        MarketingSpec spec = new MarketingSpec(d, MarketingSpec.Ltv.CLV, b.customers());
                        return MarketingReport.of(MarketingAnalysis.run(s, spec, m));
                    }),
            new Entry(
                    TechnicianReport.ID,
                    "Technicians",
                    "Which technicians are fast, right first time and well rated, within their trade?",
                    TechnicianAnalysis.PARTS,
                    (s, b, d, f, m) -> {
                        TechnicianSpec spec = TechnicianSpec.of(b).withAsOf(d);
                        return TechnicianReport.of(TechnicianAnalysis.run(s, spec, m));
                    }),
            new Entry(
                    ProfitabilityReport.ID,
                    "Profitability",
                    "Which service lines, customers and jobs make money after travel and overhead?",
                    ProfitabilityAnalysis.PARTS,
                    (s, b, d, f, m) -> {
                        ProfitabilitySpec spec =
                                ProfitabilitySpec.DEFAULT.withAsOf(d).withOverheadBy(b.overheadBy());
                        return ProfitabilityReport.of(ProfitabilityAnalysis.run(s, spec, m));
                    }),
            new Entry(
                    quant.core.equipment.EquipmentReport.ID,
                    "Equipment",
                    "Which vans and machines are likely to fail next, when to service them, and do they pay?",
                    quant.core.equipment.EquipmentAnalysis.PARTS,
                    (s, b, d, f, m) ->
                            quant.core.equipment.EquipmentReport.of(quant.core.equipment.EquipmentAnalysis.run(
                                    s, quant.core.equipment.EquipmentSpec.of(b).withAsOf(d.orElse(null)), m))),
            new Entry(
                    quant.core.pricing.PricingReport.ID,
                    "Pricing",
                    "What price wins the job without giving margin away?",
                    quant.core.pricing.PricingAnalysis.PARTS,
                    (s, b, d, f, m) -> quant.core.pricing.PricingReport.of(
                            quant.core.pricing.PricingAnalysis.run(s, d, b.stageOrder(), m))),
            new Entry(
                    ReceivablesReport.ID,
                    "Receivables",
                    "How much cash is stuck in receivables, and who pays late?",
                    ReceivablesAnalysis.PARTS,
                    (s, b, d, f, m) ->
                            ReceivablesReport.of(ReceivablesAnalysis.run(s, d, b.monitors(), m), b.monitors())),
            new Entry(
                    FinanceReport.ID,
                    "Finance monitors",
                    "How concentrated, how profitable and how steady is the revenue, and what reserve does it need?",
                    FinanceAnalysis.PARTS,
                    (s, b, d, f, m) -> FinanceReport.of(FinanceAnalysis.run(s, d, b.monitors(), m), b.monitors())),
            new Entry(
                    MarketReport.ID,
                    "Market position",
                    "Is our share of each line's market growing?",
                    MarketAnalysis.PARTS,
                    (s, b, d, f, m) -> {
                        var r = MarketAnalysis.run(s, d, m);
                        return MarketReport.of(r, String.valueOf(r.asOf().date().getYear()), List.of());
                    }));

    /**
     * The entry with this id.
     *
     * @throws InvalidSpecException naming the ids there are
     */
    public static Entry byId(String id) {
        return ENTRIES.stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new InvalidSpecException("There is no analysis \"" + id + "\"; the analyses are "
                        + String.join(", ", ENTRIES.stream().map(Entry::id).toList()) + "."));
    }
}
