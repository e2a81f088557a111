package quant.core.cohort;

import java.util.ArrayList;
import java.util.List;
import quant.core.analysis.Period;
import quant.core.report.Column;
import quant.core.report.ColumnType;
import quant.core.report.KeyFigure;
import quant.core.report.Marked;
import quant.core.report.Report;
import quant.core.report.ReportTable;

/**
 * The cohort analysis as a report: the cohort table of the chosen metric (one column per age, partial
 * periods marked "*"), the average cohort by age, and every cell in long form for pivot tables; the
 * heatmap and the curves; the partial-period note and the definitions.
 */
public final class CohortReport {
    public static final String ID = "cohorts";

    private CohortReport() {}

    /** One cell in long form: its cohort and the cell. */
    public record CellRow(CohortResult.Cohort cohort, CohortResult.Cell cell) {}

    public static Report of(CohortResult r, CohortSpec spec) {
        CohortMetric metric = r.metric();
        Report.Builder b = Report.builder(ID, "Cohort retention", r.asOf())
                .spec("Period", r.period() == Period.MONTH ? "monthly" : "quarterly")
                .spec("Metric", metric.title())
                .spec("Filters", spec.filter().describe());
        b.figure(KeyFigure.count(
                "customers", "Customers", r.customers(), "", "in " + r.cohorts().size() + " cohorts"));
        b.figure(KeyFigure.count(
                "cohorts", "Cohorts", r.cohorts().size(), "", "by " + r.period().key() + " of first purchase"));
        int yearAge = r.period() == Period.MONTH ? 12 : 4;
        for (int age : new int[] {1, yearAge}) {
            if (age < r.average().size()) {
                CohortResult.AgePoint p = r.average().get(age);
                String label = "Average at +" + age;
                String detail = metric.title() + ", over " + p.cohorts() + " cohorts";
                b.figure(
                        metric.isShare()
                                ? KeyFigure.percent("average-" + age, label, metric.value(p), detail)
                                : KeyFigure.money("average-" + age, label, metric.value(p), detail));
            }
        }
        if (!r.isEmpty()) {
            b.chart("heatmap", metric.title() + " by cohort and age", () -> CohortCharts.heatmap(r, metric));
            b.chart("curves", metric.title() + " by age", () -> CohortCharts.curves(r, metric));
        }
        b.table(cohortTable(r));
        b.table(new ReportTable<>("average", "The average cohort by age", averageColumns(), r.average()));
        b.table(new ReportTable<>("cells", "Every cohort and age", cellColumns(), cells(r)).dataOnly());
        if (r.partialPeriod() != null) {
            b.note("* " + r.partialPeriod() + " is not over at the as-of date: its figures are partial, not a drop.");
        }
        return b.definitions(r.definitions()).build();
    }

    /** The cohort table of the result's metric: cohort, start, size, then one column per age. */
    public static ReportTable<CohortResult.Cohort> cohortTable(CohortResult r) {
        CohortMetric metric = r.metric();
        List<Column<CohortResult.Cohort>> cols = new ArrayList<>();
        cols.add(Column.text(
                "cohort", "Cohort", "The period of the customers' first completed job", CohortResult.Cohort::label));
        cols.add(Column.date("start", "Start", "The first day of the cohort's period", CohortResult.Cohort::start));
        cols.add(Column.integer(
                "size", "Size", "customers", "Customers acquired in the period", CohortResult.Cohort::size));
        for (int age = 0; age < r.maxAges(); age++) {
            int a = age;
            cols.add(new Column<>(
                    "age-" + age,
                    "Age " + age,
                    metric.isShare() ? ColumnType.PERCENT : ColumnType.MONEY,
                    "",
                    metric.title() + " " + age + " " + r.period().key() + "s after acquisition",
                    0,
                    c -> {
                        if (a >= c.cells().size()) {
                            return null;
                        }
                        CohortResult.Cell cell = c.cells().get(a);
                        double v = metric.value(cell);
                        return cell.partial() ? new Marked(v, "*") : v;
                    }));
        }
        return new ReportTable<>("cohorts", metric.title() + " by cohort", cols, r.cohorts());
    }

    private static List<Column<CohortResult.AgePoint>> averageColumns() {
        return List.of(
                Column.integer("age", "Age", "periods", "Periods since acquisition", CohortResult.AgePoint::age),
                Column.integer(
                        "cohorts",
                        "Cohorts",
                        "",
                        "Cohorts with a complete period at this age",
                        CohortResult.AgePoint::cohorts),
                Column.percent(
                        "active-share",
                        "Active share",
                        "Σ active ÷ Σ size over those cohorts",
                        CohortResult.AgePoint::activeShare),
                Column.percent(
                        "revenue-retention",
                        "Revenue retention",
                        "Σ revenue at this age ÷ Σ revenue at age 0",
                        CohortResult.AgePoint::revenueRetention),
                Column.money(
                        "cumulative-margin-per-customer",
                        "Cumulative margin per customer",
                        "Margin increments per customer chained over the ages",
                        CohortResult.AgePoint::cumulativeMarginPerCustomer));
    }

    private static List<Column<CellRow>> cellColumns() {
        return List.of(
                Column.text("cohort", "Cohort", "The cohort's period", c -> c.cohort()
                        .label()),
                Column.integer("size", "Size", "customers", "Customers acquired in the period", c -> c.cohort()
                        .size()),
                Column.integer("age", "Age", "periods", "Periods since acquisition", c -> c.cell()
                        .age()),
                Column.text(
                        "period", "Period", "The calendar period", c -> c.cell().period()),
                Column.integer(
                        "active",
                        "Active",
                        "customers",
                        "Customers of the cohort with a purchase in the period",
                        c -> c.cell().active()),
                Column.percent("active-share", "Active share", "Active ÷ cohort size", c -> c.cell()
                        .activeShare()),
                Column.money("revenue", "Revenue", "Revenue of the cohort's completed jobs in the period", c -> c.cell()
                        .revenue()),
                Column.percent(
                        "revenue-retention",
                        "Revenue retention",
                        "Revenue ÷ the cohort's revenue at age 0",
                        c -> c.cell().revenueRetention()),
                Column.money("margin", "Margin", "Revenue − labour − material − equipment cost", c -> c.cell()
                        .margin()),
                Column.money(
                        "cumulative-revenue-per-customer",
                        "Cumulative revenue per customer",
                        "Revenue from age 0 to this one ÷ cohort size",
                        c -> c.cell().cumulativeRevenuePerCustomer()),
                Column.money(
                        "cumulative-margin-per-customer",
                        "Cumulative margin per customer",
                        "Margin from age 0 to this one ÷ cohort size",
                        c -> c.cell().cumulativeMarginPerCustomer()),
                Column.text(
                        "partial",
                        "Partial",
                        "Whether the period is not over at the as-of date",
                        c -> c.cell().partial() ? "partial" : ""));
    }

    private static List<CellRow> cells(CohortResult r) {
        List<CellRow> out = new ArrayList<>();
        for (CohortResult.Cohort c : r.cohorts()) {
            for (CohortResult.Cell cell : c.cells()) {
                out.add(new CellRow(c, cell));
            }
        }
        return out;
    }
}
