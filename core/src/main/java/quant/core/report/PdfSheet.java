package quant.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A plain printed document written top to bottom on A4 pages with PDFBox: headings, wrapped
 * paragraphs and tables whose header repeats on each page a table runs onto. Every page gets a footer
 * with the document's title and "page n of m". Text is set in the standard Helvetica, so characters
 * outside its Windows-1252 set print as "?" rather than failing the export.
 */
public final class PdfSheet implements AutoCloseable {
    /** A table column: its title, width in points, and whether its cells align right (numbers). */
    public record Column(String title, float width, boolean right) {}

    private static final float MARGIN = 42;
    private static final float BODY = 9;
    private static final float ROW = 14;

    private final PDDocument doc = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Character, Boolean> printable = new HashMap<>();
    private final String title;
    private final PDRectangle size;
    private PDPageContentStream page;
    private float y;

    public PdfSheet(String title) {
        this(title, false);
    }

    /** A document of A4 pages, turned sideways when {@code landscape} (for wide tables). */
    public PdfSheet(String title, boolean landscape) {
        this.title = title;
        this.size = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
        doc.getDocumentInformation().setTitle(title);
        doc.getDocumentInformation().setCreator("Quant Workbench");
    }

    /** The width text and tables may use, in points. */
    public float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    /** Starts a new page; the first heading, text or table starts one when none is open. */
    public void newPage() {
        try {
            if (page != null) {
                page.close();
            }
            PDPage p = new PDPage(size);
            doc.addPage(p);
            page = new PDPageContentStream(doc, p);
            y = size.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void room(float needed) {
        if (page == null || y - needed < MARGIN + 16) {
            newPage();
        }
    }

    /** A bold line in a larger size. */
    public void heading(String text) {
        room(24);
        y -= 16;
        write(bold, 14, MARGIN, y, text);
        y -= 8;
    }

    /** A paragraph, wrapped to the page width. */
    public void text(String text) {
        for (String line : wrap(text, width())) {
            room(ROW);
            y -= 12;
            write(regular, BODY, MARGIN, y, line);
        }
        y -= 4;
    }

    /** A table; long cells are cut to their column with "…". */
    public void table(List<Column> columns, List<List<String>> rows) {
        room(3 * ROW);
        header(columns);
        for (List<String> row : rows) {
            if (y - ROW < MARGIN + 16) {
                newPage();
                header(columns);
            }
            y -= ROW;
            cells(regular, columns, row);
            rule(y - 4, 0.85f);
        }
        y -= 8;
    }

    private void header(List<Column> columns) {
        y -= ROW;
        try {
            page.setNonStrokingColor(0.92f, 0.93f, 0.95f);
            page.addRect(MARGIN, y - 4, width(), ROW);
            page.fill();
            page.setNonStrokingColor(0f, 0f, 0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cells(bold, columns, columns.stream().map(Column::title).toList());
    }

    private void cells(PDType1Font font, List<Column> columns, List<String> values) {
        float x = MARGIN;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String v = fit(font, BODY, i < values.size() ? values.get(i) : "", c.width() - 6);
            float w = measure(font, BODY, v);
            write(font, BODY, c.right() ? x + c.width() - 3 - w : x + 3, y, v);
            x += c.width();
        }
    }

    private void rule(float at, float grey) {
        try {
            page.setStrokingColor(grey, grey, grey);
            page.setLineWidth(0.5f);
            page.moveTo(MARGIN, at);
            page.lineTo(MARGIN + width(), at);
            page.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(PDType1Font font, float size, float x, float at, String text) {
        try {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, at);
            page.showText(clean(text));
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every character the font cannot print replaced by "?". */
    private String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            b.append(printable.computeIfAbsent(ch, this::canPrint) ? ch : '?');
        }
        return b.toString();
    }

    private boolean canPrint(char ch) {
        try {
            regular.encode(String.valueOf(ch));
            return ch >= ' ';
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private float measure(PDType1Font font, float size, String text) {
        try {
            return font.getStringWidth(clean(text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fit(PDType1Font font, float size, String text, float max) {
        if (measure(font, size, text) <= max) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && measure(font, size, t + "…") > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private List<String> wrap(String text, float max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && measure(regular, BODY, next) > max) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** Writes the document with its page footers. */
    public void save(OutputStream out) throws IOException {
        if (page == null) {
            newPage();
        }
        page.close();
        page = null;
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream cs =
                    new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                String footer = clean(title + " · page " + (i + 1) + " of " + n);
                cs.beginText();
                cs.setFont(regular, 8);
                cs.setNonStrokingColor(0.4f, 0.4f, 0.4f);
                cs.newLineAtOffset(MARGIN, MARGIN - 14);
                cs.showText(footer);
                cs.endText();
            }
        }
        doc.save(out);
    }

    @Override
    public void close() throws IOException {
        if (page != null) {
            page.close();
        }
        doc.close();
    }
}
