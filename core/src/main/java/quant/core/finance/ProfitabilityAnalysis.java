package quant.core.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import quant.core.analysis.AsOf;
import quant.core.analysis.Codes;
import quant.core.analysis.DisplayNames;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Operations;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.job.JobMonitor;

/**
 * Profitability of completed jobs by service line, customer segment, city, postal code, technician,
 * customer or job, over the months up to an as-of date.
 *
 * <p>A job's margin is revenue − labour − materials − equipment (its {@code *_cost} columns) − travel
 * cost − overhead. Travel cost is travel minutes ÷ 60 × the hourly cost of the job's technician: the
 * time spent driving, which {@code labour_cost} does not hold. Overhead is each month's
 * {@code expense} rows, shared out over the jobs completed in that month in proportion to a base the
 * user chooses (business setting {@code profitability.overheadBy}): labour hours (actual hours, else
 * estimated), job count, or revenue. An expense with a service line is shared out over that line's
 * jobs only; one without over all jobs. Overhead of a month without jobs to carry it is reported as
 * unallocated. Allocation is computed over all jobs before a drill-down narrows them, so a job's
 * overhead does not depend on what is looked at.
 *
 * <p>Reasons a customer or job makes little or no money are the ones among these whose cost is
 * largest: callback visits (their cost, revenue 0), travel well above the company's average per job
 * (more than 1.5 × it; the extra driving's cost), materials above revenue, and jobs that ran 25 % or
 * more over their estimated hours (the extra hours' labour).
 */
public final class ProfitabilityAnalysis {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS = List.of(Snapshot.Jobs.PART, Operations.Expenses.PART);

    /** Bands of estimated hours for the complexity matrix: lower bounds. */
    static final double[] BANDS = {0, 1, 2, 4, 8};

    /** How many least profitable customers and jobs are listed. */
    static final int WORST = 10;

    private ProfitabilityAnalysis() {}

    /** Sums of a group of jobs, with what the reasons need. */
    static final class Acc {
        int jobs;
        double revenue;
        double direct;
        double travelCost;
        double overhead;
        double hours;
        double travelMinutes;
        int callbacks;
        double callbackCost;
        int materialOverJobs;
        double materialOver;
        int overrunJobs;
        double overrunCost;

        double margin() {
            return revenue - direct - travelCost - overhead;
        }
    }

