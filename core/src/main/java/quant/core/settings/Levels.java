package quant.core.settings;

import quant.core.report.Status;

/**
 * A monitor's warning and critical levels and which way is worse: for DSO higher is worse (warning
 * at 45 days, critical at 60), for a margin lower is worse (warning below 35 %, critical below 25 %).
 *
 * @param warning the level at which (higher) or below which (lower) the figure is a warning
 * @param critical the level at which (higher) or below which (lower) it is critical
 * @param higherIsWorse whether higher values are worse
 */
public record Levels(double warning, double critical, boolean higherIsWorse) {
    /** The status of {@code value}; {@link Status#OK} for NaN (nothing to judge). */
    public Status judge(double value) {
        if (Double.isNaN(value)) {
            return Status.OK;
        }
        if (higherIsWorse) {
            return value >= critical ? Status.CRITICAL : value >= warning ? Status.WARNING : Status.OK;
        }
        return value < critical ? Status.CRITICAL : value < warning ? Status.WARNING : Status.OK;
    }

    /** The levels in words, e.g. "warning from 45, critical from 60" with {@code format} for the numbers. */
    public String words(java.util.function.DoubleFunction<String> format) {
        return higherIsWorse
                ? "warning from " + format.apply(warning) + ", critical from " + format.apply(critical)
                : "warning below " + format.apply(warning) + ", critical below " + format.apply(critical);
    }
}
