package quant.core.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
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
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;

/**
 * A printed document written top to bottom with PDFBox: headings (each a PDF bookmark), wrapped
 * paragraphs, rows of key figures, charts drawn as vectors (the JFreeChart definition painted through
 * a PDFBox {@code Graphics2D}), and tables whose header repeats on each page they run onto and whose
 * columns, when too many for the page, continue in further blocks that repeat the first column. Every
 * page gets a running header (when given) and a footer with the title and "page n of m".
 *
 * <p>Text is set in Liberation Sans (the metric twin of Arial that PDFBox ships), embedded as a
 * subset, so names such as "Łukasz Őri-Şahin" print as written and the text can be selected and
 * searched; bold is the same face drawn with a thin outline. A character the font lacks prints as "?".
 */
public final class PdfSheet implements AutoCloseable {
    /** A table column: its title, width in points, and whether its cells align right (numbers). */
    public record Column(String title, float width, boolean right) {}

    /**
     * A headline figure: name, value, and a short line under it.
     *
     * @param warn whether it needs attention (drawn with a warm border)
     */
    public record Figure(String label, String value, String detail, boolean warn) {}

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 40;
    private static final float BODY = 8.5f;
    private static final float ROW = 13;
    private static final float CELL_PAD = 3;

    private final PDDocument doc = new PDDocument();
    private final PDFont font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private final String title;
    private final PDRectangle size;
    private final List<String> running;
    private final PDDocumentOutline outline = new PDDocumentOutline();
    private PDPageContentStream page;
    private PDPage current;
    private float y;
    /** The grey text is drawn in (0 black); bold outlines take it too. */
    private float ink;

    public PdfSheet(String title) {
        this(title, false);
    }

    /** A document of A4 pages, turned sideways when {@code landscape} (for wide tables). */
    public PdfSheet(String title, boolean landscape) {
        this(title, PaperSize.A4, landscape, List.of());
    }

