package quant.app.cli;

import java.util.Locale;
import quant.core.settings.BusinessSettings;

/**
 * Money as the command line writes it: grouped digits and the company's currency code after the
 * figure ("12,345.67 USD"), the code being the business setting {@code company.currency} (else the
 * computer's currency). A table says its currency once, in its caption ({@link #caption()}), and
 * keeps its cells bare so that columns stay aligned. "–" stands where there is no figure.
 */
record CliMoney(String code) {
    /** The currency of the business settings. */
    static CliMoney of(BusinessSettings settings) {
        return new CliMoney(settings.currency().getCurrencyCode());
    }

    /** 1363.4 → "1,363.40 USD". */
    String cents(double amount) {
        return Double.isFinite(amount) ? String.format(Locale.ROOT, "%,.2f %s", amount, code) : "–";
    }

    /** 1363.4 → "1,363 USD". */
    String whole(double amount) {
        return Double.isFinite(amount) ? String.format(Locale.ROOT, "%,.0f %s", amount, code) : "–";
    }

    /** A boxed amount that may be missing: {@link #whole} or "–". */
    String whole(Double amount) {
        return amount == null ? "–" : whole(amount.doubleValue());
    }

    /** What a table of amounts says once, e.g. "(amounts in USD)". */
    String caption() {
        return "(amounts in " + code + ")";
    }
}
