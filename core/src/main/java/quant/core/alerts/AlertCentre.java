package quant.core.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import quant.core.analysis.Snapshot;
import quant.core.job.JobMonitor;
import quant.core.kpi.Alert;
import quant.core.kpi.AlertRules;
import quant.core.kpi.AlertsResult;
import quant.core.kpi.KpiBoard;
import quant.core.kpi.KpiInputs;
import quant.core.kpi.KpiPeriod;
import quant.core.kpi.KpiResult;
import quant.core.store.Store;

/**
 * One check of the alert rules at the data's last activity date (never a chosen date, so every check
 * sees the same history), merged into the store's alerts.
 */
public final class AlertCentre {
    private AlertCentre() {}

    /** A check's outcome: what is shown, and the alerts it raised (for a notification). */
    public record Check(AlertsResult result, List<Alert> raised, KpiResult monthly) {}

    /**
     * Runs the rules and merges their alerts into {@code store}.
     *
     * @param monthly the KPIs by month at the data's as-of date, when already computed; else empty
     * @param all whether to show resolved alerts too
     */
    public static Check check(
            Store store, Snapshot s, KpiInputs in, Optional<KpiResult> monthly, boolean all, JobMonitor monitor) {
        KpiResult m = monthly.filter(r -> "month".equals(r.period()) && r.asOf().fromData())
                .orElseGet(() -> KpiBoard.run(s, new KpiBoard.Spec(KpiPeriod.MONTH, Optional.empty()), in, monitor));
        List<Alert> computed = AlertRules.evaluate(m, s, in.savedForecasts(), in.rules(), monitor);
        AlertLog.Merge merge = AlertLog.merge(store, computed);
        List<String> notes = new ArrayList<>();
        if (store.readOnlyReason() != null) {
            notes.add("The database is open read-only (" + store.readOnlyReason()
                    + "): new alerts are shown but not kept, and cannot be acknowledged.");
        }
        List<Alert> shown = all ? merge.alerts() : AlertLog.open(merge.alerts());
        return new Check(
                new AlertsResult(m.asOf(), all, merge.raised().size(), shown, notes, definitions(in)),
                merge.raised(),
                m);
    }

    static List<String> definitions(KpiInputs in) {
        return List.of(
                "Level: a KPI at the end of a month (the last 12, the month to date last) at or past its warning or"
                        + " critical level, judged as on the dashboard.",
                "Band: a month of a saved forecast whose actual lies outside the forecast's 95 % bounds.",
                "Sudden: a week's revenue or jobs completed "
                        + Math.round(100 * in.rules().suddenChange())
                        + " % or more away from the mean of the eight weeks before (critical at twice that).",
                "One breach makes one alert: no new alert for the same rule and subject while one is open or within "
                        + in.rules().cooldownDays() + " days of the last raised, unless a warning turns critical;"
                        + " an alert is resolved when the rule finds the subject back within its levels.");
    }
}
