package quant.core.pricing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import quant.core.analysis.AsOf;
import quant.core.analysis.Assets;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.finance.ProfitabilityAnalysis;
import quant.core.finance.ProfitabilityResult;
import quant.core.finance.ProfitabilitySpec;
import quant.core.forecast.Method;
import quant.core.forecast.business.DemandAnalysis;
import quant.core.forecast.business.DemandResult;
import quant.core.forecast.business.OutlookSpec;
import quant.core.job.JobMonitor;
import quant.core.settings.PricingRules;

/**
 * What a job should be quoted at: its cost built up from the company's own records of the 12 months to
 * the as-of date, a margin, and adjustments, every factor a business setting ({@link PricingRules}).
 *
 * <ul>
 *   <li>Labour = the line's labour cost an hour (its jobs' labour cost ÷ their actual hours) × hours ×
 *       the skill multiplier; travel = the line's mean travel minutes a job ÷ 60 × that cost an hour.
 *   <li>Equipment = hours × the share of the line's jobs that used one of its machines × (the machines'
 *       cost ÷ (life in years × their hours of use a year) + their maintenance and repairs ÷ their hours
 *       of use).
 *   <li>Overhead by the profitability rule ({@code profitability.overheadBy}): per hour of labour, per
 *       job, or as a share of revenue — the line's overhead of the 12 months ({@link ProfitabilityAnalysis})
 *       ÷ its hours, its jobs or its revenue.
 *   <li>Labour, travel, equipment and overhead are priced at cost ÷ (1 − target margin) (with the revenue
 *       rule: cost without overhead ÷ (1 − margin − overhead share)); materials at cost × waste × (1 +
 *       markup).
 *   <li>Adjustments: × the priority's factor, × the segment's, and × the busy or quiet factor when the
 *       demand forecast's utilisation of the line's skill in the requested week is at or above the busy
 *       level or below the quiet one.
 * </ul>
 *
 * <p>For comparison, the usual price of the same work: the line's going rate (revenue less materials
 * priced, ÷ estimated hours, of its normal-priority jobs that are not callbacks) × hours + the materials
 * priced; and the chance of winning at the quote's ratio to it, read off the pricing curve of the line
 * and segment ({@link PricingAnalysis}) with the usual price placed where that line and segment's
 * quotes usually sit (their median ratio to list price).
 */
public final class QuoteCalculator {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS = parts();

    private static final List<String> PRIORITIES = List.of("low", "normal", "high", "emergency");

    private QuoteCalculator() {}

    private static List<Part<?>> parts() {
        LinkedHashSet<Part<?>> all = new LinkedHashSet<>();
        all.addAll(ProfitabilityAnalysis.PARTS);
        all.addAll(DemandAnalysis.PARTS);
        all.addAll(PricingAnalysis.PARTS);
        all.add(Assets.Equipment.PART);
        all.add(Assets.Events.PART);
        return List.copyOf(all);
    }

