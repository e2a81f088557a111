package quant.core.kpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import quant.core.analysis.Snapshot;
import quant.core.forecast.business.ForecastAccuracy;
import quant.core.forecast.business.SavedForecast;
import quant.core.job.JobMonitor;
import quant.core.settings.KpiRules;

/**
 * The alert rules, run over the history up to the as-of date, and the cooldown that turns their
 * findings into alerts.
 *
 * <ul>
 *   <li><b>level</b>: each KPI at the end of each of the last 12 months (the month to the as-of date
 *       last), judged as the KPI board judges it; warning or critical when it reached that level.
 *   <li><b>band</b>: each month of a saved forecast that is over, warning when the actual lies outside
 *       its 95 % bounds.
 *   <li><b>sudden</b>: revenue and jobs completed per week (Monday to Sunday) over the last 52 whole
 *       weeks, against the mean of the eight weeks before each: warning when it differs by the
 *       sudden-change share (kpi.suddenChange) or more, critical by twice that.
 * </ul>
 *
 * <p>One breach makes one alert: a finding raises an alert only when no alert of the same rule and
 * subject is open and none was raised in the cooldown days before (kpi.alertCooldownDays); an open
 * alert stays open while the breach lasts, is resolved on the first finding back within the levels,
 * and gives way to a new critical alert when a warning becomes critical.
 */
public final class AlertRules {
    /** Whole weeks the sudden-change rule looks back over. */
    static final int WEEKS = 52;

    /** Weeks before each week it is compared with. */
    static final int TRAILING = 8;

    private AlertRules() {}

    /** One finding of a rule: a subject's status on a day. */
    record Finding(
            String rule,
            String subject,
            String view,
            String period,
            LocalDate day,
            KpiStatus status,
            double value,
            double threshold,
            String message) {}

    /**
     * The alerts the rules raise over the history, oldest first, open ones with no resolution day.
     *
     * @param monthly the KPIs by month at the data's as-of date
     * @param saved the saved forecasts
     */
    public static List<Alert> evaluate(
            KpiResult monthly, Snapshot s, List<SavedForecast> saved, KpiRules rules, JobMonitor monitor) {
        if (!"month".equals(monthly.period())) {
            throw new IllegalArgumentException("the level rule reads the KPIs by month, not by " + monthly.period());
        }
        List<Finding> findings = new ArrayList<>();
        findings.addAll(levels(monthly));
        findings.addAll(bands(ForecastAccuracy.run(s, saved, monitor).runs(), monthly));
        findings.addAll(sudden(s, monthly.asOf().date(), rules.suddenChange(), monthly.currency()));
        return timeline(findings, rules.cooldownDays());
    }

    static List<Finding> levels(KpiResult monthly) {
        List<Finding> out = new ArrayList<>();
        for (KpiValue v : monthly.kpis()) {
            Kpi k = v.kpi();
            for (KpiValue.Point p : v.history()) {
                KpiStatus status = KpiStatus.valueOf(p.status().toUpperCase(Locale.ROOT));
                if (status == KpiStatus.NONE) {
                    continue;
                }
                double threshold = status == KpiStatus.CRITICAL ? p.critical() : p.warning() == null ? 0 : p.warning();
                String message = status == KpiStatus.OK
                        ? ""
                        : k.title() + " was " + k.unit().format(p.value(), monthly.currency()) + " in " + p.period()
                                + ", past its " + status.key() + " level of "
                                + k.unit().format(threshold, monthly.currency()) + ".";
                out.add(new Finding(
                        "level", k.id(), k.analysis(), p.period(), p.to(), status, p.value(), threshold, message));
            }
        }
        return out;
    }

    static List<Finding> bands(List<ForecastAccuracy.Run> forecasts, KpiResult monthly) {
        List<Finding> out = new ArrayList<>();
        for (ForecastAccuracy.Run run : forecasts) {
            for (ForecastAccuracy.Month m : run.months()) {
                if (m.actual() == null || !Double.isFinite(m.lower95()) || !Double.isFinite(m.upper95())) {
                    continue;
                }
                double a = m.actual();
                boolean below = a < m.lower95();
                boolean above = a > m.upper95();
                KpiUnit unit = run.subject().startsWith("revenue") ? KpiUnit.MONEY : KpiUnit.COUNT;
                String what = run.label() == null || run.label().isBlank() ? run.subject() : run.label();
                String message = below || above
                        ? capitalised(what) + " in " + m.month() + " was " + unit.format(a, monthly.currency())
                                + ", " + (below ? "below" : "above") + " the 95 % band of the forecast made as of "
                                + run.asOf() + " (" + unit.format(m.lower95(), monthly.currency()) + " to "
                                + unit.format(m.upper95(), monthly.currency()) + ")."
                        : "";
                out.add(new Finding(
                        "band",
                        "forecast " + run.id(),
                        unit == KpiUnit.MONEY ? "revenue" : "demand",
                        m.month(),
                        YearMonth.parse(m.month()).atEndOfMonth(),
                        below || above ? KpiStatus.WARNING : KpiStatus.OK,
                        a,
                        below ? m.lower95() : m.upper95(),
                        message));
            }
        }
        return out;
    }

