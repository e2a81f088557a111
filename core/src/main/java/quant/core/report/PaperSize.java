package quant.core.report;

import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The paper documents are laid out for. */
public enum PaperSize {
    A4(PDRectangle.A4),
    LETTER(PDRectangle.LETTER);

    /** Countries that use US Letter (CLDR's paper-size data): the rest of the world uses A4. */
    private static final Set<String> LETTER_COUNTRIES = Set.of("US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR");

    private final PDRectangle size;

    PaperSize(PDRectangle size) {
        this.size = size;
    }

    /** Portrait size in points. */
    public PDRectangle rectangle() {
        return size;
    }

    /** Letter in the countries that use it, A4 elsewhere. */
    public static PaperSize forLocale(Locale locale) {
        return LETTER_COUNTRIES.contains(locale.getCountry()) ? LETTER : A4;
    }

    /** "a4" or "letter" as a setting holds it; anything else is refused. */
    public static PaperSize parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "a4" -> A4;
            case "letter", "us-letter" -> LETTER;
            default ->
                throw new IllegalArgumentException("The paper size \"" + text + "\" is not known; use a4 or letter.");
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
