package quant.core.report;

import java.util.Locale;
import java.util.Objects;

/**
 * How a report is written to a file.
 *
 * @param currency the ISO code money is in (the company's {@code company.currency} setting)
 * @param paper the paper PDF pages are laid out for
 * @param table the key of the table a CSV holds, or null for the report's main (first) table
 */
public record ExportOptions(String currency, PaperSize paper, String table) {
    public ExportOptions {
        Objects.requireNonNull(currency);
        Objects.requireNonNull(paper);
    }

    /** US dollars on the paper of this computer's country. */
    public static ExportOptions defaults() {
        return new ExportOptions("USD", PaperSize.forLocale(Locale.getDefault(Locale.Category.FORMAT)), null);
    }

    public ExportOptions withTable(String key) {
        return new ExportOptions(currency, paper, key);
    }
}
