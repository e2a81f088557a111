package quant.core.pipeline;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import quant.core.analysis.AsOf;
import quant.core.analysis.Codes;
import quant.core.analysis.Commercial;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Operations;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.forecast.business.StageWinRates;
import quant.core.job.JobMonitor;

/**
 * The sales pipeline at a date. Every figure is a count or an average over the deals started by
 * the as-of date (a deal without a creation or engagement date counts from the start):
 *
 * <ul>
 *   <li>a deal is won or lost when it closed on or before the as-of date, else open; win rate = won ÷
 *       (won + lost), open deals left out;
 *   <li>days to close = {@code closed_on} − {@code created_on}, or − {@code engaged_on} when the
 *       deal has no creation date (CRM exports often have none); deals with neither are left out of
 *       the averages;
 *   <li>the stage of a deal at the as-of date is its last stage-history move by then, its final
 *       stage when closed, else its current stage;
 *   <li>the weighted value of an open deal is its amount × the win rate of its stage among closed
 *       deals that reached that stage ({@link StageWinRates}, with the number of closed deals behind
 *       each rate); sales velocity = open deals × win rate × average won value ÷ average days to
 *       close a won deal (Salesforce's "pipeline velocity", money per day);
 *   <li>stage order: the order the stage history shows (each stage's mean position in the deals'
 *       histories); stages without history in the sample's order new → site_visit → quote_sent →
 *       negotiation, others by the share of their deals with an engagement date (a stage whose
 *       deals are not yet engaged comes first); won and lost close it.
 * </ul>
 */
public final class PipelineAnalysis {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS = List.of(
            Snapshot.Customers.PART,
            Snapshot.Jobs.PART,
            Snapshot.Invoices.PART,
            Operations.Deals.PART,
            Operations.StageHistory.PART,
            Commercial.Leads.PART,
            Commercial.Targets.PART);

    /** The sample company's stage order, used for stages the history does not place. */
    static final List<String> DEFAULT_ORDER = List.of("new", "site_visit", "quote_sent", "negotiation");

    private PipelineAnalysis() {}

