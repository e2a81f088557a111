package quant.core.forecast;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The forecasting methods by the names the command line and the views use. */
public enum Method {
    NAIVE("naive", "Naive"),
    SNAIVE("snaive", "Seasonal naive"),
    DRIFT("drift", "Drift"),
    NAIVE2("naive2", "Naive2"),
    SES("ses", "Simple exponential smoothing"),
    HOLT("holt", "Holt"),
    DAMPED("damped", "Damped trend"),
    HOLT_WINTERS("holt-winters", "Holt-Winters"),
    ETS("ets", "ETS"),
    THETA("theta", "Theta"),
    ARIMA("arima", "ARIMA"),
    CROSTON("croston", "Croston"),
    TSB("tsb", "TSB"),
    REGRESSION("regression", "Trend + season regression"),
    COMB("comb", "Comb (SES, Holt, damped)"),
    ENSEMBLE("ensemble", "Ensemble"),
    AUTO("auto", "Auto");

    private final String key;
    private final String label;

    Method(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name on the command line and in JSON, e.g. {@code holt-winters}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /**
     * The method named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the methods there are
     */
    public static Method parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Method m : values()) {
            if (m.key.equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("There is no forecasting method \"" + name + "\"; the methods are "
                + Arrays.stream(values()).map(Method::key).collect(Collectors.joining(", ")) + ".");
    }

    @Override
    public String toString() {
        return label;
    }
}
