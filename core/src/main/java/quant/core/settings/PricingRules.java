package quant.core.settings;

/**
 * The quote calculator's factors, from the business settings.
 *
 * @param skillMultiplier labour = the line's labour cost an hour × hours × this
 * @param equipmentLifeYears years a machine's cost is written off over
 * @param materialWaste materials' cost × this
 * @param materialMarkup materials priced at cost × waste × (1 + this)
 * @param targetMargin the labour, equipment and overhead price = their cost ÷ (1 − this)
 * @param priorityLow the factor for a low-priority job (normal: 1); likewise high and emergency
 * @param segmentCommercial the factor for a commercial customer; likewise residential
 * @param busyFrom forecast utilisation from which a week is busy, priced × busyFactor
 * @param quietBelow forecast utilisation below which a week is quiet, priced × quietFactor
 */
public record PricingRules(
        double skillMultiplier,
        int equipmentLifeYears,
        double materialWaste,
        double materialMarkup,
        double targetMargin,
        double priorityLow,
        double priorityHigh,
        double priorityEmergency,
        double segmentCommercial,
        double segmentResidential,
        double busyFrom,
        double busyFactor,
        double quietBelow,
        double quietFactor) {
    /** The settings' defaults. */
    public static final PricingRules DEFAULTS = BusinessSettings.DEFAULTS.pricingRules();

    /** The factor of a priority ({@code low}, {@code normal}, {@code high}, {@code emergency}). */
    public double priority(String priority) {
        return switch (priority) {
            case "low" -> priorityLow;
            case "high" -> priorityHigh;
            case "emergency" -> priorityEmergency;
            default -> 1;
        };
    }

    /** The factor of a segment: commercial, residential, else 1. */
    public double segment(String segment) {
        if (segment == null) {
            return 1;
        }
        return switch (segment.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "commercial" -> segmentCommercial;
            case "residential" -> segmentResidential;
            default -> 1;
        };
    }
}
