package quant.samples;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import quant.core.store.DomainTable;

/**
 * The sample company's technicians and equipment: each technician's main trade (a fixed skill mix,
 * three in ten with a second trade), speed against the estimate and quality spread so the fastest
 * and slowest differ clearly, shift and work days, hourly cost and home base; a van per technician
 * and each line's specialty tools.
 */
final class Workforce {
    private final Rng rng;
    private final SampleCompany company;
    private final List<Tech> techs = new ArrayList<>();
    private final List<Equipment> equipment = new ArrayList<>();
    private SampleTable technicianTable;

    private Workforce(Rng rng, SampleCompany company) {
        this.rng = rng;
        this.company = company;
    }

    /** Hires the technicians and buys the fleet, adding both tables to the company. */
    static Workforce hire(Rng rng, SampleCompany company) {
        Workforce w = new Workforce(rng, company);
        w.technicians();
        w.equipmentFleet();
        return w;
    }

    List<Tech> techs() {
        return techs;
    }

    List<Equipment> equipment() {
        return equipment;
    }

    private void technicians() {
        SampleTable t = new SampleTable(
                DomainTable.TECHNICIAN,
                "external_ref",
                "name",
                "skills",
                "hourly_cost",
                "home_base",
                "home_lat",
                "home_lon",
                "shift_start",
                "shift_end",
                "work_days",
                "hired_on",
                "left_on");
        // Skill mix: how many technicians have each line as their main trade.
        int[] mainTrade = {7, 5, 4, 5, 3};
        LocalTime[][] shifts = {
            {LocalTime.of(7, 0), LocalTime.of(15, 30)},
            {LocalTime.of(8, 0), LocalTime.of(16, 30)},
            {LocalTime.of(9, 30), LocalTime.of(18, 0)}
        };
        technicianTable = t;
        int n = 0;
        for (int line = 0; line < mainTrade.length; line++) {
            for (int k = 0; k < mainTrade[line]; k++) {
                n++;
                Tech tech = new Tech();
                tech.ref = "T%03d".formatted(n);
                tech.name = rng.pick(Names.FIRST) + " " + rng.pick(Names.LAST);
                tech.skills.add(ServiceLineSpec.ALL[line]);
                if (rng.chance(0.3)) {
                    ServiceLineSpec second = rng.pick(ServiceLineSpec.ALL);
                    if (!tech.skills.contains(second)) {
                        tech.skills.add(second);
                    }
                }
                // Speed: median actual / estimated hours; spread so the fastest and slowest differ clearly.
                tech.speed = 0.78 + 0.5 * ((n * 7) % 24) / 23.0 + rng.uniform(-0.02, 0.02);
                tech.quality = rng.uniform(0.6, 1.4);
                tech.ratingQuality = tech.quality;
                LocalTime[] shift = shifts[n % shifts.length];
                tech.shiftStart = shift[0];
                tech.shiftEnd = shift[1];
                tech.workDays = n % 5 == 0 ? ".TWTFS." : "MTWTF..";
                tech.hourlyCost = Math.round(rng.uniform(27, 46) * 4) / 4.0 + (tech.skills.size() - 1) * 3;
                Names.Town base = rng.pick(Names.TOWNS);
                tech.lat = base.lat() + rng.uniform(-0.03, 0.03);
                tech.lon = base.lon() + rng.uniform(-0.03, 0.03);
                tech.hired = SampleCompany.START.minusDays(rng.between(60, 2500));
                techs.add(tech);
                t.add(
                        tech.ref,
                        tech.name,
                        String.join(
                                ";",
                                tech.skills.stream().map(ServiceLineSpec::code).toList()),
                        Values.money(tech.hourlyCost),
                        base.name(),
                        tech.lat,
                        tech.lon,
                        tech.shiftStart,
                        tech.shiftEnd,
                        tech.workDays,
                        tech.hired,
                        null);
            }
        }
        company.put(t);
    }

    /** The plumber hired in 2025 who proves a poor hire: see {@link #poorHire}. */
    static final String POOR_HIRE = "T025";

    /** The day the poor hire starts. */
    static final LocalDate POOR_HIRE_FROM = LocalDate.of(2025, 3, 3);

    /** The poor hire's last day. */
    static final LocalDate POOR_HIRE_TO = LocalDate.of(2025, 8, 29);

    /** The poor hire's quality: nine in ten of his first visits are called back. */
    static final double POOR_HIRE_QUALITY = -11;