    public static ProfitabilityResult run(Snapshot s, ProfitabilitySpec spec, JobMonitor monitor) {
        Snapshot.Jobs jobs = s.jobs();
        if (jobs.size() == 0) {
            throw new InvalidSpecException("The database holds no jobs yet: import them first.");
        }
        AsOf asOf = AsOf.resolve(s, spec.asOf());
        int end = asOf.day();
        LocalDate fromDate = asOf.date().plusDays(1).minusMonths(spec.months());
        int start = (int) fromDate.toEpochDay();
        int firstMonth = monthIndex(start);
        int monthCount = monthIndex(end) - firstMonth + 1;
        Codes lines = s.serviceLines();
        Operations.Technicians techs = s.technicians();
        Snapshot.Customers customers = s.customers();
        monitor.progress(0, 4, "Sharing out overhead");

        // the window's completed jobs and each one's overhead base
        List<Integer> done = new ArrayList<>();
        double[][] lineBase = new double[monthCount][lines.size()];
        double[] allBase = new double[monthCount];
        for (int j = 0; j < jobs.size(); j++) {
            if (jobs.isCompleted(j) && jobs.completedDay(j) >= start && jobs.completedDay(j) <= end) {
                done.add(j);
                double b = base(jobs, j, spec.overheadBy());
                int m = monthIndex(jobs.completedDay(j)) - firstMonth;
                allBase[m] += b;
                if (jobs.serviceLine(j) >= 0) {
                    lineBase[m][jobs.serviceLine(j)] += b;
                }
            }
        }
        double[][] lineOverhead = new double[monthCount][lines.size()];
        double[] generalOverhead = new double[monthCount];
        double overheadTotal = 0;
        double unallocated = 0;
        Operations.Expenses ex = s.expenses();
        for (int i = 0; i < ex.size(); i++) {
            int day = ex.monthDay(i);
            if (day == Snapshot.NO_DAY || day > end || monthIndex(day) < firstMonth) {
                continue;
            }
            int m = monthIndex(day) - firstMonth;
            overheadTotal += ex.amount(i);
            int line = ex.serviceLine(i);
            if (line >= 0) {
                if (lineBase[m][line] > 0) {
                    lineOverhead[m][line] += ex.amount(i);
                } else {
                    unallocated += ex.amount(i);
                }
            } else if (allBase[m] > 0) {
                generalOverhead[m] += ex.amount(i);
            } else {
                unallocated += ex.amount(i);
            }
        }
        double meanTravel = done.stream()
                .mapToInt(j -> Math.max(0, jobs.travelMinutes(j)))
                .average()
                .orElse(0);

        monitor.progress(1, 4, "Adding up margins");
        Map<String, Acc> groups = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<Integer, Acc> byCustomer = new LinkedHashMap<>();
        List<Integer> kept = new ArrayList<>();
        Map<Integer, Acc> byJob = new LinkedHashMap<>();
        Map<String, Acc> bands = new LinkedHashMap<>();
        Map<String, double[]> bandHours = new LinkedHashMap<>();
        Acc total = new Acc();
        List<Within> within = resolve(spec.within(), s);
        for (int j : done) {
            if (!matches(within, s, j)) {
                continue;
            }
            kept.add(j);
            int m = monthIndex(jobs.completedDay(j)) - firstMonth;
            int line = jobs.serviceLine(j);
            double b = base(jobs, j, spec.overheadBy());
            double overhead = (allBase[m] > 0 ? generalOverhead[m] * b / allBase[m] : 0)
                    + (line >= 0 && lineBase[m][line] > 0 ? lineOverhead[m][line] * b / lineBase[m][line] : 0);
            Acc one = new Acc();
            add(one, jobs, techs, j, overhead);
            byJob.put(j, one);
            String key = key(spec.by(), s, j);
            groups.computeIfAbsent(key, k -> new Acc());
            names.computeIfAbsent(key, k -> name(spec.by(), s, j));
            merge(groups.get(key), one);
            merge(total, one);
            if (jobs.customer(j) >= 0) {
                merge(byCustomer.computeIfAbsent(jobs.customer(j), c -> new Acc()), one);
            }
            String bandKey = (line < 0 ? "none" : lines.value(line)) + "\u0000" + band(jobs.estimatedHours(j));
            merge(bands.computeIfAbsent(bandKey, k -> new Acc()), one);
            double est = jobs.estimatedHours(j);
            if (!Double.isNaN(est)) {
                double[] h = bandHours.computeIfAbsent(bandKey, k -> new double[2]);
                h[0] += est;
                h[1]++;
            }
        }

        monitor.progress(2, 4, "Finding the reasons");
        List<ProfitabilityResult.Row> rows = new ArrayList<>();
        double totalShare = total.revenue > 0 ? total.margin() / total.revenue : Double.NaN;
        groups.forEach((key, a) -> {
            ProfitabilityResult.Row r = row(key, names.get(key), a, meanTravel);
            // reasons are for the rows that do worse than the whole
            boolean worse = !(r.marginShare() >= totalShare) || r.margin() < 0;
            rows.add(worse || spec.by() == ProfitabilitySpec.Dimension.JOB ? r : withoutReasons(r));
        });
        rows.sort(Comparator.comparingDouble((ProfitabilityResult.Row r) -> -r.margin())
                .thenComparing(ProfitabilityResult.Row::key));
        List<ProfitabilityResult.Row> worstCustomers = new ArrayList<>();
        byCustomer.forEach(
                (c, a) -> worstCustomers.add(row(String.valueOf(customers.id(c)), customers.name(c), a, meanTravel)));
        worstCustomers.sort(Comparator.comparingDouble(ProfitabilityResult.Row::margin)
                .thenComparing(ProfitabilityResult.Row::key));
        List<ProfitabilityResult.Row> worstJobs = new ArrayList<>();
        byJob.forEach((j, a) -> worstJobs.add(row(String.valueOf(jobs.id(j)), jobName(s, j), a, meanTravel)));
        worstJobs.sort(Comparator.comparingDouble(ProfitabilityResult.Row::margin)
                .thenComparing(ProfitabilityResult.Row::key));

        monitor.progress(3, 4, "Complexity");
        List<ProfitabilityResult.Band> complexity = new ArrayList<>();
        for (int line = -1; line < lines.size(); line++) {
            for (int k = 0; k < BANDS.length; k++) {
                String code = line < 0 ? "none" : lines.value(line);
                Acc a = bands.get(code + "\u0000" + k);
                if (a == null) {
                    continue;
                }
                double[] hours = bandHours.getOrDefault(code + "\u0000" + k, new double[2]);
                double sumHours = hours[0];
                double counted = hours[1];
                double from = BANDS[k];
                double to = k + 1 < BANDS.length ? BANDS[k + 1] : Double.NaN;
                complexity.add(new ProfitabilityResult.Band(
                        code,
                        line < 0 ? "No service line" : lines.label(line),
                        bandName(k),
                        from,
                        to,
                        counted == 0 ? Double.NaN : round(sumHours / counted),
                        a.jobs,
                        round(a.revenue),
                        round(a.margin()),
                        share(a.margin(), a.revenue)));
            }
        }
        List<String> notes = new ArrayList<>();
        if (unallocated > 0.005) {
            notes.add(String.format(
                    Locale.ROOT,
                    "%,.2f of overhead fell in months (or on service lines) without completed jobs to carry it and is"
                            + " not in any margin.",
                    unallocated));
        }
        if (!within.isEmpty()) {
            notes.add("Narrowed to "
                    + String.join(", ", within.stream().map(Within::words).toList()) + ".");
        }
        if (kept.isEmpty()) {
            notes.add("No completed job in the window matches.");
        }
        monitor.progress(4, 4, "Done");
        return new ProfitabilityResult(
                asOf,
                fromDate,
                spec.months(),
                spec.by().key(),
                spec.overheadBy(),
                spec.within().stream().map(ProfitabilitySpec.Within::toString).toList(),
                List.copyOf(rows),
                withoutReasons(row("all", "All jobs", total, meanTravel)),
                List.copyOf(complexity),
                List.copyOf(worstCustomers.subList(0, Math.min(WORST, worstCustomers.size()))),
                List.copyOf(worstJobs.subList(0, Math.min(WORST, worstJobs.size()))),
                round(overheadTotal),
                round(unallocated),
                List.copyOf(notes),
                definitions(spec.overheadBy()));
    }

