package quant.samples;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import quant.core.store.DomainTable;
import quant.samples.Workforce.Equipment;
import quant.samples.Workforce.Tech;

/**
 * Generates a believable field-service company, deterministically from a seed.
 *
 * <p>The assumptions (seasonality per service line, storm spikes for roofing, acquisition cost per
 * channel, technician speed and quality, payment behaviour, and a churn hazard that rises after a
 * callback, a poor rating or a late payment) are written down in {@code samples/README.md}.
 */
public final class SampleCompanyGenerator {
    static final double BASE_CHURN_RESIDENTIAL = 0.005;
    static final double BASE_CHURN_COMMERCIAL = 0.003;
    static final double CHURN_AFTER_CALLBACK = 7.0;
    static final double CHURN_AFTER_POOR_RATING = 2.5;
    static final double CHURN_AFTER_LATE_PAYMENT = 6.0;
    /** Mixed into the seed for the sales pipeline's own random stream. */
    private static final long PIPELINE_STREAM = 0x5A1E5_D3A15L;
    /** Mixed into the seed for the equipment's history. */
    private static final long EQUIPMENT_STREAM = 0xE0_1B7A_9C3DL;
    /** Mixed into the seed for the anchor accounts' payments. */
    private static final long ANCHOR_STREAM = 0xA2C40_5107L;
    /** Mixed into the seed for the 2025 poor hire. */
    private static final long HIRE_STREAM = 0x41_2E_B0_0BL;

    private final long seed;
    private final Rng rng;
    private final SampleCompany company = new SampleCompany();
    private final List<Tech> techs = new ArrayList<>();
    private final List<Customer> customers = new ArrayList<>();
    private final List<Equipment> equipment = new ArrayList<>();
    private final Map<Long, Day> bookings = new HashMap<>();
    private final List<PendingCallback> pendingCallbacks = new ArrayList<>();
    private final boolean[][] storms;
    private final Billing billing;
    private int jobSeq;

    private final SampleTable jobs = new SampleTable(
            DomainTable.JOB,
            "external_ref",
            "customer_ref",
            "service_line_ref",
            "technician_ref",
            "equipment_ref",
            "callback_of_job_ref",
            "status",
            "priority",
            "requested_at",
            "window_start",
            "window_end",
            "scheduled_at",
            "started_at",
            "completed_at",
            "estimated_hours",
            "actual_hours",
            "travel_minutes",
            "revenue",
            "labour_cost",
            "material_cost",
            "equipment_cost",
            "rating");

    private SampleCompanyGenerator(long seed) {
        this.seed = seed;
        this.rng = new Rng(seed);
        this.billing = new Billing(rng);
        int years = SampleCompany.END.getYear() - SampleCompany.START.getYear() + 1;
        this.storms = new boolean[years][13];
    }

    /** Generates the whole company for a seed. */
    public static SampleCompany generate(long seed) {
        return new SampleCompanyGenerator(seed).run();
    }

    private SampleCompany run() {
        serviceLines();
        chooseStorms();
        Workforce workforce = Workforce.hire(rng, company);
        workforce.poorHire(new Rng(seed ^ HIRE_STREAM));
        techs.addAll(workforce.techs());
        techs.forEach(t -> company.technician(t.ref, t.speed, t.quality));
        equipment.addAll(workforce.equipment());
        MarketingPlan marketing = MarketingPlan.generate(rng, company);
        simulate(marketing);
        company.put(jobs);
        billing.addTo(company);
        EquipmentHistory.generate(rng, new Rng(seed ^ EQUIPMENT_STREAM), company, equipment, jobs);
        SalesPipeline.generate(new Rng(seed ^ PIPELINE_STREAM), company, customers, marketing);
        OutlyingTown.apply(jobs, customers);
        Finance.generate(rng, company, customers, jobs);
        SlowAnchors.apply(company, new Rng(seed ^ ANCHOR_STREAM));
        CollectionsLapse.apply(company);
        return company;
    }

