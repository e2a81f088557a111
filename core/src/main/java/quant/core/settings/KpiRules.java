package quant.core.settings;

/**
 * How KPIs are judged, scored and alerted on, from the business settings.
 *
 * @param warningVariance share off target (or off last year) for a warning where no level is given
 * @param criticalVariance likewise for critical
 * @param weights the health score's section weights, in the order finance, operations, customers,
 *     sales and marketing, risk (relative: they are divided by their sum)
 * @param suddenChange the share a week may differ from its trailing eight weeks before it alerts
 * @param cooldownDays days in which the same rule on the same KPI raises no second alert
 */
public record KpiRules(
        double warningVariance, double criticalVariance, double[] weights, double suddenChange, int cooldownDays) {
    /** The settings' defaults. */
    public static final KpiRules DEFAULTS = BusinessSettings.DEFAULTS.kpiRules();

    public KpiRules {
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }
}
