package quant.core.kpi;

import java.util.List;
import java.util.OptionalDouble;
import quant.core.forecast.business.SavedForecast;
import quant.core.settings.BusinessSettings;
import quant.core.settings.KpiRules;

/**
 * What the KPIs need beside the snapshot: the rules from the business settings, the churn window, the
 * opening cash, the currency, and the saved forecasts (read from the store).
 */
public record KpiInputs(
        KpiRules rules,
        int inactivityDays,
        OptionalDouble openingCash,
        String currency,
        List<SavedForecast> savedForecasts) {
    public KpiInputs {
        savedForecasts = List.copyOf(savedForecasts);
    }

    /** The inputs from a company's settings and its saved forecasts. */
    public static KpiInputs of(BusinessSettings settings, List<SavedForecast> saved) {
        return new KpiInputs(
                settings.kpiRules(),
                settings.customers().inactivityDays(),
                settings.openingCash(),
                settings.currency().getCurrencyCode(),
                saved);
    }
}
