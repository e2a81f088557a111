package quant.core.routing;

import java.util.Arrays;

/**
 * A plan as {@link RouteSearch} changes it: per route an array of stop numbers with the service start
 * of each and the latest start that keeps the rest of the route on time. Checking an insertion with
 * these is constant-time (Savelsbergh's forward and backward time slack). Copies are cheap array copies.
 */
final class SearchState {

    final SearchModel m;
    final int[][] seq;
    final int[] size;
    final int[] load;
    final double[][] start;
    final double[][] latest;
    final double[] cost;
    /** The route of each stop, -1 when unassigned. */
    final int[] routeOf;

    SearchState(SearchModel m) {
        this.m = m;
        int v = m.vehicles;
        seq = new int[v][m.stops + 1];
        start = new double[v][m.stops + 1];
        latest = new double[v][m.stops + 1];
        size = new int[v];
        load = new int[v];
        cost = new double[v];
        routeOf = new int[m.stops];
        Arrays.fill(routeOf, -1);
    }

    void copyFrom(SearchState o) {
        for (int r = 0; r < size.length; r++) {
            int n = o.size[r];
            System.arraycopy(o.seq[r], 0, seq[r], 0, n);
            System.arraycopy(o.start[r], 0, start[r], 0, n);
            System.arraycopy(o.latest[r], 0, latest[r], 0, n);
            size[r] = n;
        }
        System.arraycopy(o.load, 0, load, 0, load.length);
        System.arraycopy(o.cost, 0, cost, 0, cost.length);
        System.arraycopy(o.routeOf, 0, routeOf, 0, routeOf.length);
    }

    int used() {
        int u = 0;
        for (int s : size) {
            if (s > 0) {
                u++;
            }
        }
        return u;
    }

    int assigned() {
        int a = 0;
        for (int s : size) {
            a += s;
        }
        return a;
    }

    /** Inserts stop {@code s} into route {@code r} before position {@code at} and refreshes the route. */
    void insert(int r, int at, int s) {
        int n = size[r];
        System.arraycopy(seq[r], at, seq[r], at + 1, n - at);
        seq[r][at] = s;
        size[r] = n + 1;
        routeOf[s] = r;
        refresh(r);
    }

    /** Removes positions {@code from} (inclusive) to {@code to} (exclusive) without refreshing. */
    void cut(int r, int from, int to, int[] bank, int[] bankSize) {
        int n = size[r];
        for (int i = from; i < to; i++) {
            int s = seq[r][i];
            routeOf[s] = -1;
            bank[bankSize[0]++] = s;
        }
        System.arraycopy(seq[r], to, seq[r], from, n - to);
        size[r] = n - (to - from);
    }

    /** Recomputes start times, latest starts, load and cost of route {@code r}. */
    void refresh(int r) {
        SearchModel m = this.m;
        int n = size[r];
        int[] q = seq[r];
        double[] st = start[r];
        int place = m.startPlace[r];
        double clock = m.shiftStart[r];
        int l = 0;
        double c = 0;
        for (int i = 0; i < n; i++) {
            int s = q[i];
            int p = m.place[s];
            double arrival = clock + m.time[place][p];
            double t = m.fixed[s] ? m.fixedStart[s] : Math.max(arrival, m.windowStart[s]);
            st[i] = t;
            c += m.legCost[place][p];
            if (!m.hardWindows && !m.fixed[s] && t > m.windowEnd[s]) {
                c += m.latenessWeight * (t - m.windowEnd[s]);
            }
            clock = t + m.duration[s];
            l += m.demand[s];
            place = p;
        }
        if (n > 0) {
            c += m.legCost[place][m.endPlace[r]];
            double[] lt = latest[r];
            double next = m.shiftEnd[r] - m.time[place][m.endPlace[r]];
            for (int i = n - 1; i >= 0; i--) {
                int s = q[i];
                double limit = next - m.duration[s];
                if (m.hardWindows && m.windowEnd[s] < limit) {
                    limit = m.windowEnd[s];
                }
                lt[i] = m.fixed[s] ? Double.POSITIVE_INFINITY : limit;
                if (i > 0) {
                    next = limit - m.time[m.place[q[i - 1]]][m.place[s]];
                }
            }
        }
        load[r] = l;
        cost[r] = c;
    }

    /** Return time of route {@code r}. */
    double back(int r) {
        int n = size[r];
        if (n == 0) {
            return m.shiftStart[r];
        }
        int last = seq[r][n - 1];
        return start[r][n - 1] + m.duration[last] + m.time[m.place[last]][m.endPlace[r]];
    }

    /** The search's cost of this state with {@code bank} left out (see {@link RouteSearch}). */
    double cost(Bank bank) {
        double c = 0;
        for (int r = 0; r < m.vehicles; r++) {
            c += cost[r];
        }
        if (m.literature) {
            c += SearchModel.VEHICLE * used();
        }
        for (int i = 0; i < bank.size; i++) {
            c += m.unassignedCost[bank.items[i]];
        }
        if (m.balanceWeight > 0) {
            c += m.balanceWeight * unfairness();
        }
        return c;
    }

    /** {@code sqrt(Σ (w_r − mean w)²)} over all vehicles, w_r the minutes from leaving to returning. */
    double unfairness() {
        double sum = 0;
        double[] w = new double[m.vehicles];
        for (int r = 0; r < m.vehicles; r++) {
            w[r] = size[r] == 0 ? 0 : back(r) - m.shiftStart[r];
            sum += w[r];
        }
        double mean = sum / m.vehicles;
        double sq = 0;
        for (double x : w) {
            sq += (x - mean) * (x - mean);
        }
        return Math.sqrt(sq);
    }
}
