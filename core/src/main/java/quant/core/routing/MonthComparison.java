package quant.core.routing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import quant.core.job.JobMonitor;
import quant.core.store.Store;

/**
 * What better routes would have saved across a month: every day of the month with recorded travel is
 * planned (a fixed time each) and compared with what was driven, as {@link DayPlan.Comparison} does
 * for one day.
 *
 * @param month the month
 * @param secondsPerDay the planning time each day had
 * @param days one row per day with jobs that have recorded travel
 * @param total the sums over the days
 */
public record MonthComparison(YearMonth month, double secondsPerDay, List<Day> days, Day total) {

    public MonthComparison {
        days = List.copyOf(days);
    }

    /**
     * One day, or the month's total (date null).
     *
     * @param date the day
     * @param comparison the day's comparison
     * @param leftOut jobs of the day the plan leaves out (served or not)
     */
    public record Day(LocalDate date, DayPlan.Comparison comparison, int leftOut) {}

    /** Plans and compares every day of {@code month}; cancelling stops between days. */
    public static MonthComparison run(
            Store store, YearMonth month, RouteSettings settings, double secondsPerDay, long seed, JobMonitor monitor) {
        List<Day> days = new ArrayList<>();
        int length = month.lengthOfMonth();
        for (int d = 1; d <= length; d++) {
            if (monitor.isCancelled()) {
                throw new CancellationException("The month comparison was cancelled.");
            }
            LocalDate date = month.atDay(d);
            monitor.progress(d - 1, length, "Planning " + date);
            WorkDay day = WorkDayReader.read(store, date);
            if (day.jobs().stream().noneMatch(j -> j.travelMinutes() >= 0)) {
                continue;
            }
            DayPlan plan =
                    DayPlanner.plan(day, settings, RouteSearch.Limits.seconds(secondsPerDay, seed), JobMonitor.NONE);
            days.add(new Day(
                    date,
                    plan.actual(),
                    plan.plan().unassigned().size() + plan.unplannable().size()));
        }
        monitor.progress(length, length, "Planned " + month);
        return new MonthComparison(month, secondsPerDay, days, sum(days));
    }

    static Day sum(List<Day> days) {
        int jobs = 0;
        int planned = 0;
        int servedButUnplanned = 0;
        int leftOut = 0;
        double rm = 0;
        double pm = 0;
        double rk = 0;
        double pk = 0;
        double rc = 0;
        double pc = 0;
        for (Day d : days) {
            DayPlan.Comparison c = d.comparison();
            jobs += c.jobs();
            planned += c.plannedJobs();
            servedButUnplanned += c.servedButUnplanned();
            leftOut += d.leftOut();
            rm += c.recordedMinutes();
            pm += c.plannedMinutes();
            rk += c.recordedKm();
            pk += c.plannedKm();
            rc += c.recordedCost();
            pc += c.plannedCost();
        }
        return new Day(
                null,
                new DayPlan.Comparison(jobs, planned, servedButUnplanned, rm, pm, rk, pk, rc, pc, rm - pm, rc - pc),
                leftOut);
    }
}
