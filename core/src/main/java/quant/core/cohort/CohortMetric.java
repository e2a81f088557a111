package quant.core.cohort;

import java.util.Locale;
import quant.core.analysis.InvalidSpecException;

/** The figure a cohort heatmap shows in each cell. */
public enum CohortMetric {
    /** The share of the cohort's customers active in the period (a fraction). */
    CUSTOMERS("Active customers, % of cohort"),
    /** Revenue in the period as a fraction of the cohort's revenue in its first period. */
    REVENUE("Revenue, % of first period"),
    /** Cumulative margin per customer of the cohort, to the end of the period. */
    MARGIN("Cumulative margin per customer");

    private final String title;

    CohortMetric(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Whether the value is a fraction shown as a percentage, rather than money. */
    public boolean isShare() {
        return this != MARGIN;
    }

    /** The cell's value for this metric. */
    public double value(CohortResult.Cell cell) {
        return switch (this) {
            case CUSTOMERS -> cell.activeShare();
            case REVENUE -> cell.revenueRetention();
            case MARGIN -> cell.cumulativeMarginPerCustomer();
        };
    }

    /** The average cohort's value for this metric at one age. */
    public double value(CohortResult.AgePoint point) {
        return switch (this) {
            case CUSTOMERS -> point.activeShare();
            case REVENUE -> point.revenueRetention();
            case MARGIN -> point.cumulativeMarginPerCustomer();
        };
    }

    /** "customers", "revenue" or "margin", as the command line and JSON spell it. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidSpecException for anything but customers, revenue or margin */
    public static CohortMetric parse(String text) {
        for (CohortMetric m : values()) {
            if (m.key().equalsIgnoreCase(text.strip())) {
                return m;
            }
        }
        throw new InvalidSpecException("The metric must be customers, revenue or margin, not \"" + text + "\".");
    }
}
