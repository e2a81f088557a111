package quant.core.forecast;

import java.util.List;
import java.util.Map;

/**
 * What a forecasting method says about the next {@code mean.length} periods.
 *
 * @param model the model as a reader would name it, e.g. {@code ETS(A,Ad,N)} or {@code ARIMA(0,1,1)(0,1,1)[12]}
 * @param parameters the fitted parameters by name, in the order the model states them
 * @param mean the point forecast, one value per step ahead
 * @param bands the prediction intervals, one per requested level, widest last
 * @param intervalSource how the intervals were made: {@code "analytic"}, {@code "simulated"} or {@code "empirical"}
 */
public record Forecast(
        String model, Map<String, Double> parameters, double[] mean, List<Band> bands, String intervalSource) {

    /**
     * A prediction interval at one level.
     *
     * @param level the nominal coverage in percent, e.g. 95
     */
    public record Band(int level, double[] lower, double[] upper) {}

    public int horizon() {
        return mean.length;
    }

    /** The band at {@code level}, or null when it was not asked for. */
    public Band band(int level) {
        for (Band b : bands) {
            if (b.level() == level) {
                return b;
            }
        }
        return null;
    }
}
