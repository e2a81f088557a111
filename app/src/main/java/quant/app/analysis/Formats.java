package quant.app.analysis;

import java.util.Currency;
import java.util.Locale;

/**
 * How figures read in views: percentages with one decimal, money with thousands separators and the
 * company's currency, codes as names.
 *
 * <p>The currency is the company's business setting ({@code company.currency}, else the computer's
 * own); the main window sets it whenever a database's settings are read or saved, as it sets the
 * theme: it is how every figure on screen is written, not state an analysis reads.
 */
public final class Formats {
    private static volatile String symbol = symbolOf(Currency.getInstance("USD"));

    private Formats() {}

    /** Writes money in {@code currency} from now on. */
    public static void useCurrency(Currency currency) {
        symbol = symbolOf(currency);
    }

    /** "$" for US dollars where the computer writes them so, "CHF " for a code that is its own symbol. */
    static String symbolOf(Currency currency) {
        String s = currency.getSymbol(Locale.getDefault(Locale.Category.FORMAT));
        return s.length() >= 3 ? s + " " : s;
    }

    /** The currency's symbol as money is written with it, e.g. "$" or "CHF ". */
    public static String currencySymbol() {
        return symbol;
    }

    /** A code of the data as a person reads it: {@code google_ads} → "Google Ads" ({@link DisplayNames}). */
    public static String name(String code) {
        return quant.core.analysis.DisplayNames.of(code);
    }

    /** 0.5263 → "52.6%"; "–" when there is no figure (NaN or infinite). */
    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction) : "–";
    }

    /** 1363.4 → "$1,363", −50 → "−$50"; "–" when there is no figure (NaN or infinite). */
    public static String money(double amount) {
        if (!Double.isFinite(amount)) {
            return "–";
        }
        String digits = String.format(Locale.ROOT, "%,.0f", Math.abs(amount));
        return (amount < 0 && !digits.equals("0") ? "−" : "") + symbol + digits;
    }

    /** 1363.4 → "$1,363.40". */
    public static String cents(double amount) {
        String digits = String.format(Locale.ROOT, "%,.2f", Math.abs(amount));
        return (amount < 0 && !digits.equals("0.00") ? "−" : "") + symbol + digits;
    }

    /**
     * A converter that shows each code of a choice box by {@code label} (null shows as ""), for
     * choices that are picked, never typed.
     */
    public static javafx.util.StringConverter<String> shownAs(java.util.function.Function<String, String> label) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : label.apply(code);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        };
    }

    /**
     * A converter that shows each item of a choice box by {@code label} (null shows as ""), for
     * choices that are picked, never typed (so text converts back to nothing).
     */
    public static <T> javafx.util.StringConverter<T> labelled(java.util.function.Function<T, String> label) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : label.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    /** 2957 → "2,957". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
