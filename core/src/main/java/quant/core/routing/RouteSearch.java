package quant.core.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import quant.core.job.JobMonitor;

/**
 * Plans routes by ruin and recreate: Slack Induction by String Removals (SISR; J. Christiaens and G.
 * Vanden Berghe, "Slack Induction by String Removals for Vehicle Routing Problems", Transportation
 * Science 54(2), 2020).
 *
 * <ul>
 *   <li><b>Ruin</b> removes a few strings of consecutive stops from routes near a random seed stop:
 *       with {@code c̄ = 10} stops removed on average and strings of at most {@code L = 10}, the
 *       string length limit is {@code l = min(L, mean route size)}, the number of strings {@code k}
 *       is drawn from {@code 1 .. 4c̄/(1+l) − 1}, and each route near the seed loses one string of
 *       {@code 1 .. min(l, route size)} stops. Half the time the string is split: a block of {@code m}
 *       stops inside it stays (here {@code m} is 1 plus a geometric count with continuation ½).
 *   <li><b>Recreate</b> puts the removed stops back one by one (ordered at random, by size, by
 *       distance from the start, far first, or close first, in weights 4:4:2:1) at the cheapest
 *       position that keeps every hard rule, skipping each position with probability 0.01 ("blinks").
 *       Time windows, shift ends and capacity are checked in constant time from each route's start
 *       times and latest feasible starts.
 *   <li><b>Acceptance</b> is simulated annealing: a candidate is kept when its cost is below the current
 *       cost minus {@code T·ln U}; {@code T} falls exponentially from {@code T₀} to {@code T_f} over the
 *       run (100 to 1 as in the paper for benchmarks; for the business objective from five times the
 *       mean leg cost to a hundredth of that).
 *   <li><b>Fewer vehicles first</b> (benchmark mode only): for the first third of the run, the paper's
 *       fleet minimisation empties the smallest route and ruins and recreates without opening routes,
 *       accepting a candidate with fewer stops left out or a smaller sum of their absence counts
 *       (how many iterations each has been left out), until every stop is back.
 * </ul>
 *
 * The cost is {@link SearchModel#UNASSIGNED} per unit of priority weight left out, plus in benchmark
 * mode {@link SearchModel#VEHICLE} per vehicle used, plus the routes' leg costs (distance, or
 * weighted minutes and fuel), lateness when windows are soft, and the workload-balance term. With an
 * iteration limit and the same seed, the same problem gives the same plan.
 */
public final class RouteSearch {

    static final double BLINK = 0.01;
    static final double FLEET_SHARE = 1.0 / 3;

    private final SearchModel m;
    private final Limits limits;
    private final JobMonitor monitor;
    private final SplittableRandom rng;
    private final StringRemoval removal;
    private final long startNanos;
    private final long endNanos;
    private long iteration;
    private long lastProgress;
    private boolean stopped;

    /**
     * When to stop.
     *
     * @param time wall-clock limit
     * @param seed random seed
     * @param iterations ruin-and-recreate iterations, 0 for no limit; with a limit the run is
     *     reproducible (the annealing schedule then follows iterations, not time)
     */
    public record Limits(Duration time, long seed, long iterations) {
        public Limits {
            if (time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("The time limit must be positive.");
            }
            if (iterations < 0) {
                throw new IllegalArgumentException("The iteration limit must be zero or more.");
            }
        }

        public static Limits seconds(double seconds, long seed) {
            return new Limits(Duration.ofMillis(Math.max(1, Math.round(seconds * 1000))), seed, 0);
        }
    }

    private RouteSearch(SearchModel m, Limits limits, JobMonitor monitor) {
        this.m = m;
        this.limits = limits;
        this.monitor = monitor;
        this.rng = new SplittableRandom(limits.seed());
        this.removal = new StringRemoval(m, rng);
        this.startNanos = System.nanoTime();
        this.endNanos = startNanos + limits.time().toNanos();
    }

