package quant.core.forecast.business;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import quant.core.analysis.AsOf;
import quant.core.analysis.Operations;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.forecast.Seasonality;
import quant.core.job.JobMonitor;

/**
 * Demand per service line and technician capacity by skill.
 *
 * <p>Demand: the jobs requested per calendar month (by {@code job.requested_at}; cancelled jobs left
 * out, warranty callbacks kept — they take a technician's time), forecast month by month by the
 * spec's method ({@link Outlook}). Hours needed = forecast jobs × (labour hours per job + travel
 * hours per job), both per-job figures averaged over the twelve months before the as-of date (actual
 * hours of completed jobs, estimated hours where no actual is recorded). The seasonal index of each
 * calendar month is R's {@code decompose} multiplicative index (centred 2×12 moving average; Kendall
 * & Stuart), shown with at least two years of history.
 *
 * <p>Capacity: for each day of a month, every technician employed that day (hired on or before it,
 * not yet left) whose work days include it adds the length of their shift; a technician counts under
 * each of their skills, split into dedicated (the skill is their only one) and shared hours. Observed
 * months compare with the hours recorded on completed jobs (actual else estimated, plus travel) in the
 * month they were completed. Months ahead assume the staff of the data (including recorded future
 * hire and leave dates); holidays and absences are not in the data and not subtracted.
 */
public final class DemandAnalysis {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS =
            List.of(Snapshot.Customers.PART, Snapshot.Jobs.PART, Operations.Technicians.PART);

    /** The default horizon: a year. */
    public static final int DEFAULT_DAYS = 365;

    /** Observed months shown before the months ahead in the capacity table. */
    static final int CAPACITY_HISTORY = 12;

    /** Recorded weeks shown before the as-of date's week. */
    public static final int WEEKS_BACK = 8;

    /** Weeks forecast from the as-of date's week on. */
    public static final int WEEKS_AHEAD = 13;

    private DemandAnalysis() {}

