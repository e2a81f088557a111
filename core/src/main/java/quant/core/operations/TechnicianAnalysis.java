package quant.core.operations;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Erf;
import quant.core.analysis.AsOf;
import quant.core.analysis.Codes;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Operations;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.job.JobMonitor;

/**
 * Technician performance over the months up to an as-of date, from the jobs assigned to each
 * technician (the job's {@code technician_id}) and the technicians' shifts.
 *
 * <p>For the jobs completed in the window: jobs; hours ratio = Σ actual ÷ Σ estimated hours over
 * jobs with both; utilisation = (actual hours + travel hours) ÷ shift hours available, where a day
 * counts when the technician was employed and it is one of their work days; first-time fix = 1 −
 * callbacks ÷ first visits (a first visit is a completed job that is not itself a callback; it
 * counts as called back when a job naming it in {@code callback_of_job_id} was requested by the
 * as-of date); rating = mean of the ratings given; revenue, and margin = revenue − labour − materials
 * − equipment − travel cost, travel cost = travel minutes ÷ 60 × the technician's hourly cost (it is
 * not in {@code labour_cost}); per hour worked. Completion = completed ÷ scheduled over the jobs
 * scheduled in the window.
 *
 * <p>The score compares a technician with the others of the same main trade (the service line of
 * most of their jobs in the window), since a landscaper's margin per hour is not an HVAC
 * technician's: each part is 100·Φ(z), z the standard score of the technician's value among the
 * trade's technicians with jobs (−hours ratio for time, first-time fix for quality, rating), 50 when
 * the trade has fewer than two such technicians or they do not differ; the score is the parts
 * weighted by the settings (time 0.3, quality 0.4, rating 0.3 by default), so each part's
 * contribution is its weight × its points.
 *
 * <p>Key people: for each service line, the technician with the largest share of its revenue in the
 * window and the one with the largest share of its hours; flagged when either share is above the
 * key-person setting (35 % by default).
 */
public final class TechnicianAnalysis {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS = List.of(Snapshot.Jobs.PART, Operations.Technicians.PART);

    private TechnicianAnalysis() {}

    /** Sums of one row (a technician, a trade or the team) over some jobs and days. */
    static final class Acc {
        int jobs;
        int scheduled;
        int scheduledDone;
        double estimatedMatched;
        double actualMatched;
        double hoursWorked;
        double travelMinutes;
        double shiftHours;
        int firstVisits;
        int callbacks;
        double ratingSum;
        int rated;
        double revenue;
        double direct;
        double travelCost;

        void add(Acc o) {
            jobs += o.jobs;
            scheduled += o.scheduled;
            scheduledDone += o.scheduledDone;
            estimatedMatched += o.estimatedMatched;
            actualMatched += o.actualMatched;
            hoursWorked += o.hoursWorked;
            travelMinutes += o.travelMinutes;
            shiftHours += o.shiftHours;
            firstVisits += o.firstVisits;
            callbacks += o.callbacks;
            ratingSum += o.ratingSum;
            rated += o.rated;
            revenue += o.revenue;
            direct += o.direct;
            travelCost += o.travelCost;
        }

        double hoursRatio() {
            return estimatedMatched > 0 ? actualMatched / estimatedMatched : Double.NaN;
        }

        double utilisation() {
            return shiftHours > 0 ? (hoursWorked + travelMinutes / 60) / shiftHours : Double.NaN;
        }

        double firstTimeFix() {
            return firstVisits > 0 ? 1 - (double) callbacks / firstVisits : Double.NaN;
        }

        Double rating() {
            return rated > 0 ? ratingSum / rated : null;
        }

        double margin() {
            return revenue - direct - travelCost;
        }

        double perHour(double amount) {
            return hoursWorked > 0 ? amount / hoursWorked : Double.NaN;
        }
    }