    public static QuoteResult quote(
            Snapshot s,
            QuoteSpec spec,
            PricingRules rules,
            String overheadBy,
            List<String> stageOrder,
            JobMonitor monitor) {
        if (s.serviceLines().size() == 0) {
            throw new InvalidSpecException(
                    "The database holds no service lines: import them (table service_line) and their jobs to quote from.");
        }
        int line = s.serviceLines().find(spec.line());
        if (line < 0) {
            throw new InvalidSpecException("No service line has the code " + spec.line() + " (the lines are "
                    + String.join(", ", lineCodes(s)) + ").");
        }
        if (!(spec.hours() > 0) || spec.hours() > 1000) {
            throw new InvalidSpecException(
                    "The hours must be more than 0 and at most 1,000, not " + spec.hours() + ".");
        }
        if (!PRIORITIES.contains(spec.priority())) {
            throw new InvalidSpecException(
                    "The priority must be low, normal, high or emergency, not " + spec.priority() + ".");
        }
        if (!(spec.materials() >= 0)) {
            throw new InvalidSpecException("The materials' cost cannot be negative.");
        }
        AsOf asOf = AsOf.resolve(s, spec.asOf());
        int end = asOf.day();
        LocalDate date = spec.date().orElse(asOf.date().plusDays(7));
        List<String> notes = new ArrayList<>();
        monitor.progress(0, 4, "Reading the line's costs");
        LineCosts costs = LineCosts.of(s, line, end, rules.equipmentLifeYears(), rules.materialMarkup());
        if (costs.jobs() == 0) {
            throw new InvalidSpecException("The line " + spec.line() + " has no completed jobs in the 12 months to "
                    + asOf.date() + ": there is no cost to quote from.");
        }
        double h = spec.hours();
        List<QuoteResult.Part> parts = new ArrayList<>();
        double labour = costs.labourPerHour() * h * rules.skillMultiplier();
        parts.add(new QuoteResult.Part(
                "labour",
                "Labour",
                labour,
                String.format(
                        Locale.ROOT,
                        "%s h × %.2f an hour × %s (skill)",
                        trim(h),
                        costs.labourPerHour(),
                        trim(rules.skillMultiplier()))));
        double travel = costs.travelMinutesPerJob() / 60 * costs.labourPerHour();
        parts.add(new QuoteResult.Part(
                "travel",
                "Travel",
                travel,
                String.format(
                        Locale.ROOT,
                        "%.0f minutes, the line's mean a job, at %.2f an hour",
                        costs.travelMinutesPerJob(),
                        costs.labourPerHour())));
        double equipment = h * costs.machineShare() * costs.machinePerHour();
        parts.add(new QuoteResult.Part(
                "equipment",
                "Equipment",
                equipment,
                costs.machinePerHour() > 0
                        ? String.format(
                                Locale.ROOT,
                                "%s h × %.0f %% of jobs use a machine × %.2f an hour (write-off over %d years and upkeep)",
                                trim(h),
                                100 * costs.machineShare(),
                                costs.machinePerHour(),
                                rules.equipmentLifeYears())
                        : "no machine of the line with use recorded"));
        monitor.progress(1, 4, "Sharing out overhead");
        ProfitabilityResult profit = ProfitabilityAnalysis.run(
                s,
                ProfitabilitySpec.DEFAULT.withAsOf(Optional.of(asOf.date())).withOverheadBy(overheadBy),
                JobMonitor.NONE);
        ProfitabilityResult.Row row = profit.rows().stream()
                .filter(r -> r.key().equals(spec.line()))
                .findFirst()
                .orElse(null);
        double margin = rules.targetMargin();
        double direct = labour + travel + equipment;
        double overhead;
        double priced;
        String overheadBasis;
        if (row == null || row.overhead() <= 0) {
            overhead = 0;
            priced = direct / (1 - margin);
            overheadBasis = "no overhead on the line's jobs in the 12 months";
        } else if (overheadBy.equals("revenue")) {
            double share = row.revenue() > 0 ? row.overhead() / row.revenue() : 0;
            if (margin + share >= 0.95) {
                throw new InvalidSpecException(String.format(
                        Locale.ROOT,
                        "The target margin (%.0f %%) and the line's overhead share of revenue (%.0f %%) leave no room"
                                + " for costs: lower the target margin.",
                        100 * margin,
                        100 * share));
            }
            priced = direct / (1 - margin - share);
            overhead = share * priced;
            overheadBasis =
                    String.format(Locale.ROOT, "%.1f %% of the price: the line's overhead ÷ its revenue", 100 * share);
        } else if (overheadBy.equals("jobs")) {
            overhead = row.jobs() > 0 ? row.overhead() / row.jobs() : 0;
            priced = (direct + overhead) / (1 - margin);
            overheadBasis = "the line's overhead ÷ its " + row.jobs() + " jobs";
        } else {
            double perHour = row.hours() > 0 ? row.overhead() / row.hours() : 0;
            overhead = perHour * h;
            priced = (direct + overhead) / (1 - margin);
            overheadBasis = String.format(
                    Locale.ROOT, "%s h × %.2f an hour: the line's overhead ÷ its labour hours", trim(h), perHour);
        }
        parts.add(new QuoteResult.Part("overhead", "Overhead", overhead, overheadBasis));
        parts.add(new QuoteResult.Part(
                "margin",
                "Margin",
                priced - direct - overhead,
                String.format(
                        Locale.ROOT, "%.0f %% of the price of labour, travel, equipment and overhead", 100 * margin)));
        double materialCost = spec.materials() * rules.materialWaste();
        parts.add(new QuoteResult.Part(
                "materials",
                "Materials",
                materialCost,
                String.format(Locale.ROOT, "%.2f × %s waste", spec.materials(), trim(rules.materialWaste()))));
        parts.add(new QuoteResult.Part(
                "markup",
                "Materials markup",
                materialCost * rules.materialMarkup(),
                String.format(Locale.ROOT, "%.0f %% of the materials", 100 * rules.materialMarkup())));
        double before = priced + materialCost * (1 + rules.materialMarkup());
        monitor.progress(2, 4, "Reading the week's forecast");
        List<QuoteResult.Adjustment> adjustments = new ArrayList<>();
        adjustments.add(
                new QuoteResult.Adjustment("priority", rules.priority(spec.priority()), "priority " + spec.priority()));
        String segment = spec.segment().orElse(null);
        adjustments.add(new QuoteResult.Adjustment(
                "segment", rules.segment(segment), segment == null ? "no segment given" : "segment " + segment));
        adjustments.add(week(s, asOf, spec.line(), date, rules, notes, monitor));
        double price = before;
        for (QuoteResult.Adjustment a : adjustments) {
            price *= a.factor();
        }
        monitor.progress(3, 4, "Comparing with the usual price");
        double usual = costs.goingRate() * h + materialCost * (1 + rules.materialMarkup());
        double ratio = usual > 0 ? price / usual : Double.NaN;
        double win = Double.NaN;
        PricingResult.Curve curve = null;
        if (Double.isFinite(ratio)) {
            PricingResult pricing;
            try {
                pricing = PricingAnalysis.run(s, Optional.of(asOf.date()), stageOrder, JobMonitor.NONE);
            } catch (InvalidSpecException noDeals) {
                pricing = null;
                notes.add("There is no quote history to tell the chance of winning: " + noDeals.getMessage());
            }
            String seg = segment == null ? "residential" : segment;
            curve = pricing == null
                    ? null
                    : pricing.curves().stream()
                            .filter(c ->
                                    c.line().equals(spec.line()) && c.segment().equalsIgnoreCase(seg))
                            .findFirst()
                            .orElse(null);
            if (curve == null && pricing != null) {
                notes.add("There is no pricing curve for " + spec.line() + " and " + seg
                        + (pricing.refusal() != null ? ": " + pricing.refusal() : ": too few quotes of its own."));
            } else if (curve != null) {
                // the usual price of the work sits where the line and segment's quotes usually sit
                win = winAt(curve, ratio * curve.medianRatio(), notes);
            }
        }
        monitor.progress(4, 4, "Done");
        return new QuoteResult(
                asOf,
                spec.line(),
                h,
                spec.priority(),
                segment,
                spec.materials(),
                date,
                List.copyOf(parts),
                direct + overhead + materialCost,
                before,
                List.copyOf(adjustments),
                price,
                costs.goingRate(),
                usual,
                ratio,
                win,
                curve,
                List.copyOf(notes),
                definitions());
    }