    static List<Finding> sudden(Snapshot s, LocalDate asOf, double share, String currency) {
        LocalDate lastSunday = asOf.getDayOfWeek() == DayOfWeek.SUNDAY
                ? asOf
                : asOf.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
        int weeks = WEEKS + TRAILING;
        LocalDate firstMonday = lastSunday.minusWeeks(weeks).plusDays(1);
        int first = (int) firstMonday.toEpochDay();
        double[] revenue = new double[weeks];
        double[] jobs = new double[weeks];
        Snapshot.Jobs j = s.jobs();
        for (int i = 0; i < j.size(); i++) {
            if (!j.isCompleted(i)) {
                continue;
            }
            int w = Math.floorDiv(j.completedDay(i) - first, 7);
            if (w >= 0 && w < weeks) {
                revenue[w] += j.revenue(i);
                jobs[w]++;
            }
        }
        int firstActive = 0;
        while (firstActive < weeks && jobs[firstActive] == 0) {
            firstActive++;
        }
        List<Finding> out = new ArrayList<>();
        for (int w = Math.max(TRAILING, firstActive + TRAILING); w < weeks; w++) {
            LocalDate monday = firstMonday.plusWeeks(w);
            out.addAll(
                    week("weekly_revenue", "Revenue", "revenue", revenue, w, monday, share, KpiUnit.MONEY, currency));
            out.addAll(
                    week("weekly_jobs", "Jobs completed", "demand", jobs, w, monday, share, KpiUnit.COUNT, currency));
        }
        return out;
    }

    private static List<Finding> week(
            String subject,
            String name,
            String view,
            double[] series,
            int w,
            LocalDate monday,
            double share,
            KpiUnit unit,
            String currency) {
        double mean = 0;
        for (int k = w - TRAILING; k < w; k++) {
            mean += series[k] / TRAILING;
        }
        if (mean <= 0) {
            return List.of();
        }
        double change = (series[w] - mean) / mean;
        double size = Math.abs(change);
        KpiStatus status = size >= 2 * share ? KpiStatus.CRITICAL : size >= share ? KpiStatus.WARNING : KpiStatus.OK;
        String message = status == KpiStatus.OK
                ? ""
                : name + " in the week of " + monday + " " + (change > 0 ? "rose" : "fell") + " "
                        + String.format(Locale.ROOT, "%.0f %%", 100 * size) + " against the mean of the "
                        + TRAILING + " weeks before (" + unit.format(series[w], currency) + " against "
                        + unit.format(mean, currency) + ").";
        return List.of(new Finding(
                "sudden", subject, view, "week of " + monday, monday.plusDays(6), status, series[w], mean, message));
    }

    /** The cooldown: findings, in day order per rule and subject, become alerts. */
    static List<Alert> timeline(List<Finding> findings, int cooldownDays) {
        Map<String, List<Finding>> bySubject = new LinkedHashMap<>();
        for (Finding f : findings) {
            bySubject
                    .computeIfAbsent(f.rule() + "\u0000" + f.subject(), x -> new ArrayList<>())
                    .add(f);
        }
        List<Alert> out = new ArrayList<>();
        for (List<Finding> list : bySubject.values()) {
            list.sort(Comparator.comparing(Finding::day));
            int open = -1;
            LocalDate lastRaised = null;
            for (Finding f : list) {
                if (f.status() == KpiStatus.OK) {
                    if (open >= 0) {
                        out.set(open, out.get(open).with(0, "resolved", f.day(), null));
                        open = -1;
                    }
                    continue;
                }
                if (open >= 0) {
                    Alert current = out.get(open);
                    if (f.status() == KpiStatus.CRITICAL && "warning".equals(current.level())) {
                        out.set(open, current.with(0, "resolved", f.day(), null));
                        out.add(alert(f));
                        open = out.size() - 1;
                        lastRaised = f.day();
                    }
                    continue;
                }
                if (lastRaised == null || f.day().toEpochDay() - lastRaised.toEpochDay() >= cooldownDays) {
                    out.add(alert(f));
                    open = out.size() - 1;
                    lastRaised = f.day();
                }
            }
        }
        out.sort(
                Comparator.comparing(Alert::raisedAt).thenComparing(Alert::rule).thenComparing(Alert::kpi));
        return out;
    }

    private static Alert alert(Finding f) {
        return new Alert(
                0,
                f.rule(),
                f.subject(),
                f.status().key(),
                f.period(),
                f.day(),
                f.value(),
                f.threshold(),
                f.message(),
                f.view(),
                "raised",
                null,
                null);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
