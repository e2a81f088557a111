package quant.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import quant.core.routing.DayPlan;
import quant.core.routing.MonthComparison;
import quant.core.routing.RoutePlan;

/** The text form of {@code quant route day}. */
final class RouteText {

    private RouteText() {}

    static String clock(double minutes) {
        long m = Math.round(minutes);
        return String.format(Locale.ROOT, "%02d:%02d", m / 60, m % 60);
    }

    static void print(PrintWriter out, DayPlan d, CliMoney money) {
        RoutePlan p = d.plan();
        int jobs = d.day().jobs().size();
        out.printf(
                Locale.ROOT,
                "Plan for %s: %d jobs, %d technicians at work; %d planned, %d left out (%.1f s%s)%n",
                d.date(),
                jobs,
                d.day().technicians().size(),
                p.totals().stops(),
                p.unassigned().size() + d.unplannable().size(),
                p.seconds(),
                p.stoppedEarly() ? ", stopped early" : "");
        out.printf(
                Locale.ROOT,
                "Driving %,.0f min, %,.1f km; on site %,.0f min; waiting %,.0f min; cost %s (time at hourly cost"
                        + " and km at %s)%n",
                p.totals().travelTime(),
                p.totals().distance(),
                p.totals().workTime(),
                p.totals().idleTime(),
                money.cents(p.totals().cost()),
                money.cents(d.settings().costPerKm()));
        DayPlan.Comparison c = d.actual();
        if (c != null) {
            out.printf(
                    Locale.ROOT,
                    "Against what was driven (%d jobs, drives to jobs only): recorded %,.0f min, %,.1f km, %s;"
                            + " planned %,.0f min, %,.1f km, %s; better routes would have saved %,.0f min (%.1f %%)"
                            + " and %s%n",
                    c.jobs(),
                    c.recordedMinutes(),
                    c.recordedKm(),
                    money.cents(c.recordedCost()),
                    c.plannedMinutes(),
                    c.plannedKm(),
                    money.cents(c.plannedCost()),
                    c.savedMinutes(),
                    c.recordedMinutes() == 0 ? 0 : 100 * c.savedMinutes() / c.recordedMinutes(),
                    money.cents(c.savedCost()));
            if (c.servedButUnplanned() > 0) {
                out.printf("%d jobs served that day are not in the plan.%n", c.servedButUnplanned());
            }
        }
        for (String note : d.day().notes()) {
            out.println("Note: " + note);
        }
        out.println();
        for (RoutePlan.Route r : p.routes()) {
            if (!r.used()) {
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    "%-22s %s–%s  %d jobs, driving %.0f min, %.1f km%n",
                    r.label(),
                    clock(r.depart()),
                    clock(r.back()),
                    r.stops().size(),
                    r.travelTime(),
                    r.distance());
            for (RoutePlan.Visit v : r.stops()) {
                out.printf(
                        Locale.ROOT,
                        "    %s–%s  %-40s  drive %3.0f min%s%n",
                        clock(v.start()),
                        clock(v.end()),
                        v.label(),
                        v.travelTime(),
                        v.late() > 0 ? String.format(Locale.ROOT, ", %.0f min late", v.late()) : "");
            }
        }
        if (!p.unassigned().isEmpty() || !d.unplannable().isEmpty()) {
            out.println();
            out.println("Left out:");
            for (RoutePlan.Unassigned u : d.unplannable()) {
                out.printf("    %s (%s): %s%n", u.label(), u.priority(), u.reason());
            }
            for (RoutePlan.Unassigned u : p.unassigned()) {
                out.printf("    %s (%s): %s%n", u.label(), u.priority(), u.reason());
            }
        }
    }

    static void print(PrintWriter out, MonthComparison m, CliMoney money) {
        out.printf(
                Locale.ROOT,
                "What better routes would have saved in %s (%.3g s of planning per day; drives to jobs only)%n%n",
                m.month(),
                m.secondsPerDay());
        out.printf(
                Locale.ROOT,
                "  %-10s %5s %8s %10s %10s %9s %7s %11s %11s %10s%n",
                "day",
                "jobs",
                "left out",
                "recorded",
                "planned",
                "saved",
                "saved",
                "recorded",
                "planned",
                "saved");
        out.printf(
                Locale.ROOT,
                "  %-10s %5s %8s %10s %10s %9s %7s %11s %11s %10s%n",
                "",
                "",
                "",
                "min",
                "min",
                "min",
                "%",
                money.code(),
                money.code(),
                money.code());
        for (MonthComparison.Day d : m.days()) {
            row(out, d.date().toString(), d);
        }
        row(out, "total", m.total());
        if (m.total().comparison().servedButUnplanned() > 0) {
            out.printf(
                    "%n%d jobs that were served are not in the plans.%n",
                    m.total().comparison().servedButUnplanned());
        }
    }

    private static void row(PrintWriter out, String label, MonthComparison.Day d) {
        DayPlan.Comparison c = d.comparison();
        out.printf(
                Locale.ROOT,
                "  %-10s %5d %8d %,10.0f %,10.0f %,9.0f %7.1f %,11.2f %,11.2f %,10.2f%n",
                label,
                c.jobs(),
                d.leftOut(),
                c.recordedMinutes(),
                c.plannedMinutes(),
                c.savedMinutes(),
                c.recordedMinutes() == 0 ? 0 : 100 * c.savedMinutes() / c.recordedMinutes(),
                c.recordedCost(),
                c.plannedCost(),
                c.savedCost());
    }
}