    /** The busy, quiet or ordinary factor of the requested week by the demand forecast of the line's skill. */
    private static QuoteResult.Adjustment week(
            Snapshot s,
            AsOf asOf,
            String line,
            LocalDate date,
            PricingRules rules,
            List<String> notes,
            JobMonitor monitor) {
        DemandResult demand;
        try {
            demand = DemandAnalysis.run(
                    s, new OutlookSpec(Optional.of(asOf.date()), DemandAnalysis.DEFAULT_DAYS, Method.AUTO), monitor);
        } catch (InvalidSpecException | quant.core.stats.ModelFitException noForecast) {
            notes.add("Without a demand forecast (" + noForecast.getMessage()
                    + ") the week is priced as an ordinary one.");
            return new QuoteResult.Adjustment("week", 1, "no forecast");
        }
        LocalDate monday = date.with(java.time.DayOfWeek.MONDAY);
        for (DemandResult.Capacity c : demand.capacity()) {
            if (!c.skill().equals(line)) {
                continue;
            }
            for (DemandResult.CapacityWeek w : c.weeks()) {
                if (w.weekStart().equals(monday) && Double.isFinite(w.utilisation())) {
                    double u = w.utilisation();
                    String words = String.format(
                            Locale.ROOT, "week of %s: %.0f %% of the skill's hours needed", monday, 100 * u);
                    if (u >= rules.busyFrom()) {
                        return new QuoteResult.Adjustment("week", rules.busyFactor(), words + " (busy)");
                    }
                    if (u < rules.quietBelow()) {
                        return new QuoteResult.Adjustment("week", rules.quietFactor(), words + " (quiet)");
                    }
                    return new QuoteResult.Adjustment("week", 1, words);
                }
            }
        }
        notes.add("The week of " + monday
                + " is outside the demand forecast's weeks, so it is priced as an ordinary week.");
        return new QuoteResult.Adjustment("week", 1, "week of " + monday + ": no forecast");
    }