    public static PipelineResult run(Snapshot snapshot, PipelineSpec spec, JobMonitor monitor) {
        Snapshot ops = snapshot;
        Operations.Deals d = ops.deals();
        if (d.size() == 0) {
            throw new InvalidSpecException(
                    "The database holds no deals yet: import a CRM export or the sample company.");
        }
        boolean fromData = spec.asOf().isEmpty();
        int day = spec.asOf()
                .map(x -> (int) quant.core.analysis.AsOf.check(x, lastDayOrNone(snapshot))
                        .toEpochDay())
                .orElseGet(() -> lastDay(snapshot));
        monitor.progress(1, 7, "Learning stage win rates");
        StageWinRates rates = StageWinRates.learn(ops, day);
        List<Integer> order = stageOrder(ops, spec.stageOrder());
        int[] stageAt = new int[d.size()];
        List<Integer> included = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            int start = d.startDay(i);
            if (start != Snapshot.NO_DAY && start > day) {
                continue;
            }
            included.add(i);
            stageAt[i] = d.isClosedBy(i, day) ? d.stage(i) : StageWinRates.stageAt(ops, i, day);
        }
        monitor.progress(2, 7, "Summarising deals");
        PipelineResult.Summary totals = summarise(ops, included, stageAt, order, rates, day);
        List<PipelineResult.Group> groups = new ArrayList<>();
        if (spec.by() != PipelineSpec.By.NONE) {
            Map<String, List<Integer>> byKey = new LinkedHashMap<>();
            for (int i : included) {
                byKey.computeIfAbsent(key(d, i, spec.by()), k -> new ArrayList<>())
                        .add(i);
            }
            byKey.forEach((k, list) ->
                    groups.add(new PipelineResult.Group(k, summarise(ops, list, stageAt, order, rates, day))));
            groups.sort(Comparator.comparingInt(
                            (PipelineResult.Group g) -> -g.summary().dealCount())
                    .thenComparing(PipelineResult.Group::key));
        }
        monitor.progress(3, 7, "Building the funnel");
        List<PipelineResult.Step> funnel = funnel(ops, included, stageAt, order, rates, day);
        List<PipelineResult.Month> months = byMonth(ops, included, stageAt, rates, day);
        monitor.progress(4, 7, "Measuring days in each stage");
        DealAging aging = DealAging.measure(ops, included, stageAt, order, day);
        monitor.progress(5, 7, "Scoring open deals");
        DealScoring.Scored scored = DealScoring.score(ops, included, stageAt, order, aging, day);
        monitor.progress(6, 7, "Following the customer journey");
        PipelineResult.Journey journey = CustomerJourney.trace(snapshot, day);
        return new PipelineResult(
                new AsOf(LocalDate.ofEpochDay(day), fromData),
                spec.by().label(),
                totals,
                List.copyOf(groups),
                funnel,
                months,
                coverage(snapshot, months, day),
                aging.typicalCycle(),
                aging.stageTimes(),
                openDeals(snapshot, included, stageAt, rates, aging, scored, day),
                scored == null ? null : scored.scoring(),
                journey,
                definitions());
    }

    private static List<PipelineResult.OpenDeal> openDeals(
            Snapshot snapshot,
            List<Integer> deals,
            int[] stageAt,
            StageWinRates rates,
            DealAging aging,
            DealScoring.Scored scored,
            int day) {
        Operations.Deals d = snapshot.deals();
        List<PipelineResult.OpenDeal> out = new ArrayList<>();
        for (int i : deals) {
            if (d.isClosedBy(i, day)) {
                continue;
            }
            int start = d.startDay(i);
            double age = start == Snapshot.NO_DAY ? Double.NaN : day - start;
            int stage = stageAt[i];
            int expected = d.expectedCloseDay(i);
            out.add(new PipelineResult.OpenDeal(
                    d.ref(i),
                    d.customer(i) < 0 ? null : snapshot.customers().name(d.customer(i)),
                    d.reps().value(d.rep(i)),
                    d.leadSources().value(d.leadSource(i)),
                    d.products().value(d.product(i)),
                    stage < 0 ? null : d.stages().value(stage),
                    round(d.amount(i)),
                    round(d.amount(i) * rates.of(stage).winRate()),
                    age,
                    aging.daysInStage(i, day),
                    round(age / aging.typicalCycle()),
                    stage >= 0 && aging.stalled(d, i, stage, day),
                    Snapshot.date(expected),
                    expected != Snapshot.NO_DAY && expected < day,
                    scored == null || !scored.probability().containsKey(i)
                            ? Double.NaN
                            : scored.probability().get(i),
                    scored == null ? List.of() : scored.drivers().getOrDefault(i, List.of())));
        }
        out.sort(Comparator.comparing((PipelineResult.OpenDeal o) -> !o.stalled())
                .thenComparingDouble(o -> Double.isNaN(o.daysInStage()) ? 0 : -o.daysInStage())
                .thenComparing(PipelineResult.OpenDeal::ref));
        return List.copyOf(out);
    }

    /**
     * The KPI whose monthly target the weighted pipeline is set against. Only a pipeline target: a
     * revenue target measures something else (jobs' revenue too), so comparing with it would mislead.
     */
    static final List<String> COVERAGE_KPIS = List.of("monthly_pipeline");

    /**
     * The weighted pipeline expected to close in the three months after the as-of date against the
     * sum of those months' targets; null when no KPI in {@link #COVERAGE_KPIS} has a target for
     * every one of them.
     */
    static PipelineResult.Coverage coverage(Snapshot snapshot, List<PipelineResult.Month> months, int day) {
        var targets = snapshot.targets();
        YearMonth first = YearMonth.from(LocalDate.ofEpochDay(day)).plusMonths(1);
        for (String kpi : COVERAGE_KPIS) {
            double target = 0;
            boolean all = true;
            List<String> covered = new ArrayList<>();
            for (int k = 0; k < 3 && all; k++) {
                YearMonth m = first.plusMonths(k);
                int row = targets.find(kpi, (int) m.atDay(1).toEpochDay());
                all = row >= 0;
                target += all ? targets.target(row) : 0;
                covered.add(m.toString());
            }
            if (!all || target <= 0) {
                continue;
            }
            double weighted = months.stream()
                    .filter(m -> covered.contains(m.month()))
                    .mapToDouble(PipelineResult.Month::weightedValue)
                    .sum();
            return new PipelineResult.Coverage(
                    kpi, List.copyOf(covered), round(target), round(weighted), weighted / target);
        }
        return null;
    }

    /** The latest day of any job activity or deal date: the pipeline's default as-of date. */
    /** The last day of activity, deals included; {@link Snapshot#NO_DAY} when nothing is dated. */
    static int lastDayOrNone(Snapshot snapshot) {
        int last = snapshot.lastActivityDay();
        Operations.Deals d = snapshot.deals();
        for (int i = 0; i < d.size(); i++) {
            last = Math.max(last, Math.max(d.createdDay(i), Math.max(d.engagedDay(i), d.closedDay(i))));
        }
        return last;
    }

    static int lastDay(Snapshot snapshot) {
        int last = lastDayOrNone(snapshot);
        if (last == Snapshot.NO_DAY) {
            throw new InvalidSpecException(
                    "The deals carry no dates, so there is no date to compute at: give an as-of date.");
        }
        return last;
    }

    private static String key(Operations.Deals d, int i, PipelineSpec.By by) {
        String v =
                switch (by) {
                    case REP -> d.reps().value(d.rep(i));
                    case SOURCE -> d.leadSources().value(d.leadSource(i));
                    case PRODUCT -> d.products().value(d.product(i));
                    case QUARTER -> quarter(d.startDay(i));
                    case NONE -> "all";
                };
        return v == null ? "(none)" : v;
    }

    private static String quarter(int day) {
        if (day == Snapshot.NO_DAY) {
            return null;
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        return date.getYear() + "-Q" + ((date.getMonthValue() + 2) / 3);
    }

    /**
     * Stage codes in pipeline order, closing stages last: the stages a user named, in their order,
     * then the others as the class description says.
     */
    public static List<Integer> stageOrder(Snapshot ops, List<String> named) {
        List<Integer> order = new ArrayList<>();
        Codes codes = ops.deals().stages();
        for (String name : named) {
            for (int s = 0; s < codes.size(); s++) {
                if (codes.value(s).equalsIgnoreCase(name.strip())
                        && !StageWinRates.isClosing(codes.value(s))
                        && !order.contains(s)) {
                    order.add(s);
                }
            }
        }
        for (int s : stageOrder(ops)) {
            if (!order.contains(s)) {
                order.add(s);
            }
        }
        return order;
    }

    /** Stage codes in pipeline order (see the class description), closing stages last. */
    static List<Integer> stageOrder(Snapshot ops) {
        Codes stages = ops.deals().stages();
        Operations.StageHistory h = ops.stageHistory();
        double[] positionSum = new double[stages.size()];
        int[] seen = new int[stages.size()];
        int k = 0;
        while (k < h.size()) {
            int deal = h.deal(k);
            int position = 0;
            for (; k < h.size() && h.deal(k) == deal; k++) {
                positionSum[h.stage(k)] += position++;
                seen[h.stage(k)]++;
            }
        }
        List<Integer> observed = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int s = 0; s < stages.size(); s++) {
            if (StageWinRates.isClosing(stages.value(s))) {
                continue;
            }
            (seen[s] > 0 ? observed : rest).add(s);
        }
        observed.sort(Comparator.comparingDouble(s -> positionSum[s] / seen[s]));
        // without history: the sample's order, then stages whose deals are less often engaged first
        Operations.Deals d = ops.deals();
        int[] inStage = new int[stages.size()];
        int[] engaged = new int[stages.size()];
        for (int i = 0; i < d.size(); i++) {
            inStage[d.stage(i)]++;
            engaged[d.stage(i)] += d.engagedDay(i) != Snapshot.NO_DAY ? 1 : 0;
        }
        rest.sort(Comparator.comparingInt((Integer s) -> {
                    int at = DEFAULT_ORDER.indexOf(stages.value(s).toLowerCase(Locale.ROOT));
                    return at < 0 ? DEFAULT_ORDER.size() : at;
                })
                .thenComparingDouble(s -> inStage[s] == 0 ? 0 : engaged[s] / (double) inStage[s])
                .thenComparingInt(s -> s));
        List<Integer> order = new ArrayList<>(observed);
        order.addAll(rest);
        for (String closing : List.of("won", "lost")) {
            for (int s = 0; s < stages.size(); s++) {
                if (stages.value(s).equalsIgnoreCase(closing)) {
                    order.add(s);
                }
            }
        }
        return order;
    }

    static double daysToClose(Operations.Deals d, int i) {
        int start = d.createdDay(i) != Snapshot.NO_DAY ? d.createdDay(i) : d.engagedDay(i);
        return start == Snapshot.NO_DAY || d.closedDay(i) == Snapshot.NO_DAY ? Double.NaN : d.closedDay(i) - start;
    }

    static PipelineResult.Summary summarise(
            Snapshot ops, List<Integer> deals, int[] stageAt, List<Integer> order, StageWinRates rates, int day) {
        Operations.Deals d = ops.deals();
        Codes stages = d.stages();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int s : order) {
            counts.put(stages.value(s), 0);
        }
        int won = 0;
        int lost = 0;
        int open = 0;
        double wonValue = 0;
        double openValue = 0;
        double weighted = 0;
        double wonDays = 0;
        int wonTimed = 0;
        double lostDays = 0;
        int lostTimed = 0;
        for (int i : deals) {
            String stage = stageAt[i] < 0 ? "unknown stage" : stages.value(stageAt[i]);
            counts.merge(stage, 1, Integer::sum);
            if (d.isClosedBy(i, day)) {
                double days = daysToClose(d, i);
                if (d.outcome(i) == Operations.Deals.WON) {
                    won++;
                    wonValue += d.amount(i);
                    if (!Double.isNaN(days)) {
                        wonDays += days;
                        wonTimed++;
                    }
                } else {
                    lost++;
                    if (!Double.isNaN(days)) {
                        lostDays += days;
                        lostTimed++;
                    }
                }
            } else {
                open++;
                openValue += d.amount(i);
                weighted += d.amount(i) * rates.of(stageAt[i]).winRate();
            }
        }
        counts.values().removeIf(c -> c == 0);
        double winRate = won + lost == 0 ? Double.NaN : won / (double) (won + lost);
        double averageWon = won == 0 ? Double.NaN : wonValue / won;
        double avgWonDays = wonTimed == 0 ? Double.NaN : wonDays / wonTimed;
        double avgLostDays = lostTimed == 0 ? Double.NaN : lostDays / lostTimed;
        double avgAllDays = wonTimed + lostTimed == 0 ? Double.NaN : (wonDays + lostDays) / (wonTimed + lostTimed);
        double velocity = avgWonDays > 0 ? open * winRate * averageWon / avgWonDays : Double.NaN;
        return new PipelineResult.Summary(
                deals.size(),
                counts,
                won,
                lost,
                open,
                winRate,
                round(wonValue),
                round(averageWon),
                avgWonDays,
                avgLostDays,
                avgAllDays,
                round(openValue),
                round(weighted),
                round(velocity));
    }

    static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
    }

    /**
     * Deals that reached each open stage, and won: from the stage history where a deal has one;
     * without history an open deal reached every stage up to its current one and a closed deal
     * every open stage (it went through the pipeline to close).
     */
    static List<PipelineResult.Step> funnel(
            Snapshot ops, List<Integer> deals, int[] stageAt, List<Integer> order, StageWinRates rates, int day) {
        Operations.Deals d = ops.deals();
        Operations.StageHistory h = ops.stageHistory();
        Codes stages = d.stages();
        List<Integer> steps = new ArrayList<>();
        int wonStage = -1;
        for (int s : order) {
            if (!StageWinRates.isClosing(stages.value(s))) {
                steps.add(s);
            } else if (stages.value(s).equalsIgnoreCase("won")) {
                wonStage = s;
            }
        }
        int openSteps = steps.size();
        if (wonStage >= 0) {
            steps.add(wonStage);
        }
        int[] position = new int[stages.size()];
        java.util.Arrays.fill(position, -1);
        for (int k = 0; k < steps.size(); k++) {
            position[steps.get(k)] = k;
        }
        int[] reached = new int[steps.size()];
        for (int i : deals) {
            boolean[] hit = new boolean[steps.size()];
            boolean any = false;
            for (int k = h.firstOf(i); k < h.size() && h.deal(k) == i; k++) {
                if (h.day(k) <= day && position[h.stage(k)] >= 0) {
                    hit[position[h.stage(k)]] = true;
                    any = true;
                }
            }
            boolean wonByThen = d.isClosedBy(i, day) && d.outcome(i) == Operations.Deals.WON;
            if (wonByThen && wonStage >= 0) {
                hit[openSteps] = true;
            }
            if (!any) {
                int at = stageAt[i] < 0 ? -1 : position[stageAt[i]];
                int upTo = d.isClosedBy(i, day) ? openSteps - 1 : Math.min(at, openSteps - 1);
                for (int k = 0; k <= upTo; k++) {
                    hit[k] = true;
                }
            }
            for (int k = 0; k < hit.length; k++) {
                reached[k] += hit[k] ? 1 : 0;
            }
        }
        List<PipelineResult.Step> out = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            int s = steps.get(k);
            StageWinRates.Rate r = k < openSteps ? rates.of(s) : null;
            double toNext = k + 1 < steps.size() && reached[k] > 0 ? reached[k + 1] / (double) reached[k] : Double.NaN;
            out.add(new PipelineResult.Step(
                    stages.value(s),
                    reached[k],
                    toNext,
                    r == null ? 1.0 : r.winRate(),
                    r == null ? 0 : r.closed(),
                    r == null || r.own()));
        }
        return List.copyOf(out);
    }

    /** Open deals by expected close month, months in order, those without a date last. */
    static List<PipelineResult.Month> byMonth(
            Snapshot ops, List<Integer> deals, int[] stageAt, StageWinRates rates, int day) {
        Operations.Deals d = ops.deals();
        TreeMap<String, double[]> months = new TreeMap<>();
        for (int i : deals) {
            if (d.isClosedBy(i, day)) {
                continue;
            }
            int expected = d.expectedCloseDay(i);
            String month = expected == Snapshot.NO_DAY
                    ? "none"
                    : expected < day
                            ? "overdue"
                            : YearMonth.from(LocalDate.ofEpochDay(expected)).toString();
            double[] m = months.computeIfAbsent(month, k -> new double[3]);
            m[0]++;
            m[1] += d.amount(i);
            m[2] += d.amount(i) * rates.of(stageAt[i]).winRate();
        }
        List<PipelineResult.Month> out = new ArrayList<>();
        months.forEach((k, m) -> out.add(new PipelineResult.Month(k, (int) m[0], round(m[1]), round(m[2]))));
        return List.copyOf(out);
    }

    static List<String> definitions() {
        return List.of(
                "Win rate = won ÷ (won + lost); open deals are left out.",
                "Days to close = close date − creation date, or − engagement date when a deal has no creation date.",
                "A deal is won or lost when it closed on or before the as-of date, otherwise open.",
                "Weighted value = open value × the win rate of the deal's stage among closed deals that reached it"
                        + " (the overall rate below " + StageWinRates.MIN_CLOSED + " closed deals).",
                "Sales velocity = open deals × win rate × average won value ÷ average days to close a won deal.",
                "Stage order: the pipeline.stageOrder setting where set, else as the stage history shows it, else"
                        + " new → site_visit → quote_sent → negotiation, else stages whose deals are not yet engaged"
                        + " first; deals without history reached every stage before their current one.",
                "Days in a stage: from a deal's move into the stage to its next move, from the stage history.",
                "Stalled: in its stage longer than twice the 75th percentile of that stage's finished stays (at least "
                        + DealAging.MIN_STALL_DAYS + " days); without enough history, older than twice the typical"
                        + " cycle (the median days to win).",
                "Coverage: weighted value expected to close in the next three months ÷ those months' pipeline"
                        + " targets (monthly_pipeline in the KPI targets); without a pipeline target there is no"
                        + " coverage.",
                "Overdue: open deals whose expected close date has passed; they are counted apart, not in a month"
                        + " ahead.",
                "Win probability: logistic regression on closed deals (stage, age, size, source, rep, product),"
                        + " validated on the deals that closed last (ROC AUC); drivers move the log-odds most.",
                "Journey: leads created by the as-of date; deal = a deal linked to the lead; job = the lead's customer"
                        + " (converted, or won through its deal) had a job completed since the lead, with or without a"
                        + " deal; invoice and payment follow the job; drop-off = leads whose journey ended at the step.");
    }
}