    /**
     * A plumber hired on 2025-03-03 and let go on 2025-08-29 whose work keeps coming back: his
     * quality of {@value #POOR_HIRE_QUALITY} gives each of his first visits a callback chance of 0.07 ×
     * (1.7 − quality) ≈ 0.89 (the others' 0.02 to 0.08), and he works six long days a week, so the
     * company's callback rate rises while he works. Customers find him pleasant: his ratings are an
     * average technician's (quality 1), less the callbacks' own toll. Drawn from a stream of its own,
     * added after the rest of the workforce, with no van of his own (he drives the spare); before
     * bookings for his first day the company is exactly as it was.
     */
    Tech poorHire(Rng own) {
        Tech tech = new Tech();
        tech.ref = POOR_HIRE;
        tech.name = own.pick(Names.FIRST) + " " + own.pick(Names.LAST);
        tech.skills.add(ServiceLineSpec.PLUMBING);
        tech.speed = 1.0;
        tech.quality = POOR_HIRE_QUALITY;
        tech.ratingQuality = 1;
        tech.shiftStart = LocalTime.of(7, 0);
        tech.shiftEnd = LocalTime.of(18, 0);
        tech.workDays = "MTWTFS.";
        tech.hourlyCost = 31.5;
        Names.Town base = own.pick(Names.TOWNS);
        tech.lat = base.lat() + own.uniform(-0.03, 0.03);
        tech.lon = base.lon() + own.uniform(-0.03, 0.03);
        tech.hired = POOR_HIRE_FROM;
        tech.left = POOR_HIRE_TO;
        techs.add(tech);
        technicianTable.add(
                tech.ref,
                tech.name,
                ServiceLineSpec.PLUMBING.code(),
                Values.money(tech.hourlyCost),
                base.name(),
                tech.lat,
                tech.lon,
                tech.shiftStart,
                tech.shiftEnd,
                tech.workDays,
                tech.hired,
                tech.left);
        return tech;
    }

    private void equipmentFleet() {
        SampleTable t = new SampleTable(
                DomainTable.EQUIPMENT,
                "external_ref",
                "name",
                "equipment_type",
                "service_line_ref",
                "technician_ref",
                "purchased_on",
                "cost",
                "usage_hours",
                "retired_on");
        int n = 0;
        for (Tech tech : techs) {
            Equipment e = new Equipment();
            e.ref = "E%03d".formatted(++n);
            e.name = "Van " + tech.ref.substring(1) + (rng.chance(0.5) ? " (Ford Transit)" : " (Ram ProMaster)");
            e.type = "van";
            e.tech = tech;
            e.purchased = SampleCompany.START.minusDays(rng.between(30, 2200));
            e.cost = rng.uniform(41_000, 56_000);
            tech.van = e;
            equipment.add(e);
        }
        Object[][] specialty = {
            {"Refrigerant recovery unit", "recovery_unit", ServiceLineSpec.HVAC, 2, 2_800.0},
            {"Drain jetter", "jetter", ServiceLineSpec.PLUMBING, 2, 9_500.0},
            {"Thermal imaging camera", "thermal_camera", ServiceLineSpec.ELECTRICAL, 1, 4_200.0},
            {"Zero-turn mower", "mower", ServiceLineSpec.LANDSCAPING, 3, 14_000.0},
            {"Roofing material lift", "lift", ServiceLineSpec.ROOFING, 2, 7_800.0}
        };
        for (Object[] s : specialty) {
            ServiceLineSpec line = (ServiceLineSpec) s[2];
            for (int k = 1; k <= (int) s[3]; k++) {
                Equipment e = new Equipment();
                e.ref = "E%03d".formatted(++n);
                e.name = s[0] + " #" + k;
                e.type = (String) s[1];
                e.line = line;
                e.purchased = SampleCompany.START.minusDays(rng.between(30, 1800));
                e.cost = (double) s[4] * rng.uniform(0.9, 1.15);
                equipment.add(e);
            }
        }
        for (Equipment e : equipment) {
            e.table = t;
        }
        company.put(t);
    }

    static final class Tech {
        String ref;
        String name;
        final List<ServiceLineSpec> skills = new ArrayList<>();
        double speed;
        double quality;
        /** The quality customers' ratings follow: the quality itself, but for the poor hire. */
        double ratingQuality;

        LocalTime shiftStart;
        LocalTime shiftEnd;
        String workDays;
        double hourlyCost;
        double lat;
        double lon;
        LocalDate hired;
        LocalDate left;
        Equipment van;

        boolean worksOn(DayOfWeek day) {
            return workDays.charAt(day.getValue() - 1) != '.';
        }

        /** Whether the technician is on the payroll on the day. */
        boolean employedOn(LocalDate day) {
            return !day.isBefore(hired) && (left == null || !day.isAfter(left));
        }
    }

    static final class Equipment {
        String ref;
        String name;
        String type;
        ServiceLineSpec line;
        Tech tech;
        LocalDate purchased;
        double cost;
        double usageHours;
        SampleTable table;
    }
}
