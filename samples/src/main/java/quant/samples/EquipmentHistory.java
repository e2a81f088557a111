package quant.samples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import quant.core.store.DomainTable;

/**
 * The fleet's history, drawn so that a reliability analysis has a known answer, from a random stream
 * of its own.
 *
 * <ul>
 *   <li>Each asset ages by a virtual age: a van by the calendar day, a specialty machine by the hours
 *       the jobs that used it ran ({@code job.equipment_ref}); before the records begin a machine ages
 *       at the hours a day it ran in its first year of records.
 *   <li>While running, an asset fails on a day with probability 1 − S(v + Δ)/S(v), S the Weibull
 *       survival of its class ({@link SampleCompany.EquipmentTruth}) and v its virtual age: times between failures are
 *       Weibull in that clock. A failure is repaired one to five days later, and the repair renews the
 *       asset (virtual age 0).
 *   <li>A service is due every {@value #SERVICE_INTERVAL} days; a share of services is skipped (the
 *       next one is then due an interval later), and a service done takes away {@link
 *       SampleCompany.EquipmentTruth#serviceEffect()} of the age accrued since the one before (Kijima's type I), so serviced
 *       assets age more slowly than the bare Weibull says.
 *   <li>The records begin on {@link SampleCompany#START}: nothing before it is recorded except each
 *       asset's last repair before it (the renewal its current run started from), which the register
 *       carries over. Assets were bought from 2016 on, so analyses must treat the first run they see
 *       as entering at its age then (delayed entry).
 *   <li>A few vans are retired and replaced by new ones; now and then an asset is down without a
 *       failure (waiting for parts, an inspection).
 * </ul>
 */
final class EquipmentHistory {
    /** Days between services. */
    static final int SERVICE_INTERVAL = 90;

    /** Vans retired (the oldest) and replaced by a new van the same day. */
    static final int RETIREMENTS = 3;

    static final SampleCompany.EquipmentTruth TRUTH =
            new SampleCompany.EquipmentTruth(2.0, 400, 1.4, 330, 0.3, 0.15, SERVICE_INTERVAL);

    private EquipmentHistory() {}

    /** One asset's daily clock. */
    private static final class Asset {
        final Workforce.Equipment e;
        final boolean machine;
        /** Hours of use by day (machines). */
        final Map<LocalDate, Double> use = new HashMap<>();
        /** Hours a day before the records (machines). */
        double rateBefore;

        LocalDate retired;

        Asset(Workforce.Equipment e) {
            this.e = e;
            this.machine = e.line != null;
        }
    }

    static void generate(Rng main, Rng rng, SampleCompany company, List<Workforce.Equipment> fleet, SampleTable jobs) {
        keepMainStream(main, fleet);
        SampleTable table = new SampleTable(
                DomainTable.EQUIPMENT_EVENT,
                "external_ref",
                "equipment_ref",
                "event_type",
                "occurred_on",
                "downtime_hours",
                "cost",
                "notes");
        List<Asset> assets = new ArrayList<>();
        Map<String, Asset> byRef = new HashMap<>();
        for (Workforce.Equipment e : fleet) {
            Asset a = new Asset(e);
            assets.add(a);
            byRef.put(e.ref, a);
        }
        Map<String, TreeMap<LocalDate, Double>> vanUse = usage(jobs, byRef);
        for (Asset a : assets) {
            if (a.machine) {
                double firstYear = 0;
                for (Map.Entry<LocalDate, Double> u : a.use.entrySet()) {
                    if (u.getKey().isBefore(SampleCompany.START.plusDays(365))) {
                        firstYear += u.getValue();
                    }
                }
                a.rateBefore = firstYear / 365;
            }
        }
        List<Asset> replacements = retire(rng, assets, fleet);
        assets.addAll(replacements);
        List<Object[]> events = new ArrayList<>();
        for (Asset a : assets) {
            simulate(rng, a, events);
        }
        for (Asset a : assets) {
            Workforce.Equipment e = a.e;
            double hours = a.machine ? e.usageHours : vanHours(vanUse.get(e.tech.ref), e.purchased, a.retired);
            e.table.add(
                    e.ref,
                    e.name,
                    e.type,
                    e.line == null ? null : e.line.code(),
                    e.tech == null ? null : e.tech.ref,
                    e.purchased,
                    Values.money(e.cost),
                    BigDecimal.valueOf(Math.round(hours * 10) / 10.0),
                    a.retired);
        }
        // numbered in date order, assets by reference within a day (the sort keeps each asset's own order)
        events.sort(Comparator.comparing((Object[] r) -> (LocalDate) r[2]).thenComparing(r -> (String) r[0]));
        for (Object[] r : events) {
            table.add("EV%05d".formatted(table.size() + 1), r[0], r[1], r[2], r[3], r[4], r[5]);
        }
        company.put(table);
        company.equipmentTruth(TRUTH);
    }

