package quant.core.market;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import quant.core.analysis.AsOf;
import quant.core.analysis.Codes;
import quant.core.analysis.Commercial;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.job.JobMonitor;

/**
 * Market position from imported market sizes and competitor observations.
 *
 * <ul>
 *   <li>A market figure covers its period: from its {@code period_start} to the day before the next
 *       figure of the same segment and metric (the last one as long as the one before it, a year when
 *       it is alone).
 *   <li>Share = our revenue of completed jobs in the segment's service line (the line whose code is
 *       the segment) in the period ÷ the market value, for metrics that measure revenue or sales;
 *       for a period not over by the as-of date, our revenue so far ÷ the market value pro rata.
 *   <li>Trend: the share in the first and the latest complete period; growth of market and revenue
 *       from the complete period before the latest to the latest.
 *   <li>Opportunity: a line whose market grew faster than our revenue in the latest complete period;
 *       its gap is the revenue the previous period's share of the latest market would have given,
 *       less the revenue we had.
 *   <li>Competitors: each one's latest observation per metric by the as-of date, and its change from
 *       its latest observation at least a year before that.
 * </ul>
 */
public final class MarketAnalysis {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS =
            List.of(Snapshot.Jobs.PART, Commercial.Figures.MARKET_SIZES, Commercial.Figures.COMPETITORS);

    private MarketAnalysis() {}

    public static MarketResult run(Snapshot s, Optional<LocalDate> asOfDate, JobMonitor monitor) {
        Snapshot com = s;
        if (com.marketSizes().size() == 0 && com.competitors().size() == 0) {
            throw new InvalidSpecException("The database holds no market sizes or competitor observations: import"
                    + " them (tables market_size and competitor_observation) to see the market position.");
        }
        AsOf asOf = AsOf.resolve(s, asOfDate);
        int end = asOf.day();
        monitor.progress(0, 3, "Market share");
        List<MarketResult.Period> periods = periods(s, end);
        List<MarketResult.Line> lines = new ArrayList<>();
        List<MarketResult.Opportunity> opportunities = new ArrayList<>();
        Map<String, List<MarketResult.Period>> bySegment = new TreeMap<>();
        Map<String, String> names = segmentNames(s);
        for (MarketResult.Period p : periods) {
            if (p.complete() && !Double.isNaN(p.share())) {
                bySegment.computeIfAbsent(p.segment(), k -> new ArrayList<>()).add(p);
            }
        }
        bySegment.forEach((segment, list) -> {
            list.sort(Comparator.comparing(MarketResult.Period::start));
            MarketResult.Period first = list.getFirst();
            MarketResult.Period last = list.getLast();
            MarketResult.Period before = list.size() > 1 ? list.get(list.size() - 2) : null;
            double marketGrowth = before == null ? Double.NaN : last.marketValue() / before.marketValue() - 1;
            double revenueGrowth = before == null || before.ourRevenue() <= 0
                    ? Double.NaN
                    : last.ourRevenue() / before.ourRevenue() - 1;
            lines.add(new MarketResult.Line(
                    segment,
                    label(first),
                    label(last),
                    first.share(),
                    last.share(),
                    100 * (last.share() - first.share()),
                    round4(marketGrowth),
                    round4(revenueGrowth)));
            if (before != null && marketGrowth > revenueGrowth) {
                double held = before.share() * last.marketValue();
                opportunities.add(new MarketResult.Opportunity(
                        segment,
                        label(last),
                        round4(marketGrowth),
                        round4(revenueGrowth),
                        round(held),
                        round(last.ourRevenue()),
                        round(held - last.ourRevenue()),
                        String.format(
                                        Locale.ROOT,
                                        "%s: the market grew %.0f %% in %s, our revenue %.0f %%; ",
                                        MarketResult.nameOf(names, segment),
                                        100 * marketGrowth,
                                        label(last),
                                        100 * revenueGrowth)
                                + (last.ourRevenue() > 0
                                        ? String.format(
                                                Locale.ROOT,
                                                "at %s's share our revenue would have been %.0f %% higher.",
                                                label(before),
                                                100 * (held / last.ourRevenue() - 1))
                                        : String.format(
                                                Locale.ROOT,
                                                "we took none of it, where we held %.2f %% in %s.",
                                                100 * before.share(),
                                                label(before)))));
            }
        });
        opportunities.sort(Comparator.comparingDouble((MarketResult.Opportunity o) -> -o.gap()));
        monitor.progress(1, 3, "Competitors");
        List<MarketResult.Competitor> competitors = competitors(com.competitors(), end);
        double rating = ourRating(s, end);
        monitor.progress(2, 3, "SWOT suggestions");
        return new MarketResult(
                asOf,
                periods,
                List.copyOf(lines),
                List.copyOf(opportunities),
                competitors,
                rating,
                SwotSuggestions.of(lines, opportunities, competitors, rating, names),
                names,
                definitions());
    }

    /** The service lines' own names by code: the segments that are lines read as their names. */
    static Map<String, String> segmentNames(Snapshot s) {
        Map<String, String> names = new java.util.TreeMap<>();
        for (String code : s.serviceLines().values()) {
            names.put(code, s.serviceLines().label(code));
        }
        return names;
    }

    static boolean measuresRevenue(String metric) {
        String m = metric.toLowerCase(Locale.ROOT);
        return m.contains("revenue") || m.contains("sales");
    }

