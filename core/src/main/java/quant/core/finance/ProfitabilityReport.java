package quant.core.finance;

import java.util.ArrayList;
import java.util.List;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;
import quant.core.report.Status;

/**
 * Profitability as a report: revenue, margin, travel and overhead; the rows by the chosen dimension
 * (the main table) with their total, where the revenue goes, the complexity matrix, and the least
 * profitable customers and jobs with their reasons.
 */
public final class ProfitabilityReport {
    public static final String ID = "profitability";

    private ProfitabilityReport() {}

    public static Report of(ProfitabilityResult r) {
        String dimension = ProfitabilitySpec.Dimension.parse(r.by()).title().toLowerCase(java.util.Locale.ROOT);
        Report.Builder b = Report.builder(ID, "Profitability by " + dimension, r.asOf())
                .spec("Window", r.months() + " months from " + r.from())
                .spec("Overhead shared out by", r.overheadBy());
        if (!r.within().isEmpty()) {
            b.spec("Narrowed to", String.join(", ", r.within()));
        }
        figures(r).forEach(b::figure);
        if (!r.rows().isEmpty()) {
            b.chart(
                    "revenue-split",
                    "Where the revenue goes",
                    () -> ProfitabilityCharts.revenueSplit(r.rows(), dimension));
        }
        if (!r.complexity().isEmpty()) {
            b.chart(
                    "complexity",
                    "Job complexity against margin",
                    () -> ProfitabilityCharts.complexity(r.complexity()));
        }
        b.table(new ReportTable<>(
                "rows", "By " + dimension, rowColumns(), r.rows(), r.rows().isEmpty() ? null : r.total()));
        b.table(new ReportTable<>("complexity", "Complexity bands", bandColumns(), r.complexity()));
        b.table(new ReportTable<>(
                "customers", "Least profitable customers", rowColumns(), r.leastProfitableCustomers()));
        b.table(new ReportTable<>("jobs", "Least profitable jobs", rowColumns(), r.leastProfitableJobs()));
        r.notes().forEach(b::note);
        return b.definitions(r.definitions()).build();
    }

    /** The headline figures. */
    public static List<KeyFigure> figures(ProfitabilityResult r) {
        ProfitabilityResult.Row t = r.total();
        List<KeyFigure> out = new ArrayList<>();
        out.add(KeyFigure.money("revenue", "Revenue", t.revenue(), t.jobs() + " jobs"));
        out.add(KeyFigure.money("margin", "Margin", t.margin(), share(t.marginShare()) + " of revenue")
                .judged(t.margin() < 0 ? Status.CRITICAL : Status.OK));
        out.add(KeyFigure.money(
                "travel",
                "Travel cost",
                t.travelCost(),
                String.format(java.util.Locale.ROOT, "%,.0f hours driving", t.travelMinutes() / 60)));
        out.add(KeyFigure.money("overhead", "Overhead", t.overhead(), "by " + r.overheadBy()));
        long losing = r.rows().stream().filter(x -> x.margin() < 0).count();
        out.add(KeyFigure.count(
                        "losing",
                        "Rows losing money",
                        losing,
                        "",
                        "of " + r.rows().size())
                .judged(losing > 0 ? Status.WARNING : Status.OK));
        return out;
    }

    private static String share(double f) {
        return Double.isFinite(f) ? String.format(java.util.Locale.ROOT, "%.1f %%", 100 * f) : "–";
    }

    /** The rows' columns (also the least profitable customers' and jobs'). */
    public static List<Column<ProfitabilityResult.Row>> rowColumns() {
        return List.of(
                Column.text("name", "Name", "", ProfitabilityResult.Row::name),
                Column.integer("jobs", "Jobs", "", "Completed jobs counted", ProfitabilityResult.Row::jobs),
                Column.wholeMoney("revenue", "Revenue", "", ProfitabilityResult.Row::revenue),
                Column.wholeMoney(
                        "direct", "Direct cost", "Labour + materials + equipment", ProfitabilityResult.Row::directCost),
                Column.wholeMoney(
                        "travel",
                        "Travel",
                        "Travel minutes × the technician's hourly cost",
                        ProfitabilityResult.Row::travelCost),
                Column.wholeMoney(
                        "overhead", "Overhead", "The share of expenses allocated", ProfitabilityResult.Row::overhead),
                Column.wholeMoney(
                        "margin", "Margin", "Revenue − direct − travel − overhead", ProfitabilityResult.Row::margin),
                Column.percent("margin-share", "Margin %", "Margin ÷ revenue", ProfitabilityResult.Row::marginShare),
                Column.integer(
                        "callbacks",
                        "Callbacks",
                        "",
                        "Callback visits among the jobs",
                        ProfitabilityResult.Row::callbacks),
                Column.text(
                        "reasons", "Why", "The costliest reasons for a thin margin", ProfitabilityResult.Row::reasons),
                Column.text("key", "Key", "The row's key (for a drill-down)", ProfitabilityResult.Row::key));
    }

    /** The complexity matrix's columns. */
    public static List<Column<ProfitabilityResult.Band>> bandColumns() {
        return List.of(
                Column.text("line", "Service line", "", ProfitabilityResult.Band::lineName),
                Column.text("band", "Estimated hours", "", ProfitabilityResult.Band::band),
                Column.decimal("mean-hours", "Mean hours", "h", 1, "", ProfitabilityResult.Band::meanHours),
                Column.integer("jobs", "Jobs", "", "", ProfitabilityResult.Band::jobs),
                Column.wholeMoney("revenue", "Revenue", "", ProfitabilityResult.Band::revenue),
                Column.wholeMoney("margin", "Margin", "", ProfitabilityResult.Band::margin),
                Column.percent("margin-share", "Margin %", "", ProfitabilityResult.Band::marginShare));
    }
}