    /** A job's share base for overhead: actual hours (else estimated, else 0), 1, or revenue. */
    static double base(Snapshot.Jobs jobs, int j, String rule) {
        return switch (rule) {
            case "jobs" -> 1;
            case "revenue" -> Math.max(0, jobs.revenue(j));
            default -> {
                double h = jobs.actualHours(j);
                if (Double.isNaN(h)) {
                    h = jobs.estimatedHours(j);
                }
                yield Double.isNaN(h) ? 0 : h;
            }
        };
    }

    private static void add(Acc a, Snapshot.Jobs jobs, Operations.Technicians techs, int j, double overhead) {
        int t = jobs.technician(j);
        double hourly = t >= 0 ? techs.hourlyCost(t) : 0;
        int travel = Math.max(0, jobs.travelMinutes(j));
        a.jobs = 1;
        a.revenue = jobs.revenue(j);
        a.direct = jobs.cost(j);
        a.travelCost = travel / 60.0 * hourly;
        a.overhead = overhead;
        double actual = jobs.actualHours(j);
        a.hours = Double.isNaN(actual) ? 0 : actual;
        a.travelMinutes = travel;
        if (jobs.isCallback(j)) {
            a.callbacks = 1;
            a.callbackCost = a.direct + a.travelCost;
        }
        double material = jobs.materialCost(j);
        if (!jobs.isCallback(j) && material > jobs.revenue(j)) {
            a.materialOverJobs = 1;
            a.materialOver = material - jobs.revenue(j);
        }
        double est = jobs.estimatedHours(j);
        if (!Double.isNaN(est) && est > 0 && a.hours >= 1.25 * est) {
            a.overrunJobs = 1;
            a.overrunCost = a.hours > 0 ? (a.hours - est) * jobs.labourCost(j) / a.hours : 0;
        }
    }

