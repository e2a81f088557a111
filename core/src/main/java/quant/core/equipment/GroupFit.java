package quant.core.equipment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import quant.core.analysis.Assets;
import quant.core.stats.KaplanMeier;
import quant.core.stats.Weibull;

/**
 * One group's survival: its runs' ages at failure or censoring with their entries, the Kaplan–Meier
 * curve and the Weibull fit (null when the data cannot support one), and the group's averages that
 * price a failure and a service.
 */
final class GroupFit {
    private final String name;
    private final boolean hours;
    private final int assets;
    private final int runs;
    private final double entryFrom;
    private final KaplanMeier km;
    private final Weibull.Fit fit;
    private final String fitNote;
    private final double repairPerFailure;
    private final double downtimePerFailure;
    private final double serviceCost;

    private GroupFit(
            String name,
            boolean hours,
            int assets,
            int runs,
            double entryFrom,
            KaplanMeier km,
            Weibull.Fit fit,
            String fitNote,
            double repairPerFailure,
            double downtimePerFailure,
            double serviceCost) {
        this.name = name;
        this.hours = hours;
        this.assets = assets;
        this.runs = runs;
        this.entryFrom = entryFrom;
        this.km = km;
        this.fit = fit;
        this.fitNote = fitNote;
        this.repairPerFailure = repairPerFailure;
        this.downtimePerFailure = downtimePerFailure;
        this.serviceCost = serviceCost;
    }

    /**
     * The group named {@code name}: the assets whose {@code groupOf} it is. A run whose age at its end is
     * not past its entry (a failure on the day of its renewal, or a machine not used since) adds nothing
     * to a survival curve and is left out, with a note.
     */
    static GroupFit of(
            String name,
            String[] groupOf,
            Assets.Equipment eq,
            Assets.Events ev,
            Fleet fleet,
            List<List<Run>> runs,
            int start,
            List<String> notes) {
        List<double[]> rows = new ArrayList<>();
        int members = 0;
        int dropped = 0;
        boolean hours = false;
        double repairCost = 0;
        double downtime = 0;
        int failures = 0;
        double serviceCost = 0;
        int services = 0;
        for (int a = 0; a < groupOf.length; a++) {
            if (!groupOf[a].equals(name)) {
                continue;
            }
            members++;
            AssetClock clock = fleet.clock(a);
            hours = clock.countsHours();
            for (Run r : runs.get(a)) {
                double entry = r.origin() < start - 1 ? clock.age(r.origin(), start - 1) : 0;
                double t = clock.age(r.origin(), r.endDay());
                if (t > entry) {
                    rows.add(new double[] {t, r.failed() ? 1 : 0, entry});
                } else {
                    dropped++;
                }
            }
            for (int i : fleet.events(a)) {
                int d = ev.day(i);
                if (d < start || d > fleet.stop(a)) {
                    continue;
                }
                switch (ev.type(i)) {
                    case Assets.Events.FAILURE -> {
                        failures++;
                        repairCost += ev.cost(i);
                        downtime += ev.downtimeHours(i);
                    }
                    case Assets.Events.REPAIR -> repairCost += ev.cost(i);
                    case Assets.Events.MAINTENANCE -> {
                        services++;
                        serviceCost += ev.cost(i);
                    }
                    default -> {}
                }
            }
        }
        if (dropped > 0) {
            notes.add(String.format(
                    Locale.ROOT,
                    "%d run%s of %s ended before %s age grew past where it entered (a failure on its renewal day, or"
                            + " no use since) and %s left out of the curve.",
                    dropped,
                    dropped == 1 ? "" : "s",
                    name,
                    dropped == 1 ? "its" : "their",
                    dropped == 1 ? "is" : "are"));
        }
        double[] t = new double[rows.size()];
        boolean[] failed = new boolean[rows.size()];
        double[] entry = new double[rows.size()];
        double from = rows.isEmpty() ? 0 : Double.POSITIVE_INFINITY;
        for (int k = 0; k < rows.size(); k++) {
            t[k] = rows.get(k)[0];
            failed[k] = rows.get(k)[1] > 0;
            entry[k] = rows.get(k)[2];
            from = Math.min(from, entry[k]);
        }
        KaplanMeier km = KaplanMeier.of(t, failed, entry);
        List<String> fitNotes = new ArrayList<>();
        Weibull.Fit fit = EquipmentAnalysis.tryFit(t, failed, entry, name, fitNotes);
        notes.addAll(fitNotes);
        return new GroupFit(
                name,
                hours,
                members,
                rows.size(),
                from,
                km,
                fit,
                fitNotes.isEmpty() ? null : fitNotes.getFirst(),
                failures > 0 ? repairCost / failures : 0,
                failures > 0 ? downtime / failures : 0,
                services > 0 ? serviceCost / services : Double.NaN);
    }

    String name() {
        return name;
    }

    /** The Weibull, or null when there is no fit. */
    Weibull weibull() {
        return fit == null ? null : fit.model();
    }

    /** {@code weibull} or {@code kaplan-meier}: what the risks rest on. */
    String basis() {
        return fit != null ? "weibull" : "kaplan-meier";
    }

    /** The chance of failing within h clock units from an age. */
    double risk(double age, double h) {
        return EquipmentAnalysis.risk(weibull(), km, age, h);
    }

    double repairPerFailure() {
        return repairPerFailure;
    }

    double downtimePerFailure() {
        return downtimePerFailure;
    }

    /** The mean cost of a service in the group, NaN without services. */
    double serviceCost() {
        return serviceCost;
    }

    EquipmentResult.Group result() {
        return new EquipmentResult.Group(
                name,
                hours ? "hours" : "days",
                assets,
                runs,
                km.events(),
                entryFrom,
                km.median(),
                km.steps(),
                fit == null ? Double.NaN : fit.model().shape(),
                fit == null ? Double.NaN : fit.shapeLower(),
                fit == null ? Double.NaN : fit.shapeUpper(),
                fit == null ? Double.NaN : fit.model().scale(),
                fit == null ? Double.NaN : fit.scaleLower(),
                fit == null ? Double.NaN : fit.scaleUpper(),
                fit == null ? Double.NaN : fit.logLikelihood(),
                fitNote,
                km,
                weibull());
    }
}