    /** Machines' hours of use by day from their jobs; vans' (each technician's job and travel hours) by technician. */
    private static Map<String, TreeMap<LocalDate, Double>> usage(SampleTable jobs, Map<String, Asset> byRef) {
        List<String> h = jobs.header();
        int equipment = h.indexOf("equipment_ref");
        int tech = h.indexOf("technician_ref");
        int completed = h.indexOf("completed_at");
        int actual = h.indexOf("actual_hours");
        int travel = h.indexOf("travel_minutes");
        Map<String, TreeMap<LocalDate, Double>> vans = new HashMap<>();
        for (String[] r : jobs.rows()) {
            if (r[completed].isEmpty() || r[actual].isEmpty()) {
                continue;
            }
            LocalDate day = LocalDateTime.parse(r[completed]).toLocalDate();
            double hours = Double.parseDouble(r[actual]);
            Asset used = r[equipment].isEmpty() ? null : byRef.get(r[equipment]);
            if (used != null) {
                used.use.merge(day, hours, Double::sum);
            }
            double drive = r[travel].isEmpty() ? 0 : Double.parseDouble(r[travel]) / 60;
            vans.computeIfAbsent(r[tech], k -> new TreeMap<>()).merge(day, hours + drive, Double::sum);
        }
        return vans;
    }

    private static double vanHours(TreeMap<LocalDate, Double> use, LocalDate from, LocalDate retired) {
        if (use == null) {
            return 0;
        }
        double total = 0;
        for (Map.Entry<LocalDate, Double> u : use.entrySet()) {
            if (u.getKey().isBefore(from)) {
                continue;
            }
            if (retired != null && !u.getKey().isBefore(retired)) {
                break;
            }
            total += u.getValue();
        }
        return total;
    }

    /** The oldest vans retire on a day in 2024–2025 and a new van takes each one's place. */
    private static List<Asset> retire(Rng rng, List<Asset> assets, List<Workforce.Equipment> fleet) {
        List<Asset> oldest = assets.stream()
                .filter(a -> !a.machine)
                .sorted(Comparator.comparing((Asset a) -> a.e.purchased).thenComparing(a -> a.e.ref))
                .limit(RETIREMENTS)
                .toList();
        List<Asset> out = new ArrayList<>();
        int next = fleet.size();
        for (Asset old : oldest) {
            old.retired = SampleCompany.START.plusDays(rng.between(760, 1300));
            Workforce.Equipment e = new Workforce.Equipment();
            e.ref = "E%03d".formatted(++next);
            e.name = "Van " + old.e.tech.ref.substring(1) + " II (Ford Transit)";
            e.type = "van";
            e.tech = old.e.tech;
            e.purchased = old.retired;
            e.cost = rng.uniform(48_000, 58_000);
            e.table = old.e.table;
            out.add(new Asset(e));
        }
        return out;
    }

