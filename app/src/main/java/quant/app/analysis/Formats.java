package quant.app.analysis;

import java.util.Locale;

/** How figures read in views: percentages with one decimal, money with thousands separators. */
public final class Formats {
    private Formats() {}

    /** 0.5263 → "52.6%"; "–" when there is no figure (NaN or infinite). */
    /** A code of the data as a person reads it: {@code google_ads} → "Google Ads" ({@link DisplayNames}). */
    public static String name(String code) {
        return quant.core.analysis.DisplayNames.of(code);
    }

    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction) : "–";
    }

    /** 1363.4 → "1,363"; "–" when there is no figure (NaN or infinite). */
    public static String money(double amount) {
        return Double.isFinite(amount) ? String.format(Locale.ROOT, "%,.0f", amount) : "–";
    }

    /** 1363.4 → "1,363.40". */
    public static String cents(double amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }

    /** 2957 → "2,957". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