    public static DemandResult run(Snapshot s, OutlookSpec spec, JobMonitor monitor) {
        AsOf asOf = AsOf.resolve(s, spec.asOf());
        Snapshot.Jobs jobs = s.jobs();
        int lines = s.serviceLines().size();
        int firstDay = Integer.MAX_VALUE;
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.requestedDay(i) != Snapshot.NO_DAY) {
                firstDay = Math.min(firstDay, jobs.requestedDay(i));
            }
        }
        if (firstDay == Integer.MAX_VALUE || firstDay > asOf.day()) {
            throw new quant.core.analysis.InvalidSpecException(
                    "No job was requested on or before " + asOf.date() + ", so there is no demand to forecast.");
        }
        MonthGrid grid = MonthGrid.of(firstDay, asOf.date());
        int ahead = grid.monthsAhead(spec.horizonDays());
        double[][] counts = new double[lines][grid.complete()];
        double[][] hoursDone = new double[lines][grid.complete()];
        int firstWeekDay = mondayOf(asOf.day()) - 7 * WEEKS_BACK;
        double[][] hoursByDay = new double[lines][asOf.day() - firstWeekDay + 1];
        double[] hours = new double[lines];
        double[] travel = new double[lines];
        int[] worked = new int[lines];
        int[] travelled = new int[lines];
        int yearAgo = (int) asOf.date().minusYears(1).toEpochDay();
        for (int i = 0; i < jobs.size(); i++) {
            int line = jobs.serviceLine(i);
            if (line < 0 || jobs.status(i) == Snapshot.Jobs.CANCELLED) {
                continue;
            }
            int m = grid.index(jobs.requestedDay(i));
            if (m >= 0 && m < grid.complete() && jobs.requestedDay(i) <= asOf.day()) {
                counts[line][m]++;
            }
            if (!jobs.isCompleted(i) || jobs.completedDay(i) > asOf.day()) {
                continue;
            }
            double h = Double.isNaN(jobs.actualHours(i)) ? jobs.estimatedHours(i) : jobs.actualHours(i);
            double t = jobs.travelMinutes(i) < 0 ? 0 : jobs.travelMinutes(i) / 60.0;
            int done = grid.index(jobs.completedDay(i));
            if (done >= 0 && done < grid.complete()) {
                hoursDone[line][done] += (Double.isNaN(h) ? 0 : h) + t;
            }
            if (jobs.completedDay(i) >= firstWeekDay) {
                hoursByDay[line][jobs.completedDay(i) - firstWeekDay] += (Double.isNaN(h) ? 0 : h) + t;
            }
            if (jobs.completedDay(i) > yearAgo) {
                if (!Double.isNaN(h)) {
                    hours[line] += h;
                    worked[line]++;
                }
                if (jobs.travelMinutes(i) >= 0) {
                    travel[line] += t;
                    travelled[line]++;
                }
            }
        }
        List<String> notes = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        DemandResult.LineDemand[] demand = new DemandResult.LineDemand[lines];
        String[] failures = new String[lines];
        IntStream.range(0, lines).parallel().forEach(line -> {
            monitor.checkCancelled();
            String code = s.serviceLines().value(line);
            if (java.util.Arrays.stream(counts[line]).allMatch(v -> v == 0)) {
                monitor.progress(done.incrementAndGet(), lines, "Forecasting demand per service line");
                return; // a line without jobs (yet) has nothing to forecast
            }
            try {
                String name = s.serviceLines().label(line);
                Outlook o = Outlook.of(name + " jobs requested", grid, counts[line], spec.method(), ahead);
                double perJob = worked[line] == 0 ? 0 : hours[line] / worked[line];
                double travelPerJob = travelled[line] == 0 ? 0 : travel[line] / travelled[line];
                Outlook.Total windowJobs = o.window(grid, spec.horizonDays());
                demand[line] = new DemandResult.LineDemand(
                        code,
                        name,
                        o,
                        perJob,
                        travelPerJob,
                        seasonalIndex(grid, counts[line]),
                        windowJobs,
                        windowJobs.times(perJob + travelPerJob));
            } catch (IllegalArgumentException e) {
                failures[line] = e.getMessage();
            }
            monitor.progress(done.incrementAndGet(), lines, "Forecasting demand per service line");
        });
        List<DemandResult.LineDemand> kept = new ArrayList<>();
        for (int line = 0; line < lines; line++) {
            if (demand[line] != null) {
                kept.add(demand[line]);
            } else if (failures[line] != null) {
                notes.add(failures[line]);
            }
        }
        notes.add("Hours needed are forecast jobs × the labour and travel hours per job of the last twelve months.");
        notes.add("Available hours are shift lengths on work days of the technicians employed; holidays and"
                + " absences are not in the data and are not subtracted.");
        List<DemandResult.Capacity> capacity =
                capacity(s, grid, ahead, kept, hoursDone, hoursByDay, firstWeekDay, asOf.day());
        return new DemandResult(asOf, spec.horizonDays(), List.copyOf(kept), capacity, notes);
    }

    /** The calendar months' seasonal indexes, January first; empty with less than two years or a zero month. */
    static List<Double> seasonalIndex(MonthGrid grid, double[] counts) {
        int start = 0;
        while (start < counts.length && counts[start] == 0) {
            start++;
        }
        double[] y = Arrays.copyOfRange(counts, start, counts.length);
        if (y.length < 24 || Arrays.stream(y).anyMatch(v -> v <= 0)) {
            return List.of();
        }
        double[] index = Seasonality.multiplicativeIndexes(y, 12);
        int firstMonth = grid.month(start).getMonthValue() - 1; // 0 = January
        Double[] byCalendar = new Double[12];
        for (int p = 0; p < 12; p++) {
            byCalendar[(firstMonth + p) % 12] = index[p];
        }
        return List.of(byCalendar);
    }

    private static List<DemandResult.Capacity> capacity(
            Snapshot s,
            MonthGrid grid,
            int ahead,
            List<DemandResult.LineDemand> demand,
            double[][] hoursDone,
            double[][] hoursByDay,
            int firstWeekDay,
            int asOfDay) {
        Operations.Technicians t = s.technicians();
        int from = Math.max(0, grid.complete() - CAPACITY_HISTORY);
        int to = grid.complete() + ahead;
        List<DemandResult.Capacity> out = new ArrayList<>();
        for (DemandResult.LineDemand d : demand) {
            int line = s.serviceLines().find(d.line());
            int dedicatedCount = 0;
            int sharedCount = 0;
            for (int k = 0; k < t.size(); k++) {
                boolean employed =
                        t.hiredDay(k) <= asOfDay && (t.leftDay(k) == Snapshot.NO_DAY || t.leftDay(k) > asOfDay);
                if (employed && t.hasSkill(k, line)) {
                    if (t.skills(k).length == 1) {
                        dedicatedCount++;
                    } else {
                        sharedCount++;
                    }
                }
            }
            List<DemandResult.CapacityMonth> months = new ArrayList<>();
            for (int m = from; m < to; m++) {
                double[] available = available(t, line, grid.month(m));
                boolean forecast = m >= grid.complete();
                Outlook.Total needed = forecast
                        ? d.jobs().month(m - grid.complete()).times(d.hoursPerJob() + d.travelHoursPerJob())
                        : new Outlook.Total(
                                hoursDone[line][m],
                                hoursDone[line][m],
                                hoursDone[line][m],
                                hoursDone[line][m],
                                hoursDone[line][m]);
                double all = available[0] + available[1];
                months.add(new DemandResult.CapacityMonth(
                        grid.label(m),
                        forecast,
                        needed.mean(),
                        needed.lower80(),
                        needed.upper80(),
                        available[0],
                        available[1],
                        all > 0 ? needed.mean() / all : Double.NaN,
                        needed.upper80() > all));
            }
            out.add(new DemandResult.Capacity(
                    d.line(),
                    d.name(),
                    dedicatedCount,
                    sharedCount,
                    List.copyOf(months),
                    weeks(t, line, d, grid, hoursByDay[line], firstWeekDay, asOfDay)));
        }
        return List.copyOf(out);
    }

    /**
     * The skill's weeks: recorded hours up to the as-of date, and after it each day's share of its
     * month's forecast (the month's mean and 80 % bounds ÷ its days), against the shift hours of the
     * technicians with the skill in the week.
     */
    static List<DemandResult.CapacityWeek> weeks(
            Operations.Technicians t,
            int line,
            DemandResult.LineDemand d,
            MonthGrid grid,
            double[] hoursByDay,
            int firstWeekDay,
            int asOfDay) {
        List<DemandResult.CapacityWeek> out = new ArrayList<>();
        double perJob = d.hoursPerJob() + d.travelHoursPerJob();
        int forecastMonths = d.jobs().forecast().forecast().size();
        for (int w = 0; w < WEEKS_BACK + WEEKS_AHEAD; w++) {
            int start = firstWeekDay + 7 * w;
            if (start + 6 > asOfDay && grid.index(start + 6) - grid.complete() >= forecastMonths) {
                break; // the forecast does not reach the week's end (a short horizon)
            }
            double mean = 0;
            double low = 0;
            double high = 0;
            boolean forecast = false;
            for (int day = start; day < start + 7; day++) {
                if (day <= asOfDay) {
                    double h = hoursByDay[day - firstWeekDay];
                    mean += h;
                    low += h;
                    high += h;
                    continue;
                }
                forecast = true;
                int m = grid.index(day);
                if (m < grid.complete()) {
                    continue;
                }
                LocalDate month = grid.month(m);
                double share = 1.0 / month.lengthOfMonth();
                Outlook.Total total = d.jobs().month(m - grid.complete()).times(perJob);
                mean += total.mean() * share;
                low += total.lower80() * share;
                high += total.upper80() * share;
            }
            double[] available = available(t, line, start, start + 7);
            double all = available[0] + available[1];
            out.add(new DemandResult.CapacityWeek(
                    LocalDate.ofEpochDay(start),
                    forecast,
                    mean,
                    low,
                    high,
                    available[0],
                    available[1],
                    all > 0 ? mean / all : Double.NaN,
                    high > all));
        }
        return List.copyOf(out);
    }

    /** The Monday on or before {@code day}. */
    static int mondayOf(int day) {
        return day - Math.floorMod(day + 3, 7); // 1970-01-01 was a Thursday
    }

    /** Shift hours in the month of the technicians with the skill: {dedicated, shared}. */
    static double[] available(Operations.Technicians t, int line, LocalDate month) {
        return available(
                t, line, (int) month.toEpochDay(), (int) month.plusMonths(1).toEpochDay());
    }

    /** Shift hours from day {@code first} up to {@code end} (exclusive) of the technicians with the skill: {dedicated, shared}. */
    static double[] available(Operations.Technicians t, int line, int first, int end) {
        double dedicated = 0;
        double shared = 0;
        for (int k = 0; k < t.size(); k++) {
            if (!t.hasSkill(k, line)) {
                continue;
            }
            double shift = t.shiftHours(k);
            int days = 0;
            for (int day = first; day < end; day++) {
                if (t.works(k, day)) {
                    days++;
                }
            }
            if (t.skills(k).length == 1) {
                dedicated += days * shift;
            } else {
                shared += days * shift;
            }
        }
        return new double[] {dedicated, shared};
    }
}
