package quant.core.kpi;

import java.util.List;
import java.util.Locale;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;

/** The health score as a report: the score, each section's, each KPI's points, and the trend. */
public final class HealthReport {
    public static final String ID = "health";

    private HealthReport() {}

    public static Report of(HealthResult h) {
        Report.Builder b = Report.builder(ID, "Health score", h.asOf());
        b.spec("Period", h.period());
        b.figure(KeyFigure.decimal(
                "score", "Health score", h.score() == null ? Double.NaN : h.score(), "of 100", 0, h.period()));
        for (HealthResult.SectionScore s : h.sections()) {
            b.figure(KeyFigure.decimal(
                    s.section(),
                    s.title(),
                    s.score() == null ? Double.NaN : s.score(),
                    "of 100",
                    0,
                    s.judged() + " of " + s.kpis() + " KPIs judged, weight "
                            + String.format(Locale.ROOT, "%.0f %%", 100 * s.weight())));
        }
        b.chart("trend", "Health score by period", () -> KpiCharts.healthTrend(h.trend()));
        b.chart("sections", "Score by section", () -> KpiCharts.sections(h.sections()));
        b.table(new ReportTable<>("contributions", "What each KPI adds", contributionColumns(), h.contributions()));
        b.table(new ReportTable<>("sections", "Sections", sectionColumns(), h.sections()));
        b.table(new ReportTable<>("trend", "Health score by period", trendColumns(), h.trend()).dataOnly());
        return b.definitions(h.definitions()).build();
    }

    static List<Column<HealthResult.Contribution>> contributionColumns() {
        return List.of(
                Column.text("kpi", "KPI", "", HealthResult.Contribution::name),
                Column.text("section", "Section", "", c -> Section.valueOf(
                                c.section().toUpperCase(Locale.ROOT))
                        .title()),
                Column.text("status", "Status", "", c -> KpiStatus.valueOf(
                                c.status().toUpperCase(Locale.ROOT))
                        .words()),
                Column.percent(
                        "attainment",
                        "Attainment",
                        "0 at the critical level, 100 % at the target",
                        HealthResult.Contribution::attainment),
                Column.decimal(
                        "points", "Points", "", 1, "What it adds to the score", HealthResult.Contribution::points),
                Column.decimal(
                        "max-points",
                        "Of",
                        "",
                        1,
                        "What it would add at its target",
                        HealthResult.Contribution::maxPoints));
    }

    static List<Column<HealthResult.SectionScore>> sectionColumns() {
        return List.of(
                Column.text("section", "Section", "", HealthResult.SectionScore::title),
                Column.decimal("score", "Score", "", 0, "0–100", HealthResult.SectionScore::score),
                Column.percent("weight", "Weight", "Share of the overall score", HealthResult.SectionScore::weight),
                Column.integer("judged", "KPIs judged", "", "", HealthResult.SectionScore::judged),
                Column.integer("kpis", "KPIs", "", "", HealthResult.SectionScore::kpis));
    }

    static List<Column<HealthResult.Point>> trendColumns() {
        return List.of(
                Column.text("period", "Period", "", HealthResult.Point::period),
                Column.date("to", "To", "", HealthResult.Point::to),
                Column.decimal("score", "Score", "", 0, "0–100", HealthResult.Point::score));
    }
}