    /**
     * Plans the problem. Stops a vehicle keeps ({@link RoutingProblem.Vehicle#fixedStops()}) stay first
     * on it and do not move; {@code initial} (vehicle id to stop ids, may be empty) is where the search
     * starts, so a re-plan begins from the plan it changes. The monitor's cancel stops the search and
     * keeps the best plan found so far.
     */
    public static RoutePlan solve(
            RoutingProblem problem, Map<String, List<String>> initial, Limits limits, JobMonitor monitor) {
        SearchModel model = new SearchModel(problem);
        RouteSearch search = new RouteSearch(model, limits, monitor);
        SearchState best = search.run(initial);
        Map<String, List<String>> orders = new LinkedHashMap<>();
        for (int r = 0; r < model.vehicles; r++) {
            List<String> ids = new ArrayList<>(best.size[r]);
            for (int i = 0; i < best.size[r]; i++) {
                ids.add(problem.stops().get(best.seq[r][i]).id());
            }
            orders.put(problem.vehicles().get(r).id(), ids);
        }
        double seconds = (System.nanoTime() - search.startNanos) / 1e9;
        return RoutePlan.of(
                problem,
                orders,
                UnassignedReasons.explain(problem, orders),
                search.describe(best),
                search.stopped,
                seconds);
    }

    private SearchState run(Map<String, List<String>> initial) {
        SearchState cur = new SearchState(m);
        Bank bank = new Bank(m.stops);
        start(cur, bank, initial);
        recreate(cur, bank, true);
        SearchState best = new SearchState(m);
        best.copyFrom(cur);
        if (m.literature && bank.size == 0) {
            fleetMinimisation(cur, best);
            cur.copyFrom(best);
        }
        anneal(cur, best);
        return best;
    }