    private static void merge(Acc into, Acc a) {
        into.jobs += a.jobs;
        into.revenue += a.revenue;
        into.direct += a.direct;
        into.travelCost += a.travelCost;
        into.overhead += a.overhead;
        into.hours += a.hours;
        into.travelMinutes += a.travelMinutes;
        into.callbacks += a.callbacks;
        into.callbackCost += a.callbackCost;
        into.materialOverJobs += a.materialOverJobs;
        into.materialOver += a.materialOver;
        into.overrunJobs += a.overrunJobs;
        into.overrunCost += a.overrunCost;
    }

    private static ProfitabilityResult.Row row(String key, String name, Acc a, double meanTravel) {
        return new ProfitabilityResult.Row(
                key,
                name,
                a.jobs,
                round(a.revenue),
                round(a.direct),
                round(a.travelCost),
                round(a.overhead),
                round(a.margin()),
                share(a.margin(), a.revenue),
                round(a.hours),
                round(a.travelMinutes),
                a.callbacks,
                reasons(a, meanTravel));
    }

    private static ProfitabilityResult.Row withoutReasons(ProfitabilityResult.Row r) {
        return new ProfitabilityResult.Row(
                r.key(),
                r.name(),
                r.jobs(),
                r.revenue(),
                r.directCost(),
                r.travelCost(),
                r.overhead(),
                r.margin(),
                r.marginShare(),
                r.hours(),
                r.travelMinutes(),
                r.callbacks(),
                "");
    }

    /** The costliest of the reasons that apply, in words, most costly first; "" when none does. */
    static String reasons(Acc a, double meanTravel) {
        record Reason(double cost, String words) {}
        List<Reason> found = new ArrayList<>();
        if (a.jobs == 1 && a.callbacks == 1) {
            found.add(new Reason(a.callbackCost, "a callback visit: no revenue"));
        } else if (a.callbacks > 0) {
            found.add(new Reason(
                    a.callbackCost,
                    words(a.callbacks, "callback", "callbacks")
                            + String.format(Locale.ROOT, " costing %,.0f", a.callbackCost)));
        }
        double perJob = a.jobs == 0 ? 0 : a.travelMinutes / a.jobs;
        if (meanTravel > 0 && perJob > 1.5 * meanTravel && a.travelMinutes > 0) {
            double extra = a.travelCost * (1 - meanTravel * a.jobs / a.travelMinutes);
            found.add(new Reason(
                    extra,
                    String.format(Locale.ROOT, "%.0f min drive %s", perJob, a.jobs == 1 ? "to the job" : "per visit")));
        }
        if (a.materialOverJobs > 0) {
            found.add(new Reason(
                    a.materialOver,
                    a.jobs == 1
                            ? "materials above revenue"
                            : "materials above revenue on " + words(a.materialOverJobs, "job", "jobs")));
        }
        if (a.overrunJobs > 0) {
            found.add(new Reason(
                    a.overrunCost,
                    a.jobs == 1
                            ? "ran 25 % or more over the estimated hours"
                            : words(a.overrunJobs, "job", "jobs") + " ran 25 % or more over the estimate"));
        }
        return String.join(
                "; ",
                found.stream()
                        .filter(r -> r.cost() > 0.005)
                        .sorted(Comparator.comparingDouble(Reason::cost).reversed())
                        .limit(3)
                        .map(Reason::words)
                        .toList());
    }

