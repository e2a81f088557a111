package quant.core.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import quant.core.analysis.AsOf;
import quant.core.report.Column;
import quant.core.report.ColumnType;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;
import quant.core.report.Status;

/**
 * Route planning as reports: one day's plan (every stop as the run sheets list it, each technician's
 * route, the jobs left out and why, and the comparison with what was driven) and a month of days
 * planned against what was driven.
 */
public final class RouteReports {
    public static final String DAY = "route-day";
    public static final String MONTH = "route-month";

    private RouteReports() {}

    private static Duration minutes(double m) {
        return Duration.ofSeconds(Math.round(m * 60));
    }

    /** One day's plan. */
    public static Report day(DayPlan d) {
        RoutePlan p = d.plan();
        Report.Builder b = Report.builder(DAY, "Route plan for " + d.date(), new AsOf(d.date(), false))
                .spec("Day", d.date().toString())
                .spec(
                        "Technicians at work",
                        String.valueOf(d.day().technicians().size()))
                .spec(
                        "Planning time",
                        String.format(
                                java.util.Locale.ROOT,
                                "%.1f s%s",
                                p.seconds(),
                                p.stoppedEarly() ? ", stopped early" : ""));
        figures(d).forEach(b::figure);
        DayPlan.Comparison c = d.actual();
        b.table(new ReportTable<>("stops", "Stops", stopColumns(), RunSheets.stops(d, List.of())));
        b.table(new ReportTable<>(
                "routes",
                "Routes",
                routeColumns(),
                p.routes().stream().filter(RoutePlan.Route::used).toList()));
        List<RoutePlan.Unassigned> out = new ArrayList<>(p.unassigned());
        out.addAll(d.unplannable());
        b.table(new ReportTable<>("left-out", "Jobs left out", unassignedColumns(), out));
        if (c != null && c.servedButUnplanned() > 0) {
            b.note(c.servedButUnplanned() + " jobs served that day are not in the plan.");
        }
        return b.build();
    }

    /** The headline figures of a planned day, in the order the view and documents show them. */
    public static List<KeyFigure> figures(DayPlan d) {
        RoutePlan p = d.plan();
        RoutePlan.Totals t = p.totals();
        int left = p.unassigned().size() + d.unplannable().size();
        // jobs added by a re-plan are stops without a row in the data, so count what the plan holds
        int jobs = t.stops() + left;
        List<KeyFigure> out = new ArrayList<>();
        out.add(KeyFigure.count(
                        "planned",
                        "Jobs planned",
                        t.stops(),
                        "of " + jobs,
                        t.vehicles() + " of " + d.day().technicians().size() + " technicians on the road")
                .judged(left > 0 ? Status.WARNING : Status.OK));
        out.add(new KeyFigure(
                "driving",
                "Driving",
                ColumnType.DURATION,
                minutes(t.travelTime()),
                "",
                -1,
                String.format(java.util.Locale.ROOT, "%,.1f road km", t.distance()),
                null));
        out.add(KeyFigure.money("cost", "Route cost", t.cost(), "technicians' hours on the road and per km"));
        KeyFigure waiting = new KeyFigure(
                "waiting",
                "Waiting",
                ColumnType.DURATION,
                minutes(t.idleTime()),
                "",
                -1,
                t.late() > 0
                        ? String.format(java.util.Locale.ROOT, "%,.0f min late in all", t.late())
                        : "for windows to open",
                null);
        out.add(t.late() > 0 ? waiting.judged(Status.WARNING) : waiting);
        DayPlan.Comparison c = d.actual();
        if (c != null && c.recordedMinutes() > 0) {
            KeyFigure saved = new KeyFigure(
                    "saved",
                    "Saved against recorded",
                    ColumnType.DURATION,
                    minutes(c.savedMinutes()),
                    "",
                    -1,
                    String.format(
                            java.util.Locale.ROOT,
                            "%.1f%% of %,.0f min driven; cost %,.0f less",
                            100 * c.savedMinutes() / c.recordedMinutes(),
                            c.recordedMinutes(),
                            c.savedCost()),
                    null);
            out.add(c.savedMinutes() < 0 ? saved.judged(Status.WARNING) : saved);
        }
        return out;
    }