    /** One asset's days from its purchase to the end of the records or its retirement. */
    private static void simulate(Rng rng, Asset a, List<Object[]> events) {
        Workforce.Equipment e = a.e;
        double shape = a.machine ? TRUTH.machineShape() : TRUTH.vanShape();
        double scale = a.machine ? TRUTH.machineScale() : TRUTH.vanScale();
        LocalDate last = a.retired != null ? a.retired.minusDays(1) : SampleCompany.END;
        double age = 0; // virtual age
        double sinceService = 0; // age accrued since the last service
        LocalDate due = e.purchased.plusDays(SERVICE_INTERVAL);
        LocalDate repairOn = null;
        LocalDate failedOn = null;
        LocalDate lastRepairBefore = null;
        // the day of purchase (and of a repair) ends at age 0: a day's age is the days since
        for (LocalDate day = e.purchased.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            boolean recorded = !day.isBefore(SampleCompany.START);
            if (day.equals(SampleCompany.START)) {
                // the register carries over how the current run began: the repair it started from, or, for an
                // asset under repair when the records begin, the failure it is being repaired from
                if (repairOn != null) {
                    add(events, e.ref, "failure", failedOn, null, null, "Failure before the records began");
                } else if (lastRepairBefore != null) {
                    add(
                            events,
                            e.ref,
                            "repair",
                            lastRepairBefore,
                            null,
                            repairCost(rng, e),
                            "Last repair before the" + " records began (carried over from the register)");
                }
            }
            if (repairOn != null) {
                if (day.isBefore(repairOn)) {
                    continue;
                }
                if (recorded) {
                    add(events, e.ref, "repair", day, null, repairCost(rng, e), "Repair after failure");
                } else {
                    lastRepairBefore = day;
                }
                repairOn = null;
                age = 0;
                sinceService = 0;
                continue;
            }
            if (!day.isBefore(due)) {
                if (rng.chance(TRUTH.skippedServices())) {
                    due = due.plusDays(SERVICE_INTERVAL);
                } else {
                    if (recorded) {
                        add(
                                events,
                                e.ref,
                                "maintenance",
                                day,
                                hours(rng.uniform(1, 4)),
                                e.cost * 0.004 * rng.logNormal(0.3),
                                "Planned service");
                    }
                    age -= TRUTH.serviceEffect() * sinceService;
                    sinceService = 0;
                    due = day.plusDays(SERVICE_INTERVAL);
                }
            }
            double step = a.machine ? (recorded ? a.use.getOrDefault(day, 0.0) : a.rateBefore) : 1;
            if (step <= 0) {
                continue;
            }
            double fail = -Math.expm1(Math.pow(age / scale, shape) - Math.pow((age + step) / scale, shape));
            age += step;
            sinceService += step;
            if (rng.chance(fail)) {
                if (recorded) {
                    add(events, e.ref, "failure", day, hours(rng.uniform(4, 72)), null, rng.pick(new String[] {
                        "Would not start", "Hydraulic leak", "Electrical fault", "Worn drive belt", "Sensor failure"
                    }));
                }
                failedOn = day;
                repairOn = day.plusDays(rng.between(1, 5));
            } else if (recorded && rng.chance(1.0 / 1000)) {
                add(events, e.ref, "downtime", day, hours(rng.uniform(3, 20)), null, rng.pick(new String[] {
                    "Waiting for parts", "Safety inspection", "Accident damage check"
                }));
            }
        }
    }

    private static double repairCost(Rng rng, Workforce.Equipment e) {
        return e.cost * 0.02 * rng.logNormal(0.6);
    }

    private static void add(
            List<Object[]> events,
            String ref,
            String type,
            LocalDate day,
            BigDecimal downtime,
            Double cost,
            String notes) {
        events.add(new Object[] {ref, type, day, downtime, cost == null ? null : Values.money(cost), notes});
    }

    private static BigDecimal hours(double h) {
        return BigDecimal.valueOf(Math.round(h * 10) / 10.0);
    }

    /**
     * Draws from the company's main stream exactly what the first equipment history drew (a weekly
     * failure chance rising with age), and nothing else: the overheads, market and competitors drawn
     * after it from that stream stay byte-identical now that the history comes from its own stream.
     */
    private static void keepMainStream(Rng rng, List<Workforce.Equipment> fleet) {
        for (Workforce.Equipment e : fleet) {
            LocalDate lastService = SampleCompany.START.minusDays(rng.between(0, 80));
            LocalDate nextService = lastService.plusDays(rng.between(70, 110));
            for (LocalDate day = SampleCompany.START; !day.isAfter(SampleCompany.END); day = day.plusDays(7)) {
                if (!day.isBefore(nextService)) {
                    rng.logNormal(0.3);
                    rng.uniform(1, 4);
                    lastService = day;
                    nextService = day.plusDays(rng.between(70, 110));
                }
                double ageYears = (day.toEpochDay() - e.purchased.toEpochDay()) / 365.25;
                double monthly = 0.008 + 0.005 * ageYears;
                if (day.toEpochDay() - lastService.toEpochDay() < 60) {
                    monthly /= 2;
                }
                if (rng.chance(monthly / 4.3)) {
                    rng.uniform(4, 72);
                    rng.between(0, 4);
                    if (!day.plusDays(rng.between(1, 5)).isAfter(SampleCompany.END)) {
                        rng.logNormal(0.6);
                    }
                }
            }
        }
    }
}
