package quant.core.kpi;

/**
 * A KPI's target over a window, in the KPI's unit, with its warning and critical levels and which way
 * is better — from the KPI's rows in {@code kpi_target}.
 *
 * @param target what the business aims for
 * @param warning the level from which the KPI is a warning
 * @param critical the level from which it is critical
 * @param higherIsBetter the rows' direction
 * @param derivedLevels whether the rows had no warning or critical level and they were derived from the
 *     target with the variance settings
 * @param source which rows: "target 2025-01-01 to 2025-12-31"
 */
public record KpiTarget(
        double target, double warning, double critical, boolean higherIsBetter, boolean derivedLevels, String source) {
    /** The status of a value against these levels. */
    public KpiStatus status(double value) {
        return KpiStatus.of(value, warning, critical, higherIsBetter);
    }

    /**
     * How far the value has come from the critical level to the target, 0 to 1: (value − critical) ÷
     * (target − critical), mirrored where lower is better; 1 at or beyond the target, 0 at or beyond
     * the critical level.
     */
    public double attainment(double value) {
        if (!Double.isFinite(value)) {
            return Double.NaN;
        }
        double span = higherIsBetter ? target - critical : critical - target;
        double got = higherIsBetter ? value - critical : critical - value;
        if (span <= 0) {
            return (higherIsBetter ? value >= target : value <= target) ? 1 : 0;
        }
        return Math.max(0, Math.min(1, got / span));
    }
}
