package quant.core.equipment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import quant.core.analysis.AsOf;
import quant.core.analysis.Assets;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.job.JobMonitor;
import quant.core.settings.EquipmentRules;
import quant.core.stats.KaplanMeier;
import quant.core.stats.ModelFitException;
import quant.core.stats.Weibull;

/**
 * The fleet's reliability: when each asset is likely to fail next, and whether its upkeep pays.
 *
 * <ul>
 *   <li>Time between failures: each asset's runs ({@link Run}: from its purchase or a repair to the next
 *       failure, censored by an overhaul, the as-of date or retirement), aged in its clock ({@link
 *       AssetClock}: hours of use for a machine the jobs record, else days). The run under way when the
 *       records begin enters observation at its age then (delayed entry, or left truncation: an asset
 *       bought in 2016 and seen from 2022 has survived to its age in 2022, and counting it from 0 would
 *       make every curve look better than it is).
 *   <li>Groups: an asset type with at least {@value #OWN_CURVE_FAILURES} failures has its own curve;
 *       the other assets are pooled by clock. Per group a Kaplan–Meier curve ({@link KaplanMeier}) and a
 *       Weibull fitted by maximum likelihood with the same entries and censoring ({@link Weibull});
 *       where the fit fails the reason is given and the empirical curve is used instead.
 *   <li>Risk: the chance an asset fails within the next 30 and 90 days given its age since its last
 *       renewal, 1 − S(a + h)/S(a), h the days ahead in its clock (for hours of use, at its hours a day
 *       over the last 90 days).
 *   <li>Suggested service: the day its age reaches the one at which the chance of failing within the
 *       risk horizon reaches the risk level (settings: 30 days, 10 %), by the Weibull; none where the
 *       failure rate does not rise with age (shape ≤ 1).
 *   <li>Upkeep: services due every interval days (setting) from the start of the records or the
 *       asset's purchase; a due date is met by a service done by it plus the grace (setting), and the
 *       next one is due an interval after that service; a due date that passes is missed and the next
 *       falls an interval after it. Compliance = services on time ÷ services due.
 *   <li>Money: revenue and margin (revenue − labour, materials and equipment cost) of the jobs it served
 *       (a machine: the jobs that used it; an asset assigned to a technician, such as a van: that
 *       technician's jobs while it served); return = (margin − maintenance − repair costs) a year ÷ its
 *       cost; expected cost of a failure = its group's repair cost per failure + its group's downtime
 *       per failure × the asset's revenue per hour.
 * </ul>
 */
public final class EquipmentAnalysis {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS = List.of(Assets.Equipment.PART, Assets.Events.PART, Snapshot.Jobs.PART);

    /** Failures a type needs for a curve of its own. */
    public static final int OWN_CURVE_FAILURES = 30;

    private static final String[] EVENT_TYPES = {"maintenance", "failure", "repair", "downtime"};

    private EquipmentAnalysis() {}