    private static String words(int n, String one, String many) {
        String[] small = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        return (n < small.length ? small[n] : String.format(Locale.ROOT, "%,d", n)) + " " + (n == 1 ? one : many);
    }

    /** The row key of a job in a dimension. */
    private static String key(ProfitabilitySpec.Dimension by, Snapshot s, int j) {
        Snapshot.Jobs jobs = s.jobs();
        int c = jobs.customer(j);
        Snapshot.Customers cu = s.customers();
        return switch (by) {
            case LINE ->
                orNone(jobs.serviceLine(j) < 0 ? null : s.serviceLines().value(jobs.serviceLine(j)));
            case SEGMENT -> orNone(c < 0 ? null : cu.segments().value(cu.segment(c)));
            case CITY -> orNone(c < 0 ? null : cu.cities().value(cu.city(c)));
            case ZIP -> orNone(c < 0 ? null : cu.zips().value(cu.zip(c)));
            case TECHNICIAN -> {
                int t = jobs.technician(j);
                yield t < 0 ? "none" : techRef(s.technicians(), t);
            }
            case CUSTOMER -> c < 0 ? "none" : String.valueOf(cu.id(c));
            case JOB -> String.valueOf(jobs.id(j));
        };
    }

    private static String name(ProfitabilitySpec.Dimension by, Snapshot s, int j) {
        Snapshot.Jobs jobs = s.jobs();
        int c = jobs.customer(j);
        Snapshot.Customers cu = s.customers();
        return switch (by) {
            case LINE ->
                jobs.serviceLine(j) < 0 ? "No service line" : s.serviceLines().label(jobs.serviceLine(j));
            case SEGMENT -> named(c < 0 ? null : cu.segments().value(cu.segment(c)), "No segment");
            case CITY -> named(c < 0 ? null : cu.cities().value(cu.city(c)), "No city");
            case ZIP ->
                c < 0 || cu.zip(c) == Codes.NONE ? "No postal code" : cu.zips().value(cu.zip(c));
            case TECHNICIAN ->
                jobs.technician(j) < 0 ? "No technician" : s.technicians().name(jobs.technician(j));
            case CUSTOMER -> c < 0 ? "No customer" : cu.name(c);
            case JOB -> jobName(s, j);
        };
    }

    private static String named(String code, String none) {
        return code == null ? none : DisplayNames.of(code);
    }

    private static String jobName(Snapshot s, int j) {
        Snapshot.Jobs jobs = s.jobs();
        int c = jobs.customer(j);
        return Snapshot.date(jobs.completedDay(j)) + " · "
                + (jobs.serviceLine(j) < 0 ? "–" : s.serviceLines().label(jobs.serviceLine(j))) + " · "
                + (c < 0 ? "no customer" : s.customers().name(c));
    }

    private static String techRef(Operations.Technicians techs, int t) {
        return techs.ref(t) == null ? techs.name(t) : techs.ref(t);
    }

    private static String orNone(String v) {
        return v == null ? "none" : v;
    }

    /** A drill-down step resolved against the data: the row it names. */
    record Within(ProfitabilitySpec.Dimension dimension, String key, String name) {
        String words() {
            return dimension.title().toLowerCase(Locale.ROOT) + " " + name;
        }
    }

