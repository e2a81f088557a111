package quant.core.kpi;

import java.util.List;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;

/** The alert centre as a report: how many are open, and the alerts with their state and message. */
public final class AlertsReport {
    public static final String ID = "alerts";

    private AlertsReport() {}

    /**
     * @param result the alerts shown (open ones, or all)
     */
    public static Report of(AlertsResult result) {
        Report.Builder b = Report.builder(ID, "Alerts", result.asOf());
        b.spec("Shown", result.all() ? "all alerts, resolved ones too" : "open alerts");
        long open = result.alerts().stream().filter(Alert::isOpen).count();
        long critical = result.alerts().stream()
                .filter(a -> a.isOpen() && "critical".equals(a.level()))
                .count();
        b.figure(KeyFigure.count("open", "Open", open, "alerts", result.raised() + " new in this check"));
        b.figure(KeyFigure.count("critical", "Critical", critical, "alerts", "open")
                .judged(critical > 0 ? quant.core.report.Status.CRITICAL : quant.core.report.Status.OK));
        b.table(new ReportTable<>("alerts", "Alerts", columns(), result.alerts()));
        result.notes().forEach(b::note);
        return b.definitions(result.definitions()).build();
    }

    static List<Column<Alert>> columns() {
        return List.of(
                Column.integer("id", "Id", "", "", Alert::id),
                Column.date("raised", "Raised", "The data's day it was found", Alert::raisedAt),
                Column.text("level", "Level", "", Alert::level),
                Column.text("state", "State", "", Alert::state),
                Column.text("message", "What happened", "", Alert::message),
                Column.date("resolved", "Resolved", "", Alert::resolvedOn),
                Column.text("note", "Note", "", a -> a.note() == null ? "" : a.note()));
    }
}
