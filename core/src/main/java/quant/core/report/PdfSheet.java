package quant.core.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.jfree.chart.JFreeChart;

/**
 * A printed document written top to bottom with PDFBox: chapters and headings (each a PDF bookmark,
 * headings nested under their chapter), wrapped paragraphs, rows of key figures, charts drawn as
 * vectors (the JFreeChart definition painted through a PDFBox {@code Graphics2D}), and tables whose
 * header repeats on each page they run onto and whose columns, when too many for the page, continue in
 * further blocks that repeat the first column; a status column shows each row's status as a coloured
 * dot and a word, so it reads in black and white too. Every page but those started {@linkplain
 * #plainPage plain} (a cover) gets a running header (when given) and a footer with the title and "page
 * n of m". Text is set by {@link PdfText}.
 */
public final class PdfSheet implements AutoCloseable {
    /**
     * A table column: its title, width in points, whether its cells align right (numbers), and whether
     * it holds a status word ("on track", "warning", "critical", "not judged") drawn with its colour.
     */
    public record Column(String title, float width, boolean right, boolean status) {
        public Column(String title, float width, boolean right) {
            this(title, width, right, false);
        }
    }

    /**
     * A headline figure: name, value, and a short line under it.
     *
     * @param warn whether it needs attention (drawn with a warm border)
     */
    public record Figure(String label, String value, String detail, boolean warn) {}

    /**
     * A place a reader may want to find: a chapter (level 0) or a heading (level 1), and the index of
     * the page it starts on (0 for the first page).
     */
    public record Mark(int level, String title, PDPage page) {}

    private static final float MARGIN = 40;
    private static final float BODY = 8.5f;
    private static final float ROW = 13;
    /** The least height a chart is drawn at to fill the rest of a page rather than start a new one. */
    private static final float MIN_CHART = 190;

    private final PDDocument doc = new PDDocument();
    private final PdfText text;
    private final String title;
    private final PDRectangle size;
    private final List<String> running;
    private final PDDocumentOutline outline = new PDDocumentOutline();
    private final Set<PDPage> plain = new HashSet<>();
    private final List<Mark> marks = new ArrayList<>();
    private PDOutlineItem chapter;
    private Color accent = Color.BLACK;
    private PDPageContentStream page;
    private PDPage current;
    private float y;
    /** The grey text is drawn in (0 black); bold outlines take it too. */
    private float ink;
    /** Text columns: how many (1 for the full width), which one is written, and where they start. */
    private int columns = 1;