    /** Places kept stops and the warm start; anything that does not fit goes to the bank. */
    private void start(SearchState s, Bank bank, Map<String, List<String>> initial) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < m.stops; i++) {
            index.put(m.problem.stops().get(i).id(), i);
        }
        boolean[] placed = new boolean[m.stops];
        for (int r = 0; r < m.vehicles; r++) {
            for (String id : m.problem.vehicles().get(r).fixedStops()) {
                int c = index.get(id);
                if (placed[c]) {
                    throw new IllegalArgumentException("Stop " + id + " is kept by two vehicles.");
                }
                placed[c] = true;
                s.seq[r][s.size[r]++] = c;
                s.routeOf[c] = r;
            }
            s.refresh(r);
        }
        for (int r = 0; r < m.vehicles; r++) {
            for (String id : initial.getOrDefault(m.problem.vehicles().get(r).id(), List.of())) {
                Integer c = index.get(id);
                if (c == null || placed[c]) {
                    continue;
                }
                if (m.canServe[r][c] && !Double.isNaN(delta(s, r, s.size[r], c))) {
                    s.insert(r, s.size[r], c);
                    placed[c] = true;
                }
            }
        }
        for (int c = 0; c < m.stops; c++) {
            if (!placed[c]) {
                bank.add(c);
            }
        }
    }

    // ---------------------------------------------------------------- phases

    private void fleetMinimisation(SearchState cur, SearchState best) {
        long phaseEnd = startNanos + (long) ((endNanos - startNanos) * FLEET_SHARE);
        long iterationEnd = limits.iterations() > 0 ? (long) (limits.iterations() * FLEET_SHARE) : Long.MAX_VALUE;
        int lower = lowerBoundVehicles();
        long[] absence = new long[m.stops];
        SearchState cand = new SearchState(m);
        Bank bank = new Bank(m.stops);
        Bank candBank = new Bank(m.stops);
        while (cur.used() > lower && !done(phaseEnd, iterationEnd)) {
            int r = smallestRoute(cur);
            int[] removed = {0};
            int from = m.pinned[r];
            int[] tmp = new int[cur.size[r]];
            cur.cut(r, from, cur.size[r], tmp, new int[] {0});
            removed[0] = tmp.length - from;
            cur.refresh(r);
            bank.size = 0;
            for (int i = 0; i < removed[0]; i++) {
                bank.add(tmp[i]);
            }
            while (bank.size > 0 && !done(phaseEnd, iterationEnd)) {
                iteration++;
                cand.copyFrom(cur);
                candBank.copyFrom(bank);
                removal.ruin(cand, candBank);
                recreate(cand, candBank, false);
                if (candBank.size < bank.size || absenceSum(candBank, absence) < absenceSum(bank, absence)) {
                    cur.copyFrom(cand);
                    bank.copyFrom(candBank);
                }
                for (int i = 0; i < bank.size; i++) {
                    absence[bank.items[i]]++;
                }
                report(best);
            }
            if (bank.size == 0) {
                best.copyFrom(cur);
            }
        }
    }

    private void anneal(SearchState cur, SearchState best) {
        Bank bank = new Bank(m.stops);
        for (int c = 0; c < m.stops; c++) {
            if (cur.routeOf[c] < 0) {
                bank.add(c);
            }
        }
        double curCost = cur.cost(bank);
        double bestCost = best.cost(unassigned(best));
        double t0 = m.literature ? 100 : 5 * meanLegCost(cur);
        double tf = t0 / 100;
        SearchState cand = new SearchState(m);
        Bank candBank = new Bank(m.stops);
        long first = iteration;
        long phaseStart = System.nanoTime();
        while (!done(endNanos, limits.iterations() > 0 ? limits.iterations() : Long.MAX_VALUE)) {
            iteration++;
            double progress = limits.iterations() > 0
                    ? (double) (iteration - first) / Math.max(1, limits.iterations() - first)
                    : (double) (System.nanoTime() - phaseStart) / Math.max(1, endNanos - phaseStart);
            double temperature = t0 * Math.pow(tf / t0, Math.min(1, progress));
            cand.copyFrom(cur);
            candBank.copyFrom(bank);
            removal.ruin(cand, candBank);
            recreate(cand, candBank, true);
            double candCost = cand.cost(candBank);
            if (candCost < curCost - temperature * Math.log(rng.nextDouble())) {
                cur.copyFrom(cand);
                bank.copyFrom(candBank);
                curCost = candCost;
                if (candCost < bestCost - 1e-9) {
                    best.copyFrom(cand);
                    bestCost = candCost;
                }
            }
            report(best);
        }
    }

    private boolean done(long untilNanos, long untilIteration) {
        if (stopped || iteration >= untilIteration) {
            return true;
        }
        if ((iteration & 63) == 0) {
            if (monitor.isCancelled()) {
                stopped = true;
                return true;
            }
            if (limits.iterations() == 0 || iteration % 1024 == 0) {
                return System.nanoTime() >= untilNanos;
            }
        }
        return limits.iterations() == 0 && System.nanoTime() >= untilNanos;
    }

    private void report(SearchState best) {
        if ((iteration & 255) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastProgress < 250_000_000L) {
            return;
        }
        lastProgress = now;
        long total = limits.time().toMillis();
        monitor.progress(Math.min(total, (now - startNanos) / 1_000_000), total, "Best so far: " + describe(best));
    }

    // ---------------------------------------------------------------- recreate

    private void recreate(SearchState s, Bank bank, boolean openRoutes) {
        order(bank);
        int kept = 0;
        for (int i = 0; i < bank.size; i++) {
            int c = bank.items[i];
            int bestRoute = -1;
            int bestAt = -1;
            double bestDelta = Double.POSITIVE_INFINITY;
            for (int r = 0; r < m.vehicles; r++) {
                if (!m.canServe[r][c] || s.load[r] + m.demand[c] > m.capacity[r]) {
                    continue;
                }
                boolean empty = s.size[r] == 0;
                if (empty && !openRoutes) {
                    continue;
                }
                double extra = empty && m.literature ? SearchModel.VEHICLE : 0;
                for (int at = m.pinned[r]; at <= s.size[r]; at++) {
                    if (rng.nextDouble() < BLINK) {
                        continue;
                    }
                    double d = delta(s, r, at, c);
                    if (!Double.isNaN(d) && d + extra < bestDelta) {
                        bestDelta = d + extra;
                        bestRoute = r;
                        bestAt = at;
                    }
                }
            }
            if (bestRoute >= 0) {
                s.insert(bestRoute, bestAt, c);
            } else {
                bank.items[kept++] = c;
            }
        }
        bank.size = kept;
    }

    /** The cost of inserting stop {@code c} into route {@code r} before position {@code at}, NaN if it breaks a rule. */
    double delta(SearchState s, int r, int at, int c) {
        int n = s.size[r];
        int[] q = s.seq[r];
        int prevPlace = at == 0 ? m.startPlace[r] : m.place[q[at - 1]];
        double departure = at == 0 ? m.shiftStart[r] : s.start[r][at - 1] + m.duration[q[at - 1]];
        int pc = m.place[c];
        double arrival = departure + m.time[prevPlace][pc];
        double begin = Math.max(arrival, m.windowStart[c]);
        if (m.hardWindows && begin > m.windowEnd[c]) {
            return Double.NaN;
        }
        double leave = begin + m.duration[c];
        int nextPlace = at == n ? m.endPlace[r] : m.place[q[at]];
        double reach = leave + m.time[pc][nextPlace];
        if (at == n ? reach > m.shiftEnd[r] : reach > s.latest[r][at]) {
            return Double.NaN;
        }
        double legs = m.legCost[prevPlace][pc] + m.legCost[pc][nextPlace] - m.legCost[prevPlace][nextPlace];
        if (n == 0) {
            legs = m.legCost[prevPlace][pc] + m.legCost[pc][nextPlace];
        }
        if (m.hardWindows) {
            return legs;
        }
        return legs + latenessChange(s, r, at, c, begin, leave);
    }

    /** With soft windows: the change in lateness cost along the route after inserting {@code c}. */
    private double latenessChange(SearchState s, int r, int at, int c, double begin, double leave) {
        double change = m.latenessWeight * Math.max(0, begin - m.windowEnd[c]);
        int[] q = s.seq[r];
        int place = m.place[c];
        double clock = leave;
        for (int i = at; i < s.size[r]; i++) {
            int x = q[i];
            double t = Math.max(clock + m.time[place][m.place[x]], m.windowStart[x]);
            double before = s.start[r][i];
            if (t == before) {
                break;
            }
            change += m.latenessWeight * (Math.max(0, t - m.windowEnd[x]) - Math.max(0, before - m.windowEnd[x]));
            clock = t + m.duration[x];
            place = m.place[x];
        }
        return change;
    }

    private void order(Bank bank) {
        int n = bank.size;
        int[] items = bank.items;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = items[i];
            items[i] = items[j];
            items[j] = t;
        }
        int pick = rng.nextInt(11);
        if (pick < 4 || m.vehicles == 0) {
            return;
        }
        double[] key = new double[m.stops];
        int depot = m.startPlace[0];
        for (int i = 0; i < n; i++) {
            int c = items[i];
            key[c] = pick < 8
                    ? -(m.demand[c] * 1e6 + m.duration[c])
                    : pick < 10 ? -m.time[depot][m.place[c]] : m.time[depot][m.place[c]];
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = items[i];
        }
        java.util.Arrays.sort(boxed, (a, b) -> Double.compare(key[a], key[b]));
        for (int i = 0; i < n; i++) {
            items[i] = boxed[i];
        }
    }

    // ---------------------------------------------------------------- costs

    private Bank unassigned(SearchState s) {
        Bank b = new Bank(m.stops);
        for (int c = 0; c < m.stops; c++) {
            if (s.routeOf[c] < 0) {
                b.add(c);
            }
        }
        return b;
    }

    private double meanLegCost(SearchState s) {
        double sum = 0;
        int legs = 0;
        for (int r = 0; r < m.vehicles; r++) {
            if (s.size[r] > 0) {
                sum += s.cost[r];
                legs += s.size[r] + 1;
            }
        }
        return legs == 0 ? 1 : Math.max(1e-3, sum / legs);
    }

    private int lowerBoundVehicles() {
        long demand = 0;
        int cap = Integer.MAX_VALUE;
        for (int c = 0; c < m.stops; c++) {
            demand += m.demand[c];
        }
        for (int v = 0; v < m.vehicles; v++) {
            cap = Math.min(cap, m.capacity[v]);
        }
        return (int) Math.max(1, (demand + cap - 1) / cap);
    }

    private int smallestRoute(SearchState s) {
        int best = -1;
        for (int r = 0; r < m.vehicles; r++) {
            int free = s.size[r] - m.pinned[r];
            if (free > 0 && m.pinned[r] == 0 && (best < 0 || free < s.size[best])) {
                best = r;
            }
        }
        return best;
    }

    private static long absenceSum(Bank b, long[] absence) {
        long sum = 0;
        for (int i = 0; i < b.size; i++) {
            sum += absence[b.items[i]];
        }
        return sum;
    }

    String describe(SearchState s) {
        int unassigned = m.stops - s.assigned();
        double distance = 0;
        double minutes = 0;
        double[][] dist = m.problem.travel().distance();
        for (int r = 0; r < m.vehicles; r++) {
            int place = m.startPlace[r];
            for (int i = 0; i < s.size[r]; i++) {
                int p = m.place[s.seq[r][i]];
                distance += dist[place][p];
                minutes += m.time[place][p];
                place = p;
            }
            if (s.size[r] > 0) {
                distance += dist[place][m.endPlace[r]];
                minutes += m.time[place][m.endPlace[r]];
            }
        }
        if (m.literature) {
            return String.format(
                    Locale.ROOT, "%d vehicles, distance %.2f, %d unassigned", s.used(), distance, unassigned);
        }
        return String.format(Locale.ROOT, "%d unassigned, %.0f min driving", unassigned, minutes);
    }
}
