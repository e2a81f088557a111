package quant.core.settings;

/**
 * The finance monitors' levels, from the business settings (definitions in docs/cli.md).
 *
 * @param dso days sales outstanding
 * @param overdue60 the share of open receivables more than 60 days past due
 * @param collection collection efficiency over the last 90 days
 * @param top5 the five largest customers' share of invoiced revenue over 12 months
 * @param hhi the Herfindahl index of customers' revenue shares over 12 months
 * @param grossMargin a month's gross margin
 * @param operatingMargin a month's operating margin
 * @param volatility monthly revenue's coefficient of variation after seasonality
 */
public record Monitors(
        Levels dso,
        Levels overdue60,
        Levels collection,
        Levels top5,
        Levels hhi,
        Levels grossMargin,
        Levels operatingMargin,
        Levels volatility) {
    /** The levels of the default settings. */
    public static final Monitors DEFAULTS = BusinessSettings.DEFAULTS.monitors();
}