    private int column;
    private float columnTop;

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
        text = new PdfText(doc);
        doc.getDocumentCatalog().setDocumentOutline(outline);
    }

    /** The colour chapter titles are drawn in. */
    public void accent(Color colour) {
        this.accent = colour;
    }

    /** The width text and tables may use, in points (one column's in {@linkplain #columns column} mode). */
    public float width() {
        float full = size.getWidth() - 2 * MARGIN;
        return columns == 1 ? full : (full - (columns - 1) * COLUMN_GAP) / columns;
    }

    private static final float COLUMN_GAP = 18;

    private float left() {
        return MARGIN + column * (width() + COLUMN_GAP);
    }

    /**
     * Sets the text that follows — paragraphs and subheadings only — in {@code n} columns from here
     * down, each filled before the next and the page; 1 goes back to the full width below the lowest
     * column.
     */
    public void columns(int n) {
        if (page == null) {
            newPage();
        }
        if (n == 1 && columns > 1) {
            y = Math.min(y, columnLow);
        }
        columns = Math.max(1, n);
        column = 0;
        columnTop = y;
        columnLow = y;
    }

    private float columnLow;

    /** The height left on the current page, in points (the whole body height before the first page). */
    public float heightLeft() {
        return page == null ? bodyTop() - bottom() : y - bottom();
    }

    /** The document being written, for drawing that this class does not offer (a cover). */
    public PDDocument document() {
        return doc;
    }

    /** The text setter of this document. */
    public PdfText text() {
        return text;
    }

    /** The page size in points. */
    public PDRectangle pageSize() {
        return size;
    }

    /** The chapters and headings written so far, in order, with their pages. */
    public List<Mark> marks() {
        return List.copyOf(marks);
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
            column = 0;
            columnTop = y;
            columnLow = y;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a page without running header and footer (a cover) and returns its content stream for
     * the caller to draw on; the next heading or text starts a new page.
     */
    public PDPageContentStream plainPage() {
        newPage();
        plain.add(current);
        y = bottom();
        return page;
    }

    private void room(float needed) {
        if (columns > 1 && page != null && y - needed < bottom() && column < columns - 1) {
            columnLow = Math.min(columnLow, y);
            column++;
            y = columnTop;
            return;
        }
        turn(needed);
    }

    /**
     * A chapter: a new page, its title large in the accent colour over a rule, and a top-level
     * bookmark that the headings after it nest under.
     */
    public void chapter(String name) {
        newPage();
        y -= 22;
        try {
            page.setNonStrokingColor(accent);
            text.write(page, false, 20, MARGIN, y, name, 0);
            page.setStrokingColor(accent);
            page.setLineWidth(1.5f);
            page.moveTo(MARGIN, y - 8);
            page.lineTo(MARGIN + width(), y - 8);
            page.stroke();
            page.setNonStrokingColor(0f, 0f, 0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= 22;
        chapter = bookmark(outline, name);
        marks.add(new Mark(0, name, current));
    }

    /** A bold line in a larger size, kept with at least {@code keep} points of what follows; a bookmark. */
    public void heading(String text) {
        heading(text, 60);
    }

    /** A heading kept with at least {@code keep} points of what follows; a bookmark under its chapter. */
    public void heading(String heading, float keep) {
        room(24 + keep);
        y -= 16;
        write(true, 14, MARGIN, y, heading);
        y -= 8;
        if (chapter == null) {
            bookmark(outline, heading);
        } else {
            bookmark(chapter, heading);
        }
        marks.add(new Mark(chapter == null ? 0 : 1, heading, current));
    }

    private PDOutlineItem bookmark(Object parent, String name) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(text.clean(name));
        PDPageFitDestination dest = new PDPageFitDestination();
        dest.setPage(current);
        item.setDestination(dest);
        if (parent instanceof PDDocumentOutline o) {
            o.addLast(item);
        } else {
            ((PDOutlineItem) parent).addLast(item);
        }
        return item;
    }

    /** A bold line in the body size above a part (a table's or a chart's title). */
    public void subheading(String heading) {
        room(3 * ROW);
        y -= 12;
        write(true, 10, left(), y, heading);
        y -= 4;
    }

    /** A paragraph, wrapped to the page width. */
    public void text(String paragraph) {
        paragraph(paragraph, BODY, false);
    }

    /** A paragraph in a smaller, grey size (definitions, notes). */
    public void small(String paragraph) {
        paragraph(paragraph, 7.5f, true);
    }

    private void paragraph(String paragraph, float fontSize, boolean grey) {
        for (String line : text.wrap(paragraph, fontSize, width())) {
            room(ROW);
            y -= fontSize + 3.5f;
            if (grey) {
                colour(0.3f);
            }
            write(false, fontSize, left(), y, line);
            if (grey) {
                colour(0f);
            }
        }
        y -= 4;
    }

    /** Headline figures in boxes side by side, wrapping to further rows. */
    public void figures(List<Figure> figures) {
        PdfFigures.write(this, figures);
    }

    /**
     * A chart under its title, kept together on one page: {@code height} points high, or less (not under
     * {@value #MIN_CHART}) to use the rest of the page rather than leave it empty.
     */
    public void chart(String chartTitle, JFreeChart chart, float height) {
        float heading = 3 * ROW + 6;
        float left = page == null ? height : heightLeft() - heading;
        if (left < MIN_CHART) {
            newPage();
            left = height;
        }
        subheading(chartTitle);
        // the subheading names it: the chart's own title would say it twice
        chart.setTitle((org.jfree.chart.title.TextTitle) null);
        chart(chart, Math.min(height, left));
    }

    /**
     * Charts side by side, each under its title, sharing the width: a row kept together on one page,
     * {@code height} points high.
     */
    public void charts(List<String> titles, List<JFreeChart> charts, float height) {
        int n = charts.size();
        float gap = 14;
        float w = (width() - (n - 1) * gap) / n;
        if (page == null || heightLeft() < height + 3 * ROW + 12) {
            newPage();
        }
        y -= 12;
        for (int i = 0; i < n; i++) {
            write(true, 10, MARGIN + i * (w + gap), y, fit(true, 10, titles.get(i), w));
        }
        y -= 4;
        for (int i = 0; i < n; i++) {
            charts.get(i).setTitle((org.jfree.chart.title.TextTitle) null);
            drawChart(charts.get(i), MARGIN + i * (w + gap), w, height);
        }
        y -= height + 6;
    }

    private void drawChart(JFreeChart chart, float x, float w, float height) {
        PdfCharts.draw(doc, page, chart, x, y - height, w, height);
    }

    /** A chart as vector graphics, the page's width and {@code height} points high. */
    public void chart(JFreeChart chart, float height) {
        room(height + 6);
        drawChart(chart, MARGIN, width(), height);
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
        new PdfTable(this).write(columns, rows, boldLast);
    }

    /** The width a column needs for its widest text, header in bold included, within {@code max}. */
    public float columnWidth(String header, List<String> texts, float max) {
        return PdfTable.columnWidth(text, header, texts, max);
    }

    // what PdfTable draws with

    PDPageContentStream stream() {
        return page;
    }

    float y() {
        return y;
    }

    void down(float by) {
        y -= by;
    }

    /** Starts a new page when less than {@code needed} points are left; true when it did. */
    boolean turn(float needed) {
        if (page == null || y - needed < bottom()) {
            newPage();
            return true;
        }
        return false;
    }

    void write(boolean bold, float x, String line) {
        text.write(page, bold, BODY, x, y, line, ink);
    }

    float ink() {
        return ink;
    }

    /** Sets the text's grey (0 black). */
    void ink(float grey) {
        colour(grey);
    }

    /** Writes one line at ({@code x}, {@code at}) in the current grey. */
    void writeAt(boolean bold, float fontSize, float x, float at, String line) {
        write(bold, fontSize, x, at, line);
    }

    /** Moves the writing position to {@code at}. */
    void moveTo(float at) {
        y = at;
    }

    private void colour(float grey) {
        ink = grey;
        try {
            page.setNonStrokingColor(grey, grey, grey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(boolean bold, float fontSize, float x, float at, String line) {
        text.write(page, bold, fontSize, x, at, line, ink);
    }

    private float measure(float fontSize, String t) {
        return text.measure(fontSize, t);
    }

    private String fit(boolean bold, float fontSize, String t, float max) {
        return text.fit(bold, fontSize, t, max);
    }

    /** Closes the page being written, so pages can be inserted before {@link #save}. */
    void finishPage() {
        if (page != null) {
            try {
                page.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page = null;
        }
    }

    float top() {
        return bodyTop();
    }

    float foot() {
        return bottom();
    }

    static float margin() {
        return MARGIN;
    }

    Color accentColour() {
        return accent;
    }

    /** Writes the document with its running headers and page footers. */
    public void save(OutputStream out) throws IOException {
        if (page == null && doc.getNumberOfPages() == 0) {
            newPage();
        }
        if (page != null) {
            page.close();
            page = null;
        }
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage p = doc.getPage(i);
            if (plain.contains(p)) {
                continue;
            }
            try (PDPageContentStream cs =
                    new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs.setNonStrokingColor(0.4f, 0.4f, 0.4f);
                float at = size.getHeight() - MARGIN + 6;
                for (String line : running) {
                    text.write(cs, false, 7.5f, MARGIN, at, text.fit(false, 7.5f, line, width()), 0.4f);
                    at -= 11;
                }
                text.write(cs, false, 8, MARGIN, MARGIN - 14, title + " · page " + (i + 1) + " of " + n, 0.4f);
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
