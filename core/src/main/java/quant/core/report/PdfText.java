package quant.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Text in a PDF document: Liberation Sans (the metric twin of Arial that PDFBox ships), embedded as a
 * subset, so names such as "Łukasz Őri-Şahin" print as written and the text can be selected and
 * searched; bold is the same face drawn with a thin outline. A character the font lacks prints as "?".
 * Measures, cuts and wraps text to widths in points.
 */
public final class PdfText {
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final PDFont font;
    private final Map<Integer, Boolean> printable = new HashMap<>();

    /** The font embedded in {@code doc}. */
    public PdfText(PDDocument doc) {
        try (InputStream in = PdfText.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's Liberation Sans font is missing from the class path");
            }
            font = PDType0Font.load(doc, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one line of text at ({@code x}, {@code at}) in the grey {@code ink} (0 black), bold when
     * asked.
     */
    public void write(PDPageContentStream cs, boolean bold, float fontSize, float x, float at, String text, float ink) {
        if (text.isEmpty()) {
            return;
        }
        try {
            cs.beginText();
            cs.setFont(font, fontSize);
            if (bold) {
                cs.setStrokingColor(ink, ink, ink);
                cs.setRenderingMode(RenderingMode.FILL_STROKE);
                cs.setLineWidth(fontSize * 0.035f);
            }
            cs.newLineAtOffset(x, at);
            cs.showText(clean(text));
            if (bold) {
                cs.setRenderingMode(RenderingMode.FILL);
            }
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every character the font cannot print replaced by "?" (and controls by spaces). */
    public String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                b.append(' ');
            } else if (printable.computeIfAbsent(cp, this::canPrint)) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    private boolean canPrint(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The width of {@code text} in points at {@code fontSize}. */
    public float measure(float fontSize, String text) {
        try {
            return font.getStringWidth(clean(text)) / 1000 * fontSize;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text, cut with "…" to at most {@code max} points. */
    public String fit(boolean bold, float fontSize, String text, float max) {
        float slack = bold ? 1.04f : 1f;
        if (measure(fontSize, text) * slack <= max) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && measure(fontSize, t + "…") * slack > max) {
            t = t.substring(0, t.offsetByCodePoints(t.length(), -1));
        }
        return t + "…";
    }

    /** The text broken into lines of at most {@code max} points, at spaces and at line breaks. */
    public List<String> wrap(String text, float fontSize, float max) {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String next = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && measure(fontSize, next) > max) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(next);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
