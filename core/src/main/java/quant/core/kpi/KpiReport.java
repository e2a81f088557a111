package quant.core.kpi;

import java.util.List;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;

/**
 * The KPIs as a report: how many are on track, at a warning or critical, and the table of every KPI
 * with its value, target, status and the same period a year earlier, each in its own unit.
 */
public final class KpiReport {
    public static final String ID = "kpis";

    private KpiReport() {}

    public static Report of(KpiResult r) {
        Report.Builder b = Report.builder(ID, "KPIs for " + r.window().label(), r.asOf());
        b.spec("Period", r.period() + " (" + r.window().span() + ")");
        long ok = count(r, KpiStatus.OK);
        long warning = count(r, KpiStatus.WARNING);
        long critical = count(r, KpiStatus.CRITICAL);
        b.figure(KeyFigure.count(
                "on-track", "On track", ok, "KPIs", "of " + r.kpis().size()));
        b.figure(KeyFigure.count("warning", "Warning", warning, "KPIs", "past the warning level")
                .judged(warning > 0 ? quant.core.report.Status.WARNING : quant.core.report.Status.OK));
        b.figure(KeyFigure.count("critical", "Critical", critical, "KPIs", "past the critical level")
                .judged(critical > 0 ? quant.core.report.Status.CRITICAL : quant.core.report.Status.OK));
        b.table(new ReportTable<>("kpis", "KPIs", columns(r.currency()), r.kpis()));
        r.notes().forEach(b::note);
        return b.definitions(r.definitions()).build();
    }

    static long count(KpiResult r, KpiStatus s) {
        return r.kpis().stream().filter(v -> v.level() == s).count();
    }

    /** The KPI table's columns; values in each row's own unit, as text. */
    public static List<Column<KpiValue>> columns(String currency) {
        return List.of(
                Column.text("section", "Section", "", v -> Section.valueOf(
                                v.section().toUpperCase(java.util.Locale.ROOT))
                        .title()),
                Column.text("kpi", "KPI", "", KpiValue::name),
                Column.text("value", "Value", "", v -> format(v, v.value(), currency)),
                Column.text("target", "Target", "", v -> format(v, v.target(), currency)),
                Column.text("status", "Status", "", v -> v.level().words()),
                Column.text(
                        "last-year",
                        "Last year",
                        "The same days a year earlier",
                        v -> format(v, v.comparison(), currency)),
                Column.text(
                        "change",
                        "Change",
                        "Against the same days a year earlier",
                        v -> v.change() == null || v.comparison() == null || v.value() == null
                                ? "—"
                                : v.kpi().unit().formatChange(v.value() - v.comparison(), v.change())),
                Column.text("basis", "Judged by", "", KpiValue::basis));
    }

    static String format(KpiValue v, Double x, String currency) {
        return x == null ? "—" : v.kpi().unit().format(x, currency);
    }
}
