package quant.core.kpi;

import java.util.Locale;
import quant.core.report.Status;

/**
 * Where a KPI stands: on track, past its warning level, past its critical level, or not judged (no
 * value, or neither a target nor a comparison to judge it by).
 *
 * <p>A level counts as reached when the value is at it or beyond it: for a KPI where higher is
 * better, critical when value ≤ critical level, else warning when value ≤ warning level, else ok;
 * mirrored where lower is better.
 */
public enum KpiStatus {
    OK,
    WARNING,
    CRITICAL,
    NONE;

    /** {@code ok}, {@code warning}, {@code critical}, {@code none}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "on track", "warning", "critical", "not judged". */
    public String words() {
        return this == NONE ? "not judged" : toStatus().words();
    }

    /** The report model's status; null for {@link #NONE}. */
    public Status toStatus() {
        return switch (this) {
            case OK -> Status.OK;
            case WARNING -> Status.WARNING;
            case CRITICAL -> Status.CRITICAL;
            case NONE -> null;
        };
    }

    /** Whether this is worse than {@code other} (critical worse than warning worse than ok; none is not judged). */
    public boolean worseThan(KpiStatus other) {
        return this != NONE && (other == NONE || ordinal() > other.ordinal());
    }

    /** The status of {@code value} against its levels; NONE when any of them is not a number. */
    public static KpiStatus of(double value, double warning, double critical, boolean higherIsBetter) {
        if (!Double.isFinite(value) || !Double.isFinite(warning) || !Double.isFinite(critical)) {
            return NONE;
        }
        if (higherIsBetter) {
            return value <= critical ? CRITICAL : value <= warning ? WARNING : OK;
        }
        return value >= critical ? CRITICAL : value >= warning ? WARNING : OK;
    }
}
