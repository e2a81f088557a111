package quant.core.report.pack;

import java.awt.Color;
import java.util.Objects;
import quant.core.report.PaperSize;

/**
 * How a report pack looks: its identity and layout, as its definition gives them.
 *
 * @param title the pack's title, e.g. "Monthly board pack"
 * @param company the company's name for the cover and the running header, or ""
 * @param logo the logo drawn on the cover, or null
 * @param accent the colour of the cover band, chapter titles and the contents
 * @param paper the paper the pages are laid out for
 * @param landscape whether pages are turned sideways
 * @param cover whether the pack opens with a cover page
 * @param contents whether a table of contents follows the cover
 * @param definitions whether the definitions of every figure close the pack
 */
public record PackStyle(
        String title,
        String company,
        Logo logo,
        Color accent,
        PaperSize paper,
        boolean landscape,
        boolean cover,
        boolean contents,
        boolean definitions) {
    public PackStyle {
        Objects.requireNonNull(title);
        Objects.requireNonNull(accent);
        Objects.requireNonNull(paper);
        company = company == null ? "" : company;
    }

    /** The accent colour as #rrggbb. */
    public String accentHex() {
        return String.format("#%06x", accent.getRGB() & 0xffffff);
    }
}