    private static List<Within> resolve(List<ProfitabilitySpec.Within> steps, Snapshot s) {
        List<Within> out = new ArrayList<>();
        for (ProfitabilitySpec.Within w : steps) {
            String key = w.key();
            String resolved =
                    switch (w.dimension()) {
                        case LINE -> s.serviceLines().resolve(key);
                        case SEGMENT ->
                            "none".equalsIgnoreCase(key)
                                    ? "none"
                                    : s.customers().segments().resolve(key);
                        case CITY ->
                            "none".equalsIgnoreCase(key)
                                    ? "none"
                                    : s.customers().cities().resolve(key);
                        case ZIP ->
                            "none".equalsIgnoreCase(key)
                                    ? "none"
                                    : s.customers().zips().resolve(key);
                        case TECHNICIAN -> {
                            Operations.Technicians t = s.technicians();
                            String found = null;
                            for (int i = 0; i < t.size(); i++) {
                                if (key.equalsIgnoreCase(techRef(t, i)) || key.equalsIgnoreCase(t.name(i))) {
                                    found = techRef(t, i);
                                }
                            }
                            yield found;
                        }
                        case CUSTOMER -> idOf(key, s.customers()) >= 0 ? key : null;
                        case JOB -> idOf(key, s.jobs()) >= 0 ? key : null;
                    };
            if (resolved == null) {
                throw new InvalidSpecException("There is no "
                        + w.dimension().title().toLowerCase(Locale.ROOT) + " \"" + key + "\" in the data.");
            }
            out.add(new Within(w.dimension(), resolved, nameOf(w.dimension(), resolved, s)));
        }
        return out;
    }

    private static String nameOf(ProfitabilitySpec.Dimension d, String key, Snapshot s) {
        return switch (d) {
            case LINE -> s.serviceLines().label(key);
            case CUSTOMER -> s.customers().name(idOf(key, s.customers()));
            case TECHNICIAN -> {
                Operations.Technicians t = s.technicians();
                for (int i = 0; i < t.size(); i++) {
                    if (techRef(t, i).equals(key)) {
                        yield t.name(i);
                    }
                }
                yield key;
            }
            case JOB -> "#" + key;
            default -> "none".equals(key) ? "none" : DisplayNames.of(key);
        };
    }

    private static int idOf(String key, quant.core.analysis.TableRows rows) {
        try {
            return rows.row(Long.parseLong(key.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean matches(List<Within> within, Snapshot s, int j) {
        for (Within w : within) {
            if (!key(w.dimension(), s, j).equals(w.key())) {
                return false;
            }
        }
        return true;
    }

    /** The band of estimated hours; missing hours go in the first. */
    static int band(double hours) {
        int k = 0;
        for (int i = 0; i < BANDS.length; i++) {
            if (!Double.isNaN(hours) && hours >= BANDS[i]) {
                k = i;
            }
        }
        return k;
    }

    private static String bandName(int k) {
        return k + 1 < BANDS.length
                ? String.format(Locale.ROOT, "%s–%s h", trim(BANDS[k]), trim(BANDS[k + 1]))
                : String.format(Locale.ROOT, "%s h or more", trim(BANDS[k]));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static List<String> definitions(String overheadBy) {
        String base =
                switch (overheadBy) {
                    case "jobs" -> "job count";
                    case "revenue" -> "revenue";
                    default -> "labour hours (actual, else estimated)";
                };
        return List.of(
                "Direct cost: the job's labour + materials + equipment cost.",
                "Travel cost: travel minutes ÷ 60 × the technician's hourly cost (driving time, not in labour cost).",
                "Overhead: each month's expenses shared out over that month's completed jobs by " + base
                        + "; an expense of a service line over that line's jobs only.",
                "Margin: revenue − direct cost − travel cost − overhead; margin share: margin ÷ revenue.",
                "Reasons: the costliest of callback visits, travel above 1.5 × the average per job, materials above"
                        + " revenue, and jobs 25 % or more over their estimated hours.");
    }

    private static int monthIndex(int day) {
        LocalDate d = LocalDate.ofEpochDay(day);
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    private static double share(double part, double whole) {
        return whole > 0 ? Math.round(part / whole * 10_000) / 10_000.0 : Double.NaN;
    }

    static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
    }
}