    /** The stops' columns, the run sheets' content. */
    public static List<Column<RunSheets.Stop>> stopColumns() {
        return List.of(
                Column.text("technician", "Technician", "", RunSheets.Stop::technician),
                Column.integer("stop", "#", "", "The stop's place in the route", RunSheets.Stop::number),
                Column.text("job", "Job", "", RunSheets.Stop::job),
                Column.text("customer", "Customer", "", RunSheets.Stop::customer),
                Column.text("address", "Address", "", RunSheets.Stop::address),
                Column.text("line", "Line", "The service line", RunSheets.Stop::line),
                Column.text("priority", "Priority", "", RunSheets.Stop::priority),
                Column.text("window", "Window", "The arrival window promised", RunSheets.Stop::window),
                Column.text("arrive", "Arrive", "", s -> RunSheets.clock(s.arrive())),
                Column.text("start", "Start", "", s -> RunSheets.clock(s.start())),
                Column.text("finish", "Finish", "", s -> RunSheets.clock(s.finish())),
                Column.duration("drive", "Drive", "The drive to the stop", s -> minutes(s.driveMinutes())),
                Column.decimal("km", "Distance", "km", 1, "The drive's length", RunSheets.Stop::driveKm));
    }

    private static List<Column<RoutePlan.Route>> routeColumns() {
        return List.of(
                Column.text("technician", "Technician", "", RoutePlan.Route::label),
                Column.integer("stops", "Stops", "", "", r -> r.stops().size()),
                Column.text("leave", "Leave", "", r -> RunSheets.clock(r.depart())),
                Column.text("back", "Back", "Back home, or the last job done", r -> RunSheets.clock(r.back())),
                Column.duration("driving", "Driving", "", r -> minutes(r.travelTime())),
                Column.decimal("km", "Distance", "km", 1, "", RoutePlan.Route::distance),
                Column.duration("on-site", "On site", "", r -> minutes(r.workTime())),
                Column.duration("waiting", "Waiting", "Idle time before a window opens", r -> minutes(r.idleTime())),
                Column.money("cost", "Cost", "Time at hourly cost and km at the km rate", RoutePlan.Route::cost));
    }

    /** The jobs left out: which, how urgent, and why. */
    public static List<Column<RoutePlan.Unassigned>> unassignedColumns() {
        return List.of(
                Column.text("job", "Job", "", RoutePlan.Unassigned::label),
                Column.text("priority", "Priority", "", RoutePlan.Unassigned::priority),
                Column.text("reason", "Why it is not planned", "Why no route takes it", RoutePlan.Unassigned::reason));
    }

    /** A month of days planned and compared with what was driven. */
    public static Report month(MonthComparison m) {
        Report.Builder b = Report.builder(
                        MONTH,
                        "Route plans against what was driven, " + m.month(),
                        new AsOf(m.month().atEndOfMonth(), false))
                .spec("Month", m.month().toString())
                .spec("Planning time", String.format(java.util.Locale.ROOT, "%.0f s a day", m.secondsPerDay()));
        DayPlan.Comparison t = m.total().comparison();
        b.figure(KeyFigure.count("days", "Days", m.days().size(), "", "with recorded travel"));
        b.figure(new KeyFigure(
                "saved",
                "Better routes save",
                ColumnType.DURATION,
                minutes(t.savedMinutes()),
                "",
                -1,
                String.format(
                        java.util.Locale.ROOT,
                        "%.1f%% of %,.0f min driven",
                        t.recordedMinutes() == 0 ? 0 : 100 * t.savedMinutes() / t.recordedMinutes(),
                        t.recordedMinutes()),
                null));
        b.figure(KeyFigure.money("saved-cost", "Cost saved", t.savedCost(), "over the month"));
        if (!m.days().isEmpty()) {
            b.chart("month", "Recorded and planned driving by day", () -> RouteCharts.month(m));
        }
        b.table(new ReportTable<>("days", "Day by day", dayColumns(), m.days(), m.total()));
        return b.build();
    }

    private static List<Column<MonthComparison.Day>> dayColumns() {
        return List.of(
                Column.text(
                        "date",
                        "Day",
                        "",
                        d -> d.date() == null ? "Total" : d.date().toString()),
                Column.integer("jobs", "Jobs", "", "Jobs with recorded travel", d -> d.comparison()
                        .jobs()),
                Column.duration(
                        "recorded",
                        "Driven",
                        "Recorded drives to jobs",
                        d -> minutes(d.comparison().recordedMinutes())),
                Column.duration(
                        "planned",
                        "Planned",
                        "The plan's drives to the same jobs",
                        d -> minutes(d.comparison().plannedMinutes())),
                Column.decimal("recorded-km", "Driven km", "km", 1, "", d -> d.comparison()
                        .recordedKm()),
                Column.decimal("planned-km", "Planned km", "km", 1, "", d -> d.comparison()
                        .plannedKm()),
                Column.duration(
                        "saved", "Saved", "", d -> minutes(d.comparison().savedMinutes())),
                Column.money("saved-cost", "Cost saved", "", d -> d.comparison().savedCost()),
                Column.integer(
                        "left-out", "Left out", "jobs", "Jobs the plan leaves out", MonthComparison.Day::leftOut));
    }
}
