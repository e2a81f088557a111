package quant.core.forecast;

import java.util.Locale;

/** A forecast that left the scale of its history (beyond {@link Forecasters#EXPLOSION_FACTOR} times its largest value). */
public final class ExplodedForecastException extends RuntimeException {
    private final Method method;

    ExplodedForecastException(Method method, double value, double historyMax) {
        super(String.format(
                Locale.ROOT,
                "%s's forecast reaches %,.4g, more than %.0f times the largest value in the history (%,.4g); it is not used.",
                method.label(),
                value,
                Forecasters.EXPLOSION_FACTOR,
                historyMax));
        this.method = method;
    }

    public Method method() {
        return method;
    }
}