    private static List<MarketResult.Period> periods(Snapshot s, int end) {
        Commercial.Figures f = s.marketSizes();
        Map<String, List<Integer>> series = new TreeMap<>();
        for (int i = 0; i < f.size(); i++) {
            if (f.key(i) == Codes.NONE || f.metric(i) == Codes.NONE || f.day(i) == Snapshot.NO_DAY) {
                continue;
            }
            series.computeIfAbsent(
                            f.keys().value(f.key(i)) + "\u0000" + f.metrics().value(f.metric(i)),
                            k -> new ArrayList<>())
                    .add(i);
        }
        Snapshot.Jobs jobs = s.jobs();
        List<MarketResult.Period> out = new ArrayList<>();
        for (List<Integer> rows : series.values()) {
            rows.sort(Comparator.comparingInt(f::day));
            for (int k = 0; k < rows.size(); k++) {
                int i = rows.get(k);
                LocalDate start = LocalDate.ofEpochDay(f.day(i));
                if (f.day(i) > end) {
                    continue;
                }
                LocalDate next;
                if (k + 1 < rows.size()) {
                    next = LocalDate.ofEpochDay(f.day(rows.get(k + 1)));
                } else if (k > 0) {
                    // as long as the period before: whole months stay whole months (2024 has 366 days)
                    LocalDate previous = LocalDate.ofEpochDay(f.day(rows.get(k - 1)));
                    java.time.Period gap = java.time.Period.between(previous, start);
                    next = gap.getDays() == 0 ? start.plus(gap) : start.plusDays(f.day(i) - f.day(rows.get(k - 1)));
                } else {
                    next = start.plusYears(1);
                }
                LocalDate last = next.minusDays(1);
                boolean complete = last.toEpochDay() <= end;
                String segment = f.keys().value(f.key(i));
                String metric = f.metrics().value(f.metric(i));
                int line = s.serviceLines().find(segment);
                double share = Double.NaN;
                double revenue = Double.NaN;
                if (line != Codes.NONE) {
                    int from = (int) start.toEpochDay();
                    int to = (int) Math.min(last.toEpochDay(), end);
                    revenue = 0;
                    for (int j = 0; j < jobs.size(); j++) {
                        int day = jobs.completedDay(j);
                        if (jobs.serviceLine(j) == line && jobs.isCompleted(j) && day >= from && day <= to) {
                            revenue += jobs.revenue(j);
                        }
                    }
                    if (measuresRevenue(metric) && f.value(i) > 0) {
                        double covered = complete ? 1 : (to - from + 1) / (double) ChronoUnit.DAYS.between(start, next);
                        share = revenue / (f.value(i) * covered);
                    }
                }
                out.add(new MarketResult.Period(
                        segment, metric, start, last, complete, round(f.value(i)), round(revenue), share));
            }
        }
        return List.copyOf(out);
    }

    private static String label(MarketResult.Period p) {
        boolean year = p.start().getDayOfYear() == 1
                && p.end().equals(p.start().plusYears(1).minusDays(1));
        return year ? String.valueOf(p.start().getYear()) : p.start() + "–" + p.end();
    }

    private static List<MarketResult.Competitor> competitors(Commercial.Figures f, int end) {
        Map<String, List<Integer>> series = new TreeMap<>();
        for (int i = 0; i < f.size(); i++) {
            if (f.key(i) == Codes.NONE || f.metric(i) == Codes.NONE || f.day(i) > end) {
                continue;
            }
            series.computeIfAbsent(
                            f.keys().value(f.key(i)) + "\u0000" + f.metrics().value(f.metric(i)),
                            k -> new ArrayList<>())
                    .add(i);
        }
        List<MarketResult.Competitor> out = new ArrayList<>();
        for (List<Integer> rows : series.values()) {
            rows.sort(Comparator.comparingInt(f::day));
            int latest = rows.getLast();
            double change = Double.NaN;
            for (int k = rows.size() - 1; k >= 0; k--) {
                if (f.day(rows.get(k)) <= f.day(latest) - 365) {
                    change = f.value(latest) - f.value(rows.get(k));
                    break;
                }
            }
            out.add(new MarketResult.Competitor(
                    f.keys().value(f.key(latest)),
                    f.segments().value(f.segment(latest)),
                    f.metrics().value(f.metric(latest)),
                    LocalDate.ofEpochDay(f.day(latest)),
                    f.value(latest),
                    round4(change)));
        }
        return List.copyOf(out);
    }

    /** Mean rating (1–5) of the jobs completed in the year to {@code end}; NaN without any. */
    static double ourRating(Snapshot s, int end) {
        Snapshot.Jobs jobs = s.jobs();
        double sum = 0;
        int n = 0;
        for (int j = 0; j < jobs.size(); j++) {
            int day = jobs.completedDay(j);
            if (jobs.isCompleted(j) && jobs.rating(j) > 0 && day <= end && day > end - 365) {
                sum += jobs.rating(j);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.round(sum / n * 100) / 100.0;
    }

    static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
    }

    static double round4(double v) {
        return Double.isFinite(v) ? Math.round(v * 10_000) / 10_000.0 : v;
    }

    static List<String> definitions() {
        return List.of(
                "A market figure covers its period: from its start to the day before the next figure of the same"
                        + " segment and metric.",
                "Share = our revenue of completed jobs in the segment's service line in the period ÷ the market"
                        + " value (pro rata while the period runs); only for revenue or sales figures.",
                "Opportunity: a line whose market grew faster than our revenue in the latest complete period; the"
                        + " gap is the revenue the previous period's share would have given, less ours.",
                "Our rating: the mean rating of jobs completed in the twelve months to the as-of date.",
                "Competitors: the latest observation of each metric, and its change from one at least a year older.");
    }
}