    public static EquipmentResult run(Snapshot s, EquipmentSpec spec, JobMonitor monitor) {
        Assets.Equipment eq = s.equipment();
        if (eq.size() == 0) {
            throw new InvalidSpecException("The database holds no equipment: import it (table equipment, with its"
                    + " events in equipment_event) to see its reliability.");
        }
        int only = -1;
        if (spec.asset().isPresent()) {
            for (int a = 0; a < eq.size(); a++) {
                if (spec.asset().get().equalsIgnoreCase(eq.ref(a))) {
                    only = a;
                }
            }
            if (only < 0) {
                throw new InvalidSpecException(
                        "No asset has the reference " + spec.asset().get() + ".");
            }
        }
        AsOf asOf = AsOf.resolve(s, spec.asOf());
        int end = asOf.day();
        Assets.Events ev = s.equipmentEvents();
        Snapshot.Jobs jobs = s.jobs();
        int start = Math.min(end, historyStart(jobs, ev));
        EquipmentRules rules = spec.rules();
        monitor.progress(0, 4, "Reading the fleet's use");
        Fleet fleet = Fleet.of(eq, ev, jobs, start, end);
        monitor.checkCancelled();
        monitor.progress(1, 4, "Runs between failures");
        int n = eq.size();
        List<List<Run>> runs = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            runs.add(Run.of(ev, fleet.events(a), eq.purchasedDay(a), start, fleet.stop(a)));
        }
        monitor.progress(2, 4, "Survival by group");
        String[] groupOf = groups(eq, fleet, runs);
        List<String> notes = new ArrayList<>();
        Map<String, GroupFit> fits = new LinkedHashMap<>();
        for (String g : distinct(groupOf)) {
            fits.put(g, GroupFit.of(g, groupOf, eq, ev, fleet, runs, start, notes));
        }
        monitor.checkCancelled();
        monitor.progress(3, 4, "Each asset");
        List<EquipmentResult.Asset> rows = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            if (only < 0 || a == only) {
                rows.add(asset(a, eq, ev, fleet, fits.get(groupOf[a]), rules, start, end));
            }
        }
        rows.sort(Comparator.comparingDouble((EquipmentResult.Asset r) -> Double.isNaN(r.risk90()) ? 1 : -r.risk90())
                .thenComparing(EquipmentResult.Asset::ref));
        List<EquipmentResult.Event> history = new ArrayList<>();
        if (only >= 0) {
            for (int i : fleet.events(only)) {
                if (ev.day(i) <= end) {
                    history.add(new EquipmentResult.Event(
                            eq.ref(only),
                            LocalDate.ofEpochDay(ev.day(i)),
                            EVENT_TYPES[ev.type(i)],
                            ev.downtimeHours(i),
                            ev.cost(i),
                            ev.notes(i)));
                }
            }
        }
        int before = 0;
        for (int a = 0; a < n; a++) {
            if (eq.purchasedDay(a) != Snapshot.NO_DAY && eq.purchasedDay(a) < start) {
                before++;
            }
        }
        if (before > 0) {
            notes.add(
                    0,
                    String.format(
                            Locale.ROOT,
                            "The records begin on %s and %d of the %d assets were bought before: the run each was on then"
                                    + " enters the curves at its age that day (delayed entry), so older assets are not"
                                    + " counted as new.",
                            LocalDate.ofEpochDay(start),
                            before,
                            n));
        }
        List<EquipmentResult.Group> groups =
                fits.values().stream().map(GroupFit::result).toList();
        monitor.progress(4, 4, "Done");
        return new EquipmentResult(
                asOf,
                LocalDate.ofEpochDay(start),
                rules,
                groups,
                List.copyOf(rows),
                List.copyOf(history),
                List.copyOf(notes),
                definitions(rules));
    }

    /** The first day of the records: the first job's day, else the first event's; the as-of day without either. */
    static int historyStart(Snapshot.Jobs jobs, Assets.Events ev) {
        int first = Integer.MAX_VALUE;
        for (int j = 0; j < jobs.size(); j++) {
            int d = jobs.requestedDay(j) != Snapshot.NO_DAY ? jobs.requestedDay(j) : jobs.scheduledDay(j);
            if (d != Snapshot.NO_DAY) {
                first = Math.min(first, d);
            }
        }
        if (first == Integer.MAX_VALUE) {
            for (int i = 0; i < ev.size(); i++) {
                if (ev.day(i) != Snapshot.NO_DAY) {
                    first = Math.min(first, ev.day(i));
                }
            }
        }
        return first;
    }

    /**
     * Each asset's group: its type when the type has {@value #OWN_CURVE_FAILURES} failures and one clock;
     * else the pool of its clock, named by its type when it holds one type.
     */
    private static String[] groups(Assets.Equipment eq, Fleet fleet, List<List<Run>> runs) {
        int n = eq.size();
        Map<Integer, Integer> failures = new LinkedHashMap<>();
        Map<Integer, Boolean> hours = new LinkedHashMap<>();
        Map<Integer, Boolean> mixed = new LinkedHashMap<>();
        for (int a = 0; a < n; a++) {
            int t = eq.type(a);
            failures.merge(t, (int) runs.get(a).stream().filter(Run::failed).count(), Integer::sum);
            boolean h = fleet.clock(a).countsHours();
            Boolean seen = hours.putIfAbsent(t, h);
            if (seen != null && seen != h) {
                mixed.put(t, true);
            }
        }
        String[] out = new String[n];
        Map<Boolean, java.util.Set<String>> poolTypes = new LinkedHashMap<>();
        for (int a = 0; a < n; a++) {
            int t = eq.type(a);
            if (failures.get(t) >= OWN_CURVE_FAILURES && !mixed.containsKey(t)) {
                out[a] = typeName(eq, a);
            } else {
                poolTypes
                        .computeIfAbsent(fleet.clock(a).countsHours(), k -> new java.util.TreeSet<>())
                        .add(typeName(eq, a));
            }
        }
        for (int a = 0; a < n; a++) {
            if (out[a] == null) {
                boolean h = fleet.clock(a).countsHours();
                java.util.Set<String> types = poolTypes.get(h);
                out[a] = types.size() == 1 ? types.iterator().next() : h ? "specialty machines" : "other assets";
            }
        }
        return out;
    }

    private static String typeName(Assets.Equipment eq, int a) {
        String t = eq.types().value(eq.type(a));
        return t == null || t.isBlank() ? "(no type)" : t;
    }

    private static List<String> distinct(String[] names) {
        return java.util.Arrays.stream(names).distinct().sorted().toList();
    }

    private static EquipmentResult.Asset asset(
            int a,
            Assets.Equipment eq,
            Assets.Events ev,
            Fleet fleet,
            GroupFit group,
            EquipmentRules rules,
            int start,
            int end) {
        AssetClock clock = fleet.clock(a);
        int stop = fleet.stop(a);
        int purchased = eq.purchasedDay(a);
        boolean retired = eq.retiredDay(a) != Snapshot.NO_DAY && eq.retiredDay(a) <= end;
        boolean down = !retired && Run.underRepair(ev, fleet.events(a), stop);
        String state = retired ? "retired" : down ? "under repair" : "running";
        int services = 0;
        int failures = 0;
        double downtime = 0;
        double maintenanceCost = 0;
        double repairCost = 0;
        List<Integer> serviceDays = new ArrayList<>();
        for (int i : fleet.events(a)) {
            int d = ev.day(i);
            if (d < start || d > stop) {
                continue;
            }
            downtime += ev.downtimeHours(i);
            switch (ev.type(i)) {
                case Assets.Events.MAINTENANCE -> {
                    services++;
                    maintenanceCost += ev.cost(i);
                    serviceDays.add(d);
                }
                case Assets.Events.FAILURE -> {
                    failures++;
                    repairCost += ev.cost(i);
                }
                case Assets.Events.REPAIR -> repairCost += ev.cost(i);
                default -> {}
            }
        }
        int from = purchased == Snapshot.NO_DAY ? start : Math.max(start, purchased);
        int[] compliance = compliance(serviceDays, from, stop, rules);
        double years = (stop - from + 1) / 365.25;
        double cost = eq.cost(a);
        double annualReturn =
                years > 0 && cost > 0 ? (fleet.margin(a) - maintenanceCost - repairCost) / years / cost : Double.NaN;
        double perHour = fleet.hours(a) > 0 ? fleet.revenue(a) / fleet.hours(a) : Double.NaN;
        double age = Double.NaN;
        if (state.equals("running")) {
            int origin = Run.lastRenewal(ev, fleet.events(a), purchased, stop);
            if (origin != Snapshot.NO_DAY) {
                age = clock.age(origin, end);
            }
        }
        double perDay = clock.perDay(end);
        double risk30 = group.risk(age, 30 * perDay);
        double risk90 = group.risk(age, 90 * perDay);
        String basis = Double.isNaN(risk90) && Double.isNaN(risk30) ? "none" : group.basis();
        LocalDate suggested = null;
        String why;
        Weibull w = group.weibull();
        if (!state.equals("running")) {
            why = "It is " + state + ".";
        } else if (Double.isNaN(age)) {
            why = "Its age is not known: it has no purchase date and no repair on record.";
        } else if (w == null) {
            why = "Its group has no Weibull fit to time a service by.";
        } else if (w.shape() <= 1) {
            why = "In its group failures do not become likelier with age (shape "
                    + String.format(Locale.ROOT, "%.2f", w.shape()) + "), so servicing by age does not prevent them.";
        } else if (!(perDay > 0)) {
            why = "It has not been used in the last 90 days.";
        } else {
            double at = w.ageAtRisk(rules.horizonDays() * perDay, rules.riskLevel());
            long days = (long) Math.ceil((at - age) / perDay);
            suggested = LocalDate.ofEpochDay(end + Math.max(0, days));
            why = days <= 0
                    ? String.format(
                            Locale.ROOT,
                            "Due now: its chance of failing within %d days is already %.0f %%.",
                            rules.horizonDays(),
                            100 * w.conditionalFailure(age, rules.horizonDays() * perDay))
                    : String.format(
                            Locale.ROOT,
                            "When its chance of failing within %d days reaches %.0f %%.",
                            rules.horizonDays(),
                            100 * rules.riskLevel());
        }
        double serviceCost = services > 0 ? maintenanceCost / services : group.serviceCost();
        double failureCost =
                group.repairPerFailure() + (Double.isFinite(perHour) ? group.downtimePerFailure() * perHour : 0);
        return new EquipmentResult.Asset(
                eq.ref(a),
                eq.name(a),
                typeName(eq, a),
                group.name(),
                clock.countsHours() ? "hours" : "days",
                purchased == Snapshot.NO_DAY ? null : LocalDate.ofEpochDay(purchased),
                eq.retiredDay(a) == Snapshot.NO_DAY ? null : LocalDate.ofEpochDay(eq.retiredDay(a)),
                state,
                purchased == Snapshot.NO_DAY ? Double.NaN : (Math.min(end, stop + 1) - purchased) / 365.25,
                fleet.hours(a),
                services,
                compliance[0],
                compliance[1],
                compliance[0] > 0 ? (double) compliance[1] / compliance[0] : Double.NaN,
                failures,
                downtime,
                maintenanceCost,
                repairCost,
                fleet.revenue(a),
                fleet.margin(a),
                annualReturn,
                perHour,
                age,
                risk30,
                risk90,
                basis,
                suggested,
                why,
                serviceCost,
                failureCost,
                Double.isNaN(risk90) ? Double.NaN : risk90 * failureCost);
    }

    /**
     * Services due and on time in [from, stop]: {due, onTime}. A due date falls an interval after the
     * start or the last service; a service by a due date plus the grace meets it; a due date that passes
     * without one is missed, and the next falls an interval after it.
     */
    static int[] compliance(List<Integer> serviceDays, int from, int stop, EquipmentRules rules) {
        int interval = rules.serviceIntervalDays();
        int grace = rules.graceDays();
        int due = from + interval;
        int dueCount = 0;
        int onTime = 0;
        for (int m : serviceDays) {
            while (due + grace < m) {
                dueCount++;
                due += interval;
            }
            dueCount++;
            onTime++;
            due = m + interval;
        }
        while (due + grace <= stop) {
            dueCount++;
            due += interval;
        }
        return new int[] {dueCount, onTime};
    }

    private static List<String> definitions(EquipmentRules rules) {
        return List.of(
                "A run lasts from a renewal (purchase or repair) to the next failure; an overhaul, the as-of date or"
                        + " retirement censors it. Machines the jobs record age by their hours of use, other assets by"
                        + " the day.",
                "Delayed entry: a run under way when the records begin counts from its age on the day before, since"
                        + " it is known to have lasted that long.",
                "Kaplan–Meier S(t) = Π (1 − failures ÷ runs at risk) over the failure ages up to t; the Weibull"
                        + " S(t) = exp(−(t/scale)^shape) is fitted by maximum likelihood with the same entries and"
                        + " censoring; shape above 1 means failures become likelier with age.",
                "Risk in the next h days = 1 − S(age + h)/S(age), h converted to hours of use at the asset's use a"
                        + " day over the last 90 days.",
                String.format(
                        Locale.ROOT,
                        "Suggested service: from the age at which the chance of failing within %d days reaches %.0f %%"
                                + " (settings equipment.riskHorizonDays and equipment.riskLevel).",
                        rules.horizonDays(),
                        100 * rules.riskLevel()),
                String.format(
                        Locale.ROOT,
                        "Compliance = services on time ÷ services due, one due every %d days; on time means by the due"
                                + " date plus %d days (settings equipment.serviceIntervalDays and"
                                + " equipment.serviceGraceDays).",
                        rules.serviceIntervalDays(),
                        rules.graceDays()),
                "Return = (margin of the jobs it served − maintenance − repairs) a year ÷ its cost; a van serves its"
                        + " technician's jobs.",
                "Expected cost of a failure = its group's repair cost per failure + its group's downtime hours per"
                        + " failure × the asset's revenue per hour; expected90 = that × the 90-day risk.");
    }

    /** The failure risk within h clock units from an age, by a group's Weibull or else its curve. */
    static double risk(Weibull w, KaplanMeier km, double age, double h) {
        if (Double.isNaN(age) || Double.isNaN(h)) {
            return Double.NaN;
        }
        if (w != null) {
            return w.conditionalFailure(age, h);
        }
        double now = km.survivalAt(age);
        if (!(now > 0) || age + h > km.lastTime()) {
            return Double.NaN;
        }
        return 1 - km.survivalAt(age + h) / now;
    }

    /** The Weibull fit of a group, or null with a note saying why there is none. */
    static Weibull.Fit tryFit(double[] t, boolean[] failed, double[] entry, String group, List<String> notes) {
        try {
            return Weibull.fit(t, failed, entry);
        } catch (ModelFitException e) {
            notes.add("No Weibull for " + group + ": " + e.getMessage() + " Its risks come from the empirical curve.");
            return null;
        }
    }
}
