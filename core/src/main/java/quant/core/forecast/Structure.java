package quant.core.forecast;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The structural choices each method made from the data: whether the smoothing methods work on the
 * seasonally adjusted series (the M4 seasonality test), which ETS model the AICc chose, which ARIMA
 * orders the stepwise search chose.
 *
 * <p>A backtest records them at its last origin; the final fit on the whole series replays them, so
 * the model that forecasts has the structure of the model that was scored, and only its parameters are
 * estimated again on the longer history. A choice that cannot be replayed on the whole series (the fit
 * fails) is made again from the data, and {@link #replayFailures()} says so.
 */
final class Structure {
    private final Map<Method, Boolean> adjusted = new EnumMap<>(Method.class);
    private final Map<Method, Ets.Spec> ets = new EnumMap<>(Method.class);
    private final Map<Method, Arima.Order> arima = new EnumMap<>(Method.class);
    private final boolean replay;
    private final StringBuilder failures = new StringBuilder();

    private Structure(boolean replay) {
        this.replay = replay;
    }

    /** A structure that records the choices made from the data. */
    static Structure record() {
        return new Structure(false);
    }

    /** A copy that replays this structure's choices and records any made afresh. */
    Structure replay() {
        Structure s = new Structure(true);
        s.adjusted.putAll(adjusted);
        s.ets.putAll(ets);
        s.arima.putAll(arima);
        return s;
    }

    /** The seasonal adjustment the method uses: the recorded choice, or the M4 test on {@code y}. */
    Benchmarks.Adjusted adjust(Method method, double[] y, int m, int h) {
        Boolean seasonal = replay ? adjusted.get(method) : null;
        if (seasonal == null) {
            seasonal = Seasonality.isSeasonal(y, m);
            adjusted.put(method, seasonal);
        }
        return Benchmarks.Adjusted.of(y, m, h, seasonal);
    }

    /** The ETS model of {@code method}: the recorded model refitted, else {@code choose}'s. */
    Ets ets(Method method, double[] y, int m, Supplier<Ets> choose) {
        Ets.Spec spec = replay ? ets.get(method) : null;
        if (spec != null) {
            try {
                return Ets.fit(y, m, spec);
            } catch (IllegalArgumentException e) {
                failed(spec.label(), e);
            }
        }
        Ets fit = choose.get();
        ets.put(method, fit.spec());
        return fit;
    }

    /** The ARIMA model: the recorded orders refitted by maximum likelihood, else {@code choose}'s. */
    Arima arima(double[] y, Supplier<Arima> choose) {
        Arima.Order order = replay ? arima.get(Method.ARIMA) : null;
        if (order != null) {
            try {
                return Arima.fit(y, order, false);
            } catch (IllegalArgumentException e) {
                failed(order.label(), e);
            }
        }
        Arima fit = choose.get();
        arima.put(Method.ARIMA, fit.order());
        return fit;
    }

    private void failed(String model, IllegalArgumentException e) {
        if (!failures.isEmpty()) {
            failures.append(' ');
        }
        failures.append(model)
                .append(" could not be fitted to the whole series (")
                .append(e.getMessage())
                .append("), so the model was chosen again.");
    }

    /** What could not be replayed, in sentences, or an empty string. */
    String replayFailures() {
        return failures.toString();
    }
}