    /**
     * A document on {@code paper}, sideways when {@code landscape}, with {@code runningHeader} (e.g.
     * the title, the as-of date and the spec in words) at the top of every page.
     */
    public PdfSheet(String title, PaperSize paper, boolean landscape, List<String> runningHeader) {
        this.title = title;
        PDRectangle r = paper.rectangle();
        this.size = landscape ? new PDRectangle(r.getHeight(), r.getWidth()) : r;
        this.running = List.copyOf(runningHeader);
        doc.getDocumentInformation().setTitle(title);
        doc.getDocumentInformation().setCreator("Quant Workbench");
        try (InputStream in = PdfSheet.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's Liberation Sans font is missing from the class path");
            }
            font = PDType0Font.load(doc, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        doc.getDocumentCatalog().setDocumentOutline(outline);
    }

    /** The width text and tables may use, in points. */
    public float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    /** The height left on the current page, in points (the whole body height before the first page). */
    public float heightLeft() {
        return page == null ? bodyTop() - bottom() : y - bottom();
    }

    private float bodyTop() {
        return size.getHeight() - MARGIN - (running.isEmpty() ? 0 : 12 * running.size() + 8);
    }

    private float bottom() {
        return MARGIN + 16;
    }

    /** Starts a new page; the first heading, text or table starts one when none is open. */
    public void newPage() {
        try {
            if (page != null) {
                page.close();
            }
            current = new PDPage(size);
            doc.addPage(current);
            page = new PDPageContentStream(doc, current);
            ink = 0f;
            y = bodyTop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void room(float needed) {
        if (page == null || y - needed < bottom()) {
            newPage();
        }
    }

    /** A bold line in a larger size, kept with at least {@code keep} points of what follows; a bookmark. */
    public void heading(String text) {
        heading(text, 60);
    }

    /** A heading kept with at least {@code keep} points of what follows. */
    public void heading(String text, float keep) {
        room(24 + keep);
        y -= 16;
        write(true, 14, MARGIN, y, text);
        y -= 8;
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(clean(text));
        PDPageFitDestination dest = new PDPageFitDestination();
        dest.setPage(current);
        item.setDestination(dest);
        outline.addLast(item);
    }

    /** A bold line in the body size above a part (a table's or a chart's title). */
    public void subheading(String text) {
        room(3 * ROW);
        y -= 12;
        write(true, 10, MARGIN, y, text);
        y -= 4;
    }

    /** A paragraph, wrapped to the page width. */
    public void text(String text) {
        paragraph(text, BODY, false);
    }

    /** A paragraph in a smaller, grey size (definitions, notes). */
    public void small(String text) {
        paragraph(text, 7.5f, true);
    }

    private void paragraph(String text, float fontSize, boolean grey) {
        for (String line : wrap(text, fontSize, width())) {
            room(ROW);
            y -= fontSize + 3.5f;
            if (grey) {
                colour(0.3f);
            }
            write(false, fontSize, MARGIN, y, line);
            if (grey) {
                colour(0f);
            }
        }
        y -= 4;
    }

    /** Headline figures in boxes side by side, wrapping to further rows. */
    public void figures(List<Figure> figures) {
        if (figures.isEmpty()) {
            return;
        }
        float box = 150;
        float gap = 8;
        float height = 46;
        int perRow = Math.max(1, (int) ((width() + gap) / (box + gap)));
        for (int start = 0; start < figures.size(); start += perRow) {
            room(height + 8);
            float top = y - 4;
            float x = MARGIN;
            for (Figure f : figures.subList(start, Math.min(figures.size(), start + perRow))) {
                try {
                    if (f.warn()) {
                        page.setStrokingColor(0.84f, 0.37f, 0f);
                        page.setLineWidth(1.2f);
                    } else {
                        page.setStrokingColor(0.82f, 0.84f, 0.87f);
                        page.setLineWidth(0.8f);
                    }
                    page.addRect(x, top - height, box, height);
                    page.stroke();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                colour(0.35f);
                write(false, 7.5f, x + 6, top - 11, fit(false, 7.5f, f.label(), box - 12));
                colour(0f);
                write(true, 13, x + 6, top - 27, fit(true, 13, f.value(), box - 12));
                colour(0.35f);
                write(false, 6.5f, x + 6, top - 39, fit(false, 6.5f, f.detail(), box - 12));
                colour(0f);
                x += box + gap;
            }
            y = top - height - 6;
        }
    }

    /** The least height a chart is drawn at to fill the rest of a page rather than start a new one. */
    private static final float MIN_CHART = 190;

    /**
     * A chart under its title, kept together on one page: {@code height} points high, or less (not under
     * {@value #MIN_CHART}) to use the rest of the page rather than leave it empty.
     */
    public void chart(String title, JFreeChart chart, float height) {
        float heading = 3 * ROW + 6;
        float left = page == null ? height : heightLeft() - heading;
        if (left < MIN_CHART) {
            newPage();
            left = height;
        }
        subheading(title);
        chart(chart, Math.min(height, left));
    }

    /** A chart as vector graphics, the page's width and {@code height} points high. */
    public void chart(JFreeChart chart, float height) {
        room(height + 6);
        float w = width();
        try {
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, height);
            chart.draw(g, new Rectangle2D.Double(0, 0, w, height));
            g.dispose();
            PDFormXObject form = g.getXFormObject();
            page.saveGraphicsState();
            page.transform(Matrix.getTranslateInstance(MARGIN, y - height));
            page.drawForm(form);
            page.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= height + 6;
    }

    /** A table; long cells are cut to their column with "…". */
    public void table(List<Column> columns, List<List<String>> rows) {
        table(columns, rows, false);
    }

    /**
     * A table, its last row in bold when {@code boldLast} (a total). Columns that do not fit the page's
     * width continue in a further block below, each block repeating the first column.
     */
    public void table(List<Column> columns, List<List<String>> rows, boolean boldLast) {
        for (List<Integer> block : blocks(columns)) {
            List<Column> cols = block.stream().map(columns::get).toList();
            List<List<String>> cells = rows.stream()
                    .map(r -> block.stream()
                            .map(i -> i < r.size() ? r.get(i) : "")
                            .toList())
                    .toList();
            tableBlock(cols, cells, boldLast);
        }
    }

    /** The column indexes of each block that fits the width: the first column, then as many as fit. */
    private List<List<Integer>> blocks(List<Column> columns) {
        List<List<Integer>> blocks = new ArrayList<>();
        List<Integer> block = new ArrayList<>(List.of(0));
        float used = columns.get(0).width();
        for (int i = 1; i < columns.size(); i++) {
            float w = columns.get(i).width();
            if (used + w > width() && block.size() > 1) {
                blocks.add(block);
                block = new ArrayList<>(List.of(0));
                used = columns.get(0).width();
            }
            block.add(i);
            used += w;
        }
        blocks.add(block);
        return blocks;
    }

    private void tableBlock(List<Column> columns, List<List<String>> rows, boolean boldLast) {
        room(3 * ROW);
        header(columns);
        for (int r = 0; r < rows.size(); r++) {
            if (y - ROW < bottom()) {
                newPage();
                header(columns);
            }
            y -= ROW;
            cells(boldLast && r == rows.size() - 1, columns, rows.get(r));
            rule(y - 4, 0.85f, tableWidth(columns));
        }
        y -= 8;
    }

    private static float tableWidth(List<Column> columns) {
        float w = 0;
        for (Column c : columns) {
            w += c.width();
        }
        return w;
    }

    private void header(List<Column> columns) {
        y -= ROW;
        try {
            page.setNonStrokingColor(0.92f, 0.93f, 0.95f);
            page.addRect(MARGIN, y - 4, Math.min(width(), tableWidth(columns)), ROW);
            page.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        colour(0f);
        cells(true, columns, columns.stream().map(Column::title).toList());
    }

    private void cells(boolean bold, List<Column> columns, List<String> values) {
        float x = MARGIN;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String v = fit(bold, BODY, i < values.size() ? values.get(i) : "", c.width() - 2 * CELL_PAD);
            float w = measure(BODY, v);
            write(bold, BODY, c.right() ? x + c.width() - CELL_PAD - w : x + CELL_PAD, y, v);
            x += c.width();
        }
    }

    /** The width a column needs for its widest text, header in bold included, within {@code max}. */
    public float columnWidth(String header, List<String> texts, float max) {
        float w = measure(BODY, header) * 1.04f;
        for (String t : texts) {
            w = Math.max(w, measure(BODY, t));
        }
        return Math.min(max, w + 2 * CELL_PAD + 2);
    }

    private void rule(float at, float grey, float w) {
        try {
            page.setStrokingColor(grey, grey, grey);
            page.setLineWidth(0.5f);
            page.moveTo(MARGIN, at);
            page.lineTo(MARGIN + Math.min(width(), w), at);
            page.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void colour(float grey) {
        ink = grey;
        try {
            page.setNonStrokingColor(grey, grey, grey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(boolean bold, float fontSize, float x, float at, String text) {
        write(page, bold, fontSize, x, at, text);
    }

    private void write(PDPageContentStream cs, boolean bold, float fontSize, float x, float at, String text) {
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
    private String clean(String text) {
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

    private float measure(float fontSize, String text) {
        try {
            return font.getStringWidth(clean(text)) / 1000 * fontSize;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fit(boolean bold, float fontSize, String text, float max) {
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

    private List<String> wrap(String text, float fontSize, float max) {
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

    /** Writes the document with its running headers and page footers. */
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
                cs.setNonStrokingColor(0.4f, 0.4f, 0.4f);
                float at = size.getHeight() - MARGIN + 6;
                for (String line : running) {
                    write(cs, false, 7.5f, MARGIN, at, fitWidth(line, 7.5f));
                    at -= 11;
                }
                write(cs, false, 8, MARGIN, MARGIN - 14, title + " · page " + (i + 1) + " of " + n);
            }
        }
        doc.save(out);
    }

    private String fitWidth(String line, float fontSize) {
        return fit(false, fontSize, line, width());
    }

    @Override
    public void close() throws IOException {
        if (page != null) {
            page.close();
        }
        doc.close();
    }
}
