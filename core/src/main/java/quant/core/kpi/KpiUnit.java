package quant.core.kpi;

import java.util.Locale;

/** What a KPI's number is, how it is written, and how a target row's number maps onto it. */
public enum KpiUnit {
    /** An amount in the company's currency. */
    MONEY("money"),
    /** A whole number of things (customers). */
    COUNT("count"),
    /** A share or a rate, 0.25 for 25 %; targets named {@code *_pct} are in percent and divided by 100. */
    FRACTION("fraction"),
    /** A number of days. */
    DAYS("days"),
    /** A number of months. */
    MONTHS("months"),
    /** A ratio such as LTV:CAC (3.0 = three times). */
    RATIO("ratio"),
    /** A mean rating from 1 to 5. */
    RATING("rating");

    private final String key;

    KpiUnit(String key) {
        this.key = key;
    }

    /** The unit as JSON names it: {@code money}, {@code fraction}. */
    public String key() {
        return key;
    }

    /** The value in words for a tile or a sentence: "48.2 %", "31 days", "3.1×", "4.62 of 5". */
    public String format(double v, String currency) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        return switch (this) {
            case MONEY -> money(v, currency);
            case COUNT -> String.format(Locale.ROOT, "%,.0f", v);
            case FRACTION -> String.format(Locale.ROOT, "%.1f %%", v * 100);
            case DAYS -> String.format(Locale.ROOT, "%.0f days", v);
            case MONTHS -> String.format(Locale.ROOT, "%.1f months", v);
            case RATIO -> String.format(Locale.ROOT, "%.2f×", v);
            case RATING -> String.format(Locale.ROOT, "%.2f of 5", v);
        };
    }

    /** A change of a value in this unit: "+12.5 %" for amounts, "+1.2 points" for fractions. */
    public String formatChange(double change, double relative) {
        if (this == FRACTION && Double.isFinite(change)) {
            return String.format(Locale.ROOT, "%+.1f points", change * 100);
        }
        return Double.isFinite(relative) ? String.format(Locale.ROOT, "%+.1f %%", relative * 100) : "—";
    }

    static String money(double v, String currency) {
        double a = Math.abs(v);
        String sign = v < 0 ? "−" : "";
        String body = a >= 1_000_000
                ? String.format(Locale.ROOT, "%.2f M", a / 1_000_000)
                : a >= 1_000 ? String.format(Locale.ROOT, "%,.0f", a) : String.format(Locale.ROOT, "%,.2f", a);
        return sign + body + (currency == null || currency.isBlank() ? "" : " " + currency);
    }
}