    // ---- reference data

    private void serviceLines() {
        SampleTable t = new SampleTable(DomainTable.SERVICE_LINE, "external_ref", "code", "name");
        for (ServiceLineSpec s : ServiceLineSpec.ALL) {
            t.add(s.code(), s.code(), s.name());
        }
        company.put(t);
    }

    /** One or two hail storms each summer (May to August) drive roofing demand. */
    private void chooseStorms() {
        for (boolean[] year : storms) {
            int n = rng.between(1, 2);
            for (int i = 0; i < n; i++) {
                year[rng.between(5, 8)] = true;
            }
        }
    }

    /** The months of a seed's hail storms (roofing demand × 3.2): what an outlier check should find. */
    static List<YearMonth> stormMonths(long seed) {
        SampleCompanyGenerator g = new SampleCompanyGenerator(seed);
        g.serviceLines();
        g.chooseStorms();
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth ym = YearMonth.from(SampleCompany.START);
                !ym.isAfter(YearMonth.from(SampleCompany.END));
                ym = ym.plusMonths(1)) {
            int m = ym.getMonthValue();
            if (g.storms[ym.getYear() - SampleCompany.START.getYear()][m]) {
                out.add(ym);
            }
        }
        return out;
    }

    double roofingStormFactor(YearMonth ym) {
        boolean[] year = storms[ym.getYear() - SampleCompany.START.getYear()];
        int m = ym.getMonthValue();
        if (year[m]) {
            return 3.2;
        }
        return m > 1 && year[m - 1] ? 1.7 : 1.0;
    }

    // ---- the month-by-month simulation

    private void simulate(MarketingPlan marketing) {
        for (YearMonth ym = YearMonth.from(SampleCompany.START);
                !ym.isAfter(YearMonth.from(SampleCompany.END));
                ym = ym.plusMonths(1)) {
            for (MarketingPlan.Acquisition a : marketing.acquisitions(ym)) {
                Customer c = newCustomer(a, ym);
                customers.add(c);
                ServiceLineSpec line = c.lines.getFirst();
                scheduleJob(c, line, a.date().atTime(rng.between(7, 19), rng.between(0, 59)), null);
            }
            for (Customer c : customers) {
                if (c.churnedOn != null || !c.acquiredOn.isBefore(ym.atDay(1))) {
                    continue;
                }
                if (rng.chance(churnHazard(c, ym))) {
                    c.churnedOn = ym.atDay(rng.between(1, ym.lengthOfMonth()));
                    continue;
                }
                for (ServiceLineSpec line : c.lines) {
                    double rate = (c.commercial ? 0.3 : 0.15) * line.season(ym.getMonthValue());
                    if (line == ServiceLineSpec.ROOFING) {
                        rate *= 0.5 * roofingStormFactor(ym);
                    }
                    int count = rng.poisson(rate);
                    for (int i = 0; i < count; i++) {
                        LocalDate day = ym.atDay(rng.between(1, ym.lengthOfMonth()));
                        scheduleJob(c, line, day.atTime(rng.between(6, 20), rng.between(0, 59)), null);
                    }
                }
            }
            releaseCallbacks(ym);
        }
        company.put(Customer.table(customers));
        company.put(marketing.leads(rng, customers));
    }

    private double churnHazard(Customer c, YearMonth ym) {
        LocalDate now = ym.atDay(1);
        double h = c.commercial ? BASE_CHURN_COMMERCIAL : BASE_CHURN_RESIDENTIAL;
        if (c.callbackSince != null && !c.callbackSince.isAfter(now)) {
            h *= CHURN_AFTER_CALLBACK;
        }
        if (c.poorRatingSince != null && !c.poorRatingSince.isAfter(now)) {
            h *= CHURN_AFTER_POOR_RATING;
        }
        if (c.latePaymentSince != null && !c.latePaymentSince.isAfter(now)) {
            h *= CHURN_AFTER_LATE_PAYMENT;
        }
        return h;
    }

    private Customer newCustomer(MarketingPlan.Acquisition a, YearMonth ym) {
        Customer c = new Customer();
        c.ref = "C%05d".formatted(customers.size() + 1);
        c.channel = a.channel().code();
        c.campaignRef = a.campaignRef();
        c.acquiredOn = a.date();
        c.commercial = rng.chance(a.channel().commercialShare());
        Names.Town town = rng.pick(Names.TOWNS);
        c.town = town;
        c.lat = town.lat() + rng.gaussian() * 0.035;
        c.lon = town.lon() + rng.gaussian() * 0.045;
        c.zip = town.zipPrefix() + "%02d".formatted(rng.between(1, 40));
        String last = rng.pick(Names.LAST);
        c.name = c.commercial
                ? (rng.chance(0.5) ? last + " " : town.name() + " ") + rng.pick(Names.BUSINESS_KIND)
                : rng.pick(Names.FIRST) + " " + last;
        c.address = rng.between(100, 9899) + " " + rng.pick(Names.STREETS) + " " + rng.pick(Names.STREET_KIND);
        c.email = c.commercial
                ? "office" + c.ref.substring(1) + "@example.com"
                : (c.name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + c.ref.substring(3) + "@example.net");
        c.phone = "(555) %03d-%04d".formatted(rng.between(200, 999), rng.between(0, 9999));
        double[] lineWeights =
                c.commercial ? new double[] {0.3, 0.25, 0.25, 0.15, 0.05} : new double[] {0.35, 0.25, 0.15, 0.15, 0.1};
        if (c.campaignRef != null && a.campaignLine() != null) {
            c.lines.add(a.campaignLine());
        } else {
            c.lines.add(ServiceLineSpec.ALL[rng.weighted(lineWeights)]);
        }
        int extra = c.commercial ? rng.between(1, 2) : (rng.chance(0.35) ? 1 : 0);
        for (int i = 0; i < extra; i++) {
            ServiceLineSpec more = ServiceLineSpec.ALL[rng.weighted(lineWeights)];
            if (!c.lines.contains(more)) {
                c.lines.add(more);
            }
        }
        double payer = rng.uniform();
        c.payer = payer < 0.70 ? Customer.Payer.PROMPT : payer < 0.93 ? Customer.Payer.SLOW : Customer.Payer.BAD;
        return c;
    }

    // ---- jobs, scheduling, invoices

    private String priority(ServiceLineSpec line, boolean callback) {
        if (callback) {
            return "high";
        }
        double emergency = line == ServiceLineSpec.HVAC || line == ServiceLineSpec.PLUMBING ? 0.08 : 0.02;
        double x = rng.uniform();
        if (x < emergency) {
            return "emergency";
        }
        if (x < emergency + 0.15) {
            return "high";
        }
        return x < 0.85 ? "normal" : "low";
    }

    private static int leadDays(String priority) {
        return switch (priority) {
            case "emergency" -> 0;
            case "high" -> 1;
            case "normal" -> 2;
            default -> 5;
        };
    }

    private void scheduleJob(Customer c, ServiceLineSpec line, LocalDateTime requested, String callbackOf) {
        String priority = priority(line, callbackOf != null);
        double estimated = Math.round(rng.uniform(line.minHours(), line.maxHours()) * 4) / 4.0;
        LocalDate earliest = requested
                .toLocalDate()
                .plusDays(leadDays(priority) + (priority.equals("low") ? rng.between(0, 7) : rng.between(0, 3)));
        Booking booking = book(c, line, estimated, earliest);
        String ref = "J%06d".formatted(++jobSeq);
        Tech tech = booking.tech;
        boolean future = booking.start.toLocalDate().isAfter(SampleCompany.END);
        boolean cancelled = !future && callbackOf == null && rng.chance(0.03);
        LocalDateTime windowStart =
                booking.start.minusMinutes(booking.start.getMinute()).minusHours(1);
        LocalDateTime shiftStart = booking.start.toLocalDate().atTime(tech.shiftStart);
        if (windowStart.isBefore(shiftStart)) {
            windowStart = shiftStart;
        }
        LocalDateTime windowEnd = windowStart.plusHours(line == ServiceLineSpec.ROOFING ? 2 : 4);
        Equipment used = line.equipmentRate() > 0 && rng.chance(0.55) ? specialty(line) : null;
        if (future || cancelled) {
            jobs.add(
                    ref,
                    c.ref,
                    line.code(),
                    tech.ref,
                    null,
                    callbackOf,
                    future ? "scheduled" : "cancelled",
                    priority,
                    requested,
                    windowStart,
                    windowEnd,
                    booking.start,
                    null,
                    null,
                    Values.hours(estimated),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            return;
        }
        LocalDateTime completed = booking.start.plusMinutes(Math.round(booking.actualHours * 60));
        double material = callbackOf != null
                ? line.materialCost() * 0.3 * rng.logNormal(0.4)
                : line.materialCost() * rng.logNormal(0.5);
        double revenue = callbackOf != null
                ? 0
                : estimated * line.hourlyRate() * SampleCompany.priorityPremium(priority) + material * 1.35;
        double labour = booking.actualHours * tech.hourlyCost;
        double equipmentCost =
                booking.actualHours * (used != null ? line.equipmentRate() : 0) + booking.actualHours * 4.5;
        if (tech.van != null) {
            tech.van.usageHours += booking.actualHours + booking.travelMinutes / 60.0;
        }
        if (used != null) {
            used.usageHours += booking.actualHours;
        }
        boolean getsCallback = callbackOf == null && rng.chance(0.07 * (1.7 - tech.quality));
        Integer rating = null;
        if (rng.chance(0.65)) {
            double score = 4.3
                    + (tech.ratingQuality - 1) * 1.6
                    + rng.gaussian() * 0.6
                    - (getsCallback ? 1.6 : 0)
                    - (booking.actualHours > estimated * 1.25 ? 0.5 : 0);
            rating = (int) Math.max(1, Math.min(5, Math.round(score)));
            if (rating <= 2 && c.poorRatingSince == null) {
                c.poorRatingSince = completed.toLocalDate();
            }
        }
        jobs.add(
                ref,
                c.ref,
                line.code(),
                tech.ref,
                used != null ? used.ref : null,
                callbackOf,
                "completed",
                priority,
                requested,
                windowStart,
                windowEnd,
                booking.start,
                booking.start,
                completed,
                Values.hours(estimated),
                Values.hours(booking.actualHours),
                booking.travelMinutes,
                Values.money(revenue),
                Values.money(labour),
                Values.money(material),
                Values.money(equipmentCost),
                rating);
        if (getsCallback) {
            LocalDateTime again = completed.plusDays(rng.between(2, 14)).withHour(rng.between(7, 18));
            pendingCallbacks.add(new PendingCallback(c, line, again, ref));
            if (c.callbackSince == null) {
                c.callbackSince = again.toLocalDate();
            }
        }
        if (revenue > 0) {
            billing.invoice(c, ref, completed.toLocalDate(), revenue);
        }
    }

    /** Callbacks are booked in the month they fall in, so the technicians' days fill in time order. */
    private void releaseCallbacks(YearMonth ym) {
        List<PendingCallback> due = new ArrayList<>();
        for (PendingCallback p : pendingCallbacks) {
            if (!YearMonth.from(p.requested()).isAfter(ym)) {
                due.add(p);
            }
        }
        pendingCallbacks.removeAll(due);
        for (PendingCallback p : due) {
            scheduleJob(p.customer(), p.line(), p.requested(), p.original());
        }
    }

    private Equipment specialty(ServiceLineSpec line) {
        List<Equipment> options = equipment.stream().filter(e -> e.line == line).toList();
        return rng.pick(options);
    }

    /** The hours a job takes this technician: the estimate at their speed, with noise, to the 3 minutes. */
    private double actualHours(Tech tech, double estimated) {
        double actual = Math.max(0.5, estimated * tech.speed * rng.logNormal(0.15));
        return Math.round(actual * 20) / 20.0;
    }

    private Booking book(Customer c, ServiceLineSpec line, double estimated, LocalDate earliest) {
        for (int offset = 0; offset < 60; offset++) {
            LocalDate day = earliest.plusDays(offset);
            Booking best = null;
            for (Tech tech : techs) {
                if (!tech.skills.contains(line) || !tech.worksOn(day.getDayOfWeek()) || !tech.employedOn(day)) {
                    continue;
                }
                Day d = bookings.get(key(tech, day));
                int cursor = d == null ? minutes(tech.shiftStart) : d.cursor;
                double fromLat = d == null ? tech.lat : d.lat;
                double fromLon = d == null ? tech.lon : d.lon;
                int travel = travelMinutes(fromLat, fromLon, c.lat, c.lon);
                double actual = actualHours(tech, estimated);
                int start = cursor + travel;
                if (start + actual * 60 > minutes(tech.shiftEnd)) {
                    continue;
                }
                if (best == null || cursor < best.cursorBefore) {
                    best = new Booking(tech, day.atStartOfDay().plusMinutes(start), actual, travel, cursor);
                }
            }
            if (best != null) {
                Day d = bookings.computeIfAbsent(key(best.tech, day), k -> new Day());
                d.cursor = best.start.getHour() * 60
                        + best.start.getMinute()
                        + (int) Math.ceil(best.actualHours * 60)
                        + 10;
                d.lat = c.lat;
                d.lon = c.lon;
                return best;
            }
        }
        // A job longer than any skilled technician's free time (a long roof job on a short shift): the
        // first skilled technician at work takes it after that day's bookings and works over time.
        for (int offset = 0; offset < 60; offset++) {
            LocalDate day = earliest.plusDays(offset);
            for (Tech tech : techs) {
                if (tech.skills.contains(line) && tech.worksOn(day.getDayOfWeek()) && tech.employedOn(day)) {
                    Day d = bookings.computeIfAbsent(key(tech, day), k -> new Day());
                    boolean first = d.cursor == 0;
                    if (!first && d.cursor > 18 * 60) {
                        continue;
                    }
                    int cursor = first ? minutes(tech.shiftStart) : d.cursor;
                    int travel = first
                            ? travelMinutes(tech.lat, tech.lon, c.lat, c.lon)
                            : travelMinutes(d.lat, d.lon, c.lat, c.lon);
                    double actual = actualHours(tech, estimated);
                    int start = cursor + travel;
                    d.cursor = start + (int) Math.ceil(actual * 60) + 10;
                    d.lat = c.lat;
                    d.lon = c.lon;
                    return new Booking(tech, day.atStartOfDay().plusMinutes(start), actual, travel, cursor);
                }
            }
        }
        throw new IllegalStateException("No technician can take a " + line.code() + " job from " + earliest);
    }

    private static long key(Tech tech, LocalDate day) {
        return day.toEpochDay() * 1000 + Integer.parseInt(tech.ref.substring(1));
    }

    private static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    /** Road time between two points: 8 minutes to get going plus 1.6 minutes per road kilometre. */
    static int travelMinutes(double lat1, double lon1, double lat2, double lon2) {
        double r = 6371.0;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        double km = 2 * r * Math.asin(Math.sqrt(a)) * 1.3;
        return (int) Math.round(8 + km * 1.6);
    }

    // ---- simulation state

    private static final class Day {
        int cursor;
        double lat;
        double lon;
    }

    private record Booking(Tech tech, LocalDateTime start, double actualHours, int travelMinutes, int cursorBefore) {}

    private record PendingCallback(Customer customer, ServiceLineSpec line, LocalDateTime requested, String original) {}
}