    /** The curve's win probability at a ratio, the nearest end when outside the ratios quoted. */
    private static double winAt(PricingResult.Curve c, double ratio, List<String> notes) {
        List<PricingResult.Point> p = c.points();
        if (ratio <= p.getFirst().ratio() || ratio >= p.getLast().ratio()) {
            notes.add(String.format(
                    Locale.ROOT,
                    "This quote is %.2f × the usual price, beyond the %.2f–%.2f × usual quoted so far: its chance of"
                            + " winning is that of the nearest end.",
                    ratio / c.medianRatio(),
                    p.getFirst().ratio() / c.medianRatio(),
                    p.getLast().ratio() / c.medianRatio()));
            return ratio <= p.getFirst().ratio()
                    ? p.getFirst().win()
                    : p.getLast().win();
        }
        for (int k = 1; k < p.size(); k++) {
            if (p.get(k).ratio() >= ratio) {
                PricingResult.Point a = p.get(k - 1);
                PricingResult.Point b = p.get(k);
                double t = (ratio - a.ratio()) / (b.ratio() - a.ratio());
                return a.win() + t * (b.win() - a.win());
            }
        }
        return p.getLast().win();
    }

    private static List<String> lineCodes(Snapshot s) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < s.serviceLines().size(); k++) {
            out.add(s.serviceLines().value(k));
        }
        return out;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static List<String> definitions() {
        return List.of(
                "Labour = the line's labour cost an hour (labour cost ÷ actual hours of its jobs, 12 months) × hours ×"
                        + " the skill multiplier; travel = its mean travel minutes a job at that cost.",
                "Equipment = hours × the share of the line's jobs using one of its machines × (cost ÷ (life × hours of"
                        + " use a year) + maintenance and repairs ÷ hours of use).",
                "Overhead by the profitability rule: per labour hour, per job, or as the line's share of revenue.",
                "Labour, travel, equipment and overhead are priced at cost ÷ (1 − target margin); materials at cost ×"
                        + " waste × (1 + markup); then × the priority, segment and week factors.",
                "Usual price = the line's going rate (revenue less materials priced ÷ estimated hours of its"
                        + " normal-priority first visits, 12 months) × hours + the materials priced.");
    }
}
