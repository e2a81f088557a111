package quant.core.operations;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import quant.core.analysis.InvalidSpecException;
import quant.core.settings.BusinessSettings;

/**
 * What the technician analysis computes.
 *
 * @param asOf the date (default: the last activity in the data)
 * @param months the window: the months up to the as-of date whose jobs are measured
 * @param by one row per technician or per main trade
 * @param weightTime the score's weight on time (actual against estimated hours)
 * @param weightQuality the score's weight on first-time fix
 * @param weightRating the score's weight on the average rating
 * @param keyPersonShare the share of a line's revenue or hours above which one technician is flagged
 */
public record TechnicianSpec(
        Optional<LocalDate> asOf,
        int months,
        By by,
        double weightTime,
        double weightQuality,
        double weightRating,
        double keyPersonShare) {
    /** Twelve months, by technician, with the settings' defaults. */
    public static final TechnicianSpec DEFAULT = of(BusinessSettings.DEFAULTS);

    /** One row per technician, or per trade (the technicians of a main trade together). */
    public enum By {
        TECHNICIAN,
        TRADE;

        public static By parse(String text) {
            if (text == null || text.isBlank()) {
                return TECHNICIAN;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "technician" -> TECHNICIAN;
                case "trade" -> TRADE;
                default -> throw new InvalidSpecException("--by is technician or trade, not \"" + text.strip() + "\".");
            };
        }
    }

    public TechnicianSpec {
        asOf = asOf == null ? Optional.empty() : asOf;
        by = by == null ? By.TECHNICIAN : by;
        if (months < 1 || months > 120) {
            throw new InvalidSpecException("The window is 1 to 120 months, not " + months + ".");
        }
        if (Math.abs(weightTime + weightQuality + weightRating - 1) > 1e-9
                || weightTime < 0
                || weightQuality < 0
                || weightRating < 0) {
            throw new InvalidSpecException("The score weights must be at least 0 and add up to 1.");
        }
    }

    /** Twelve months, by technician, with the weights and key-person share of {@code settings}. */
    public static TechnicianSpec of(BusinessSettings settings) {
        double[] w = settings.technicianWeights();
        return new TechnicianSpec(Optional.empty(), 12, By.TECHNICIAN, w[0], w[1], w[2], settings.keyPersonShare());
    }

    public TechnicianSpec withAsOf(Optional<LocalDate> date) {
        return new TechnicianSpec(date, months, by, weightTime, weightQuality, weightRating, keyPersonShare);
    }

    public TechnicianSpec withMonths(int m) {
        return new TechnicianSpec(asOf, m, by, weightTime, weightQuality, weightRating, keyPersonShare);
    }

    public TechnicianSpec withBy(By b) {
        return new TechnicianSpec(asOf, months, b, weightTime, weightQuality, weightRating, keyPersonShare);
    }
}
