package quant.core.marketing;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import quant.core.analysis.InvalidSpecException;
import quant.core.settings.CustomerSettings;

/**
 * What the marketing analysis computes.
 *
 * @param asOf the date (default: the last activity in the data)
 * @param ltv how a customer's lifetime value is measured
 * @param settings the customer settings the lifetime-value model takes (horizon, discount rate, inactivity)
 */
public record MarketingSpec(Optional<LocalDate> asOf, Ltv ltv, CustomerSettings settings) {
    /** The lifetime value set against acquisition cost. */
    public enum Ltv {
        /** Margin to date plus the probabilistic model's future margin (the CLV analysis). */
        CLV,
        /** Margin to date only. */
        HISTORIC;

        public static Ltv parse(String text) {
            if (text == null || text.isBlank()) {
                return CLV;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "clv" -> CLV;
                case "historic" -> HISTORIC;
                default -> throw new InvalidSpecException("LTV is clv or historic, not \"" + text.strip() + "\".");
            };
        }
    }

    public MarketingSpec {
        asOf = asOf == null ? Optional.empty() : asOf;
        ltv = ltv == null ? Ltv.CLV : ltv;
        settings = settings == null ? CustomerSettings.DEFAULTS : settings;
    }

    public static MarketingSpec defaults() {
        return new MarketingSpec(Optional.empty(), Ltv.CLV, CustomerSettings.DEFAULTS);
    }
}