    public static TechnicianResult run(Snapshot s, TechnicianSpec spec, JobMonitor monitor) {
        Snapshot.Jobs jobs = s.jobs();
        Operations.Technicians techs = s.technicians();
        if (techs.size() == 0) {
            throw new InvalidSpecException(
                    "The database holds no technicians: import them (table technician) and the jobs' technician.");
        }
        AsOf asOf = AsOf.resolve(s, spec.asOf());
        int end = asOf.day();
        LocalDate fromDate = asOf.date().plusDays(1).minusMonths(spec.months());
        int start = (int) fromDate.toEpochDay();
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(fromDate); !m.isAfter(YearMonth.from(asOf.date())); m = m.plusMonths(1)) {
            months.add(m);
        }
        int first = monthIndex((int) fromDate.toEpochDay());
        int nt = techs.size();
        Codes lines = s.serviceLines();
        monitor.progress(0, 4, "Reading the jobs");

        boolean[] calledBack = new boolean[jobs.size()];
        for (int c = 0; c < jobs.size(); c++) {
            int original = jobs.callbackOf(c);
            if (original >= 0 && jobs.requestedDay(c) <= end) {
                calledBack[original] = true;
            }
        }
        Acc[] byTech = new Acc[nt];
        Acc[][] byTechMonth = new Acc[nt][months.size()];
        int[][] lineJobs = new int[nt][lines.size()];
        double[][] lineRevenue = new double[lines.size()][nt];
        double[][] lineHours = new double[lines.size()][nt];
        for (int t = 0; t < nt; t++) {
            byTech[t] = new Acc();
            for (int m = 0; m < months.size(); m++) {
                byTechMonth[t][m] = new Acc();
            }
        }
        int unassigned = 0;
        for (int j = 0; j < jobs.size(); j++) {
            if ((j & 0xFFFF) == 0) {
                monitor.checkCancelled();
            }
            int t = jobs.technician(j);
            boolean done = jobs.isCompleted(j) && jobs.completedDay(j) >= start && jobs.completedDay(j) <= end;
            if (t < 0) {
                unassigned += done ? 1 : 0;
                continue;
            }
            int scheduled = jobs.scheduledDay(j);
            if (scheduled != Snapshot.NO_DAY && scheduled >= start && scheduled <= end) {
                byTech[t].scheduled++;
                if (jobs.isCompleted(j) && jobs.completedDay(j) <= end) {
                    byTech[t].scheduledDone++;
                }
            }
            if (!done) {
                continue;
            }
            int m = monthIndex(jobs.completedDay(j)) - first;
            double cost = techs.hourlyCost(t);
            for (Acc a : new Acc[] {byTech[t], byTechMonth[t][m]}) {
                addJob(a, jobs, j, cost, calledBack);
            }
            int line = jobs.serviceLine(j);
            if (line >= 0) {
                lineJobs[t][line]++;
                lineRevenue[line][t] += jobs.revenue(j);
                double h = jobs.actualHours(j);
                lineHours[line][t] += Double.isNaN(h) ? 0 : h;
            }
        }
        monitor.progress(1, 4, "Counting shift hours");
        for (int t = 0; t < nt; t++) {
            double shift = techs.shiftHours(t);
            if (shift <= 0) {
                continue;
            }
            for (int d = start; d <= end; d++) {
                if (techs.works(t, d)) {
                    byTech[t].shiftHours += shift;
                    int m = monthIndex(d) - first;
                    byTechMonth[t][m].shiftHours += shift;
                }
            }
        }
        monitor.progress(2, 4, "Scoring");
        int[] trade = new int[nt];
        for (int t = 0; t < nt; t++) {
            trade[t] = mainTrade(lineJobs[t], techs.skills(t));
        }
        TechnicianResult.Weights weights =
                new TechnicianResult.Weights(spec.weightTime(), spec.weightQuality(), spec.weightRating());
        List<Integer> shown = new ArrayList<>();
        for (int t = 0; t < nt; t++) {
            if (byTech[t].jobs > 0 || byTech[t].shiftHours > 0) {
                shown.add(t);
            }
        }
        double[][] parts = scores(shown, byTech, trade);
        double[] score = new double[shown.size()];
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int k = 0; k < shown.size(); k++) {
            int t = shown.get(k);
            double weighted =
                    weights.time() * parts[k][0] + weights.quality() * parts[k][1] + weights.rating() * parts[k][2];
            score[k] = byTech[t].jobs > 0 ? round(weighted, 1) : Double.NaN;
            members.computeIfAbsent(trade[t], x -> new ArrayList<>()).add(k);
        }
        // rank within the trade: best score first, those without jobs unranked at the end
        int[] rank = new int[shown.size()];
        int[] peers = new int[shown.size()];
        for (List<Integer> group : members.values()) {
            group.sort(Comparator.comparingDouble((Integer k) -> Double.isNaN(score[k]) ? 1 : -score[k])
                    .thenComparing(k -> techs.name(shown.get(k))));
            int withJobs = (int)
                    group.stream().filter(k -> byTech[shown.get(k)].jobs > 0).count();
            int next = 0;
            for (int k : group) {
                rank[k] = byTech[shown.get(k)].jobs > 0 ? ++next : 0;
                peers[k] = withJobs;
            }
        }
        List<TechnicianResult.Technician> rows = new ArrayList<>();
        Map<Integer, List<TechnicianResult.Technician>> byTrade = new LinkedHashMap<>();
        for (var e : members.entrySet()) {
            for (int k : e.getValue()) {
                int t = shown.get(k);
                TechnicianResult.Technician row = row(
                        techs.ref(t) == null ? techs.name(t) : techs.ref(t),
                        techs.name(t),
                        trade[t],
                        lines,
                        byTech[t],
                        parts[k],
                        score[k],
                        rank[k],
                        peers[k]);
                rows.add(row);
                byTrade.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(row);
            }
        }
        rows.sort(Comparator.comparing((TechnicianResult.Technician r) -> r.tradeName() == null ? "~" : r.tradeName())
                .thenComparing(order()));
        Acc team = new Acc();
        for (int t : shown) {
            team.add(byTech[t]);
        }
        TechnicianResult.Technician teamRow = row(
                "all",
                "All technicians",
                Codes.NONE,
                lines,
                team,
                new double[] {Double.NaN, Double.NaN, Double.NaN},
                Double.NaN,
                0,
                0);

        List<TechnicianResult.Month> trend = new ArrayList<>();
        List<TechnicianResult.Technician> resultRows;
        if (spec.by() == TechnicianSpec.By.TRADE) {
            resultRows = new ArrayList<>();
            for (var e : byTrade.entrySet()) {
                Acc sum = new Acc();
                for (int k = 0; k < shown.size(); k++) {
                    int t = shown.get(k);
                    if (trade[t] == e.getKey()) {
                        sum.add(byTech[t]);
                    }
                }
                String code = e.getKey() == Codes.NONE ? "none" : lines.value(e.getKey());
                resultRows.add(row(
                        code,
                        e.getKey() == Codes.NONE ? "No trade" : lines.label(e.getKey()),
                        e.getKey(),
                        lines,
                        sum,
                        new double[] {Double.NaN, Double.NaN, Double.NaN},
                        Double.NaN,
                        0,
                        e.getValue().size()));
                for (int m = 0; m < months.size(); m++) {
                    Acc month = new Acc();
                    for (int t : shown) {
                        if (trade[t] == e.getKey()) {
                            month.add(byTechMonth[t][m]);
                        }
                    }
                    trend.add(month(months.get(m), code, resultRows.getLast().name(), month));
                }
            }
            resultRows.sort(Comparator.comparing(TechnicianResult.Technician::tradeName));
        } else {
            resultRows = rows;
            for (TechnicianResult.Technician r : rows) {
                int t = shown.get(indexOfRef(shown, techs, r.ref()));
                for (int m = 0; m < months.size(); m++) {
                    trend.add(month(months.get(m), r.ref(), r.name(), byTechMonth[t][m]));
                }
            }
        }
        monitor.progress(3, 4, "Key people");
        List<TechnicianResult.KeyPerson> keyPeople =
                keyPeople(lines, techs, lineRevenue, lineHours, spec.keyPersonShare());
        List<String> notes = new ArrayList<>();
        if (unassigned > 0) {
            notes.add(String.format(
                    java.util.Locale.ROOT,
                    "%,d completed jobs in the window have no technician and are left out.",
                    unassigned));
        }
        long idle = rows.stream().filter(r -> r.jobs() == 0).count();
        if (idle > 0) {
            notes.add(idle + (idle == 1 ? " technician" : " technicians")
                    + " on shift in the window completed no job; they are listed without a score.");
        }
        keyPeople.stream()
                .filter(TechnicianResult.KeyPerson::flagged)
                .forEach(k -> notes.add(keyPersonSentence(k, spec.keyPersonShare())));
        monitor.progress(4, 4, "Done");
        return new TechnicianResult(
                asOf,
                fromDate,
                spec.months(),
                spec.by().name().toLowerCase(java.util.Locale.ROOT),
                weights,
                List.copyOf(resultRows),
                teamRow,
                List.copyOf(trend),
                keyPeople,
                List.copyOf(notes),
                definitions(spec));
    }

    private static int indexOfRef(List<Integer> shown, Operations.Technicians techs, String ref) {
        for (int k = 0; k < shown.size(); k++) {
            int t = shown.get(k);
            String own = techs.ref(t) == null ? techs.name(t) : techs.ref(t);
            if (own.equals(ref)) {
                return k;
            }
        }
        throw new IllegalStateException("No technician " + ref);
    }

    private static void addJob(Acc a, Snapshot.Jobs jobs, int j, double hourlyCost, boolean[] calledBack) {
        a.jobs++;
        double est = jobs.estimatedHours(j);
        double act = jobs.actualHours(j);
        if (!Double.isNaN(act)) {
            a.hoursWorked += act;
            if (!Double.isNaN(est) && est > 0) {
                a.estimatedMatched += est;
                a.actualMatched += act;
            }
        }
        int travel = Math.max(0, jobs.travelMinutes(j));
        a.travelMinutes += travel;
        if (!jobs.isCallback(j)) {
            a.firstVisits++;
            a.callbacks += calledBack[j] ? 1 : 0;
        }
        if (jobs.rating(j) > 0) {
            a.ratingSum += jobs.rating(j);
            a.rated++;
        }
        a.revenue += jobs.revenue(j);
        a.direct += jobs.cost(j);
        a.travelCost += travel / 60.0 * hourlyCost;
    }

    /** The line of most jobs; ties go to the skill listed first, then the lower code; no jobs: the first skill. */
    static int mainTrade(int[] jobsByLine, int[] skills) {
        int best = Codes.NONE;
        for (int line = 0; line < jobsByLine.length; line++) {
            if (jobsByLine[line] == 0) {
                continue;
            }
            if (best == Codes.NONE
                    || jobsByLine[line] > jobsByLine[best]
                    || (jobsByLine[line] == jobsByLine[best] && skillRank(skills, line) < skillRank(skills, best))) {
                best = line;
            }
        }
        if (best == Codes.NONE && skills.length > 0) {
            best = skills[0];
        }
        return best;
    }

    private static int skillRank(int[] skills, int line) {
        for (int k = 0; k < skills.length; k++) {
            if (skills[k] == line) {
                return k;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The three part scores of each shown technician, within their trade. */
    static double[][] scores(List<Integer> shown, Acc[] byTech, int[] trade) {
        double[][] out = new double[shown.size()][3];
        for (int part = 0; part < 3; part++) {
            Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
            for (int k = 0; k < shown.size(); k++) {
                int t = shown.get(k);
                double v = partValue(byTech[t], part);
                if (byTech[t].jobs > 0 && Double.isFinite(v)) {
                    groups.computeIfAbsent(trade[t], x -> new ArrayList<>()).add(k);
                }
                out[k][part] = 50;
            }
            for (List<Integer> members : groups.values()) {
                double[] values = new double[members.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = partValue(byTech[shown.get(members.get(i))], part);
                }
                double[] points = standardPoints(values);
                for (int i = 0; i < members.size(); i++) {
                    out[members.get(i)][part] = points[i];
                }
            }
        }
        return out;
    }

    /** The value a part compares: −hours ratio (time), first-time fix (quality), rating. */
    private static double partValue(Acc a, int part) {
        return switch (part) {
            case 0 -> -a.hoursRatio();
            case 1 -> a.firstTimeFix();
            default -> a.rating() == null ? Double.NaN : a.rating();
        };
    }

    /** 100·Φ(z) of each value among the values; 50 each when fewer than two or all equal. */
    static double[] standardPoints(double[] values) {
        double[] out = new double[values.length];
        java.util.Arrays.fill(out, 50);
        if (values.length < 2) {
            return out;
        }
        double mean = java.util.Arrays.stream(values).average().orElse(0);
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / values.length);
        if (!(sd > 1e-12)) {
            return out;
        }
        for (int i = 0; i < values.length; i++) {
            double z = (values[i] - mean) / sd;
            out[i] = 100 * 0.5 * Erf.erfc(-z / Math.sqrt(2));
        }
        return out;
    }

    private static Comparator<TechnicianResult.Technician> order() {
        return Comparator.comparingDouble((TechnicianResult.Technician r) -> Double.isNaN(r.score()) ? 1 : -r.score())
                .thenComparing(TechnicianResult.Technician::name);
    }

    private static TechnicianResult.Technician row(
            String ref, String name, int trade, Codes lines, Acc a, double[] parts, double score, int rank, int peers) {
        boolean scored = a.jobs > 0;
        return new TechnicianResult.Technician(
                ref,
                name,
                trade == Codes.NONE ? null : lines.value(trade),
                trade == Codes.NONE ? null : lines.label(trade),
                a.jobs,
                a.scheduled,
                a.scheduled > 0 ? (double) a.scheduledDone / a.scheduled : Double.NaN,
                round(a.estimatedMatched, 2),
                round(a.hoursWorked, 2),
                round(a.hoursRatio(), 4),
                round(a.travelMinutes / 60, 2),
                round(a.shiftHours, 2),
                round(a.utilisation(), 4),
                a.firstVisits,
                a.callbacks,
                round(a.firstTimeFix(), 4),
                a.rating() == null ? null : round(a.rating(), 3),
                a.rated,
                round(a.revenue, 2),
                round(a.direct, 2),
                round(a.travelCost, 2),
                round(a.margin(), 2),
                round(a.perHour(a.revenue), 2),
                round(a.perHour(a.margin()), 2),
                scored ? round(parts[0], 1) : Double.NaN,
                scored ? round(parts[1], 1) : Double.NaN,
                scored ? round(parts[2], 1) : Double.NaN,
                round(score, 1),
                rank,
                peers);
    }

    private static TechnicianResult.Month month(YearMonth m, String ref, String name, Acc a) {
        return new TechnicianResult.Month(
                m.toString(),
                ref,
                name,
                a.jobs,
                round(a.hoursRatio(), 4),
                round(a.utilisation(), 4),
                round(a.firstTimeFix(), 4),
                a.rating() == null ? null : round(a.rating(), 3),
                round(a.revenue, 2),
                round(a.margin(), 2),
                round(a.perHour(a.margin()), 2));
    }

    private static List<TechnicianResult.KeyPerson> keyPeople(
            Codes lines, Operations.Technicians techs, double[][] revenue, double[][] hours, double threshold) {
        List<TechnicianResult.KeyPerson> out = new ArrayList<>();
        for (int line = 0; line < lines.size(); line++) {
            double total = 0;
            double totalHours = 0;
            int topRevenue = -1;
            int topHours = -1;
            int people = 0;
            for (int t = 0; t < revenue[line].length; t++) {
                total += revenue[line][t];
                totalHours += hours[line][t];
                if (revenue[line][t] > 0 || hours[line][t] > 0) {
                    people++;
                }
                if (topRevenue < 0 || revenue[line][t] > revenue[line][topRevenue]) {
                    topRevenue = t;
                }
                if (topHours < 0 || hours[line][t] > hours[line][topHours]) {
                    topHours = t;
                }
            }
            if (!(total > 0) && !(totalHours > 0)) {
                continue;
            }
            double revenueShare = total > 0 ? revenue[line][topRevenue] / total : Double.NaN;
            double hoursShare = totalHours > 0 ? hours[line][topHours] / totalHours : Double.NaN;
            out.add(new TechnicianResult.KeyPerson(
                    lines.value(line),
                    lines.label(line),
                    round(total, 2),
                    techs.ref(topRevenue),
                    techs.name(topRevenue),
                    round(revenueShare, 4),
                    techs.ref(topHours),
                    techs.name(topHours),
                    round(hoursShare, 4),
                    people,
                    revenueShare > threshold || hoursShare > threshold));
        }
        out.sort(Comparator.comparingDouble((TechnicianResult.KeyPerson k) -> -Math.max(
                        Double.isNaN(k.revenueShare()) ? 0 : k.revenueShare(),
                        Double.isNaN(k.hoursShare()) ? 0 : k.hoursShare()))
                .thenComparing(TechnicianResult.KeyPerson::line));
        return List.copyOf(out);
    }

    private static String keyPersonSentence(TechnicianResult.KeyPerson k, double threshold) {
        boolean byRevenue = k.revenueShare() > threshold;
        double share = byRevenue ? k.revenueShare() : k.hoursShare();
        String who = byRevenue ? k.revenueName() : k.hoursName();
        return String.format(
                java.util.Locale.ROOT,
                "%s depends on %s: %.0f %% of its %s in the window (above the key-person share of %.0f %%).",
                k.lineName(),
                who,
                100 * share,
                byRevenue ? "revenue" : "hours",
                100 * threshold);
    }

    private static List<String> definitions(TechnicianSpec spec) {
        return List.of(
                "Jobs: jobs completed in the window by the technician, callback visits included.",
                "Completion: of the jobs scheduled in the window, the share completed by the as-of date.",
                "Hours ratio: actual ÷ estimated hours over completed jobs with both recorded (below 1 is faster"
                        + " than the estimate).",
                "Utilisation: (hours on jobs + travel hours) ÷ shift hours available on the technician's work days"
                        + " while employed.",
                "First-time fix: 1 − callbacks ÷ first visits; a completed job counts as called back when a later"
                        + " job revisits it (callback_of_job_id).",
                "Margin: revenue − labour − materials − equipment − travel cost; travel cost is travel minutes ÷ 60"
                        + " × the technician's hourly cost.",
                "Main trade: the service line of most of the technician's jobs in the window.",
                String.format(
                        java.util.Locale.ROOT,
                        "Score: %.0f %% time + %.0f %% quality + %.0f %% rating, each 100·Φ(z) of the technician's"
                                + " value among the technicians of the same trade (50 when the trade has fewer than"
                                + " two).",
                        100 * spec.weightTime(),
                        100 * spec.weightQuality(),
                        100 * spec.weightRating()),
                String.format(
                        java.util.Locale.ROOT,
                        "Key person: one technician carries more than %.0f %% of a service line's revenue or hours.",
                        100 * spec.keyPersonShare()));
    }

    /** Months since year 0 of the day's month. */
    private static int monthIndex(int day) {
        LocalDate d = LocalDate.ofEpochDay(day);
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    static double round(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
