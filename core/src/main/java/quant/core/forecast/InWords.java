package quant.core.forecast;

/**
 * What a fitted model does, in words an owner follows: the model's name (ARIMA(0,0,0)(0,1,0)[12] with
 * drift) belongs in the details; the headline says "the same month last year, adjusted for the trend".
 * The words follow the model's structure, read from its parts, not from the method alone.
 */
final class InWords {
    private InWords() {}

    static String describe(Method method, String model) {
        return switch (method) {
            case NAIVE -> "the last period's value carried forward";
            case SNAIVE -> "the same period last year";
            case DRIFT -> "the last value plus the average change per period so far";
            case NAIVE2, SES -> adjusted(model, "a weighted average of recent periods, recent ones counting most");
            case HOLT -> adjusted(model, "the recent level and trend carried forward");
            case DAMPED -> adjusted(model, "the recent level and trend, the trend flattening out over time");
            case THETA -> adjusted(model, "the long-run trend blended with the recent level");
            case HOLT_WINTERS, ETS -> ets(model);
            case ARIMA -> arima(model);
            case CROSTON, TSB -> "the average size of occasional orders times how often they come";
            case REGRESSION -> "a straight-line trend with each period's usual seasonal difference";
            case COMB -> "the average of three smoothing methods (level, trend, flattening trend)";
            case ENSEMBLE -> "the average of three methods: a smoothing model, Theta and a flattening trend";
            case AUTO -> "the method the backtest chose";
        };
    }

    private static String adjusted(String model, String words) {
        return model.contains("seasonally adjusted") ? words + ", with the usual seasonal pattern" : words;
    }

    /** ETS(E,T,S): the trend and season letters say what is carried forward. */
    private static String ets(String model) {
        int open = model.indexOf('(');
        String[] parts = open < 0
                ? new String[0]
                : model.substring(open + 1, model.indexOf(')')).split(",");
        if (parts.length != 3) {
            return "an exponential smoothing model";
        }
        String trend =
                switch (parts[1]) {
                    case "A" -> "a level and a trend";
                    case "Ad" -> "a level and a trend that flattens out";
                    default -> "a level";
                };
        String season =
                switch (parts[2]) {
                    case "A" -> " with a seasonal pattern of fixed size";
                    case "M" -> " with a seasonal pattern that grows with the business";
                    default -> "";
                };
        return trend + season + ", updated as each period comes in";
    }

    /** ARIMA(p,d,q)(P,D,Q)[m]: a seasonal difference means "the same period last year". */
    private static String arima(String model) {
        boolean seasonalDifference = model.matches(".*\\)\\(\\d+,1,\\d+\\)\\[\\d+].*");
        boolean drift = model.contains("with drift");
        boolean differenced = model.matches("ARIMA\\(\\d+,[12],\\d+\\).*");
        String base;
        if (seasonalDifference) {
            base = "the same period last year";
            if (drift) {
                base += ", adjusted for the trend";
            }
        } else if (differenced) {
            base = drift ? "the last value plus the average change per period" : "the recent level carried forward";
        } else {
            base = model.contains("with mean") ? "the long-run average" : "the recent pattern";
        }
        return model.matches("ARIMA\\(0,\\d,0\\)(\\(0,\\d,0\\)\\[\\d+])?.*")
                ? base
                : base + ", corrected by how the recent periods fell out";
    }
}
