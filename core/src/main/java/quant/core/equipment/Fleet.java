package quant.core.equipment;

import java.util.ArrayList;
import java.util.List;
import quant.core.analysis.Assets;
import quant.core.analysis.Snapshot;

/**
 * Each asset's events in day order, its clock, the last day it was observed, and the work it served in
 * the records: a machine the jobs that used it, an asset assigned to a technician (a van) that
 * technician's completed jobs while it served. Hours served are the jobs' actual hours (the estimate
 * when missing), with the travel for a technician's asset.
 */
final class Fleet {
    private final List<List<Integer>> events;
    private final AssetClock[] clocks;
    private final int[] stop;
    private final double[] revenue;
    private final double[] margin;
    private final double[] hours;

    private Fleet(
            List<List<Integer>> events,
            AssetClock[] clocks,
            int[] stop,
            double[] revenue,
            double[] margin,
            double[] hours) {
        this.events = events;
        this.clocks = clocks;
        this.stop = stop;
        this.revenue = revenue;
        this.margin = margin;
        this.hours = hours;
    }

    static Fleet of(Assets.Equipment eq, Assets.Events ev, Snapshot.Jobs jobs, int start, int end) {
        int n = eq.size();
        List<List<Integer>> events = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            events.add(new ArrayList<>());
        }
        for (int i = 0; i < ev.size(); i++) {
            if (ev.asset(i) >= 0) {
                events.get(ev.asset(i)).add(i);
            }
        }
        for (List<Integer> e : events) {
            e.sort((x, y) -> ev.day(x) != ev.day(y) ? Integer.compare(ev.day(x), ev.day(y)) : Integer.compare(x, y));
        }
        int[] stop = new int[n];
        for (int a = 0; a < n; a++) {
            int retired = eq.retiredDay(a);
            stop[a] = retired != Snapshot.NO_DAY && retired - 1 < end ? retired - 1 : end;
        }
        List<List<Integer>> used = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            used.add(new ArrayList<>());
        }
        int techs = 0;
        for (int a = 0; a < n; a++) {
            techs = Math.max(techs, eq.technician(a) + 1);
        }
        List<List<Integer>> assignedTo = new ArrayList<>();
        for (int t = 0; t < techs; t++) {
            assignedTo.add(new ArrayList<>());
        }
        for (int a = 0; a < n; a++) {
            if (eq.technician(a) >= 0) {
                assignedTo.get(eq.technician(a)).add(a);
            }
        }
        double[] revenue = new double[n];
        double[] margin = new double[n];
        double[] hours = new double[n];
        for (int j = 0; j < jobs.size(); j++) {
            int day = jobs.completedDay(j);
            if (!jobs.isCompleted(j) || day < start || day > end) {
                continue;
            }
            double h = worked(jobs, j);
            int machine = eq.row(jobs.equipmentId(j));
            if (machine >= 0 && day <= stop[machine]) {
                used.get(machine).add(j);
                revenue[machine] += jobs.revenue(j);
                margin[machine] += jobs.margin(j);
                hours[machine] += h;
            }
            int t = jobs.technician(j);
            if (t >= 0 && t < techs) {
                for (int a : assignedTo.get(t)) {
                    boolean serving =
                            (eq.purchasedDay(a) == Snapshot.NO_DAY || day >= eq.purchasedDay(a)) && day <= stop[a];
                    if (serving && a != machine) {
                        revenue[a] += jobs.revenue(j);
                        margin[a] += jobs.margin(j);
                        hours[a] += h + Math.max(0, jobs.travelMinutes(j)) / 60.0;
                    }
                }
            }
        }
        AssetClock[] clocks = new AssetClock[n];
        for (int a = 0; a < n; a++) {
            List<Integer> u = used.get(a);
            if (u.isEmpty()) {
                clocks[a] = AssetClock.calendar(start);
                if (eq.technician(a) < 0) {
                    hours[a] = Double.NaN;
                }
            } else {
                int[] days = new int[u.size()];
                double[] h = new double[u.size()];
                for (int k = 0; k < u.size(); k++) {
                    days[k] = jobs.completedDay(u.get(k));
                    h[k] = worked(jobs, u.get(k));
                }
                clocks[a] = AssetClock.hours(start, end, days, h);
            }
        }
        return new Fleet(events, clocks, stop, revenue, margin, hours);
    }

    private static double worked(Snapshot.Jobs jobs, int j) {
        double h = jobs.actualHours(j);
        if (!Double.isFinite(h)) {
            h = jobs.estimatedHours(j);
        }
        return Double.isFinite(h) ? h : 0;
    }

    /** The asset's event rows, in day order. */
    List<Integer> events(int a) {
        return events.get(a);
    }

    AssetClock clock(int a) {
        return clocks[a];
    }

    /** The last day it was observed: the as-of day, or the day before it was retired. */
    int stop(int a) {
        return stop[a];
    }

    double revenue(int a) {
        return revenue[a];
    }

    double margin(int a) {
        return margin[a];
    }

    /** Hours it worked in the records; NaN for an asset neither used on jobs nor assigned to a technician. */
    double hours(int a) {
        return hours[a];
    }
}
