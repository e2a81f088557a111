package quant.core.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import quant.core.report.PdfSheet.Column;

/**
 * A table drawn on a {@link PdfSheet}: a shaded header row repeated on every page the rows run onto, a
 * hairline under each row, numbers aligned right, long cells cut with "…", the last row in bold for a
 * total; columns too many for the page continue in further blocks that repeat the first column. A
 * status column draws a dot in the status colour before the word, which carries it in black and white.
 */
final class PdfTable {
    private static final float BODY = 8.5f;
    private static final float ROW = 13;
    private static final float CELL_PAD = 3;

    private final PdfSheet sheet;

    PdfTable(PdfSheet sheet) {
        this.sheet = sheet;
    }

    /** How much wider than the page a table may be and still be drawn in one block, its columns narrowed. */
    private static final float SQUEEZE = 1.2f;

    void write(List<Column> given, List<List<String>> rows, boolean boldLast) {
        List<Column> columns = given;
        float total = tableWidth(given);
        if (total > sheet.width() && total <= sheet.width() * SQUEEZE) {
            // a little too wide: narrow every column rather than start a second block for one or two
            float k = sheet.width() / total;
            columns = given.stream()
                    .map(c -> new Column(c.title(), c.width() * k, c.right(), c.status()))
                    .toList();
        }
        for (List<Integer> block : blocks(columns)) {
            List<Column> cols = block.stream().map(columns::get).toList();
            List<List<String>> cells = rows.stream()
                    .map(r -> block.stream()
                            .map(i -> i < r.size() ? r.get(i) : "")
                            .toList())
                    .toList();
            block(cols, cells, boldLast);
        }
    }

    /** The column indexes of each block that fits the width: the first column, then as many as fit. */
    private List<List<Integer>> blocks(List<Column> columns) {
        List<List<Integer>> blocks = new ArrayList<>();
        List<Integer> block = new ArrayList<>(List.of(0));
        float used = columns.get(0).width();
        for (int i = 1; i < columns.size(); i++) {
            float w = columns.get(i).width();
            if (used + w > sheet.width() && block.size() > 1) {
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

    private void block(List<Column> columns, List<List<String>> rows, boolean boldLast) {
        sheet.turn(3 * ROW);
        header(columns);
        for (int r = 0; r < rows.size(); r++) {
            if (sheet.turn(ROW)) {
                header(columns);
            }
            sheet.down(ROW);
            cells(boldLast && r == rows.size() - 1, columns, rows.get(r), false);
            rule(sheet.y() - 4, tableWidth(columns));
        }
        sheet.down(8);
    }

    private static float tableWidth(List<Column> columns) {
        float w = 0;
        for (Column c : columns) {
            w += c.width();
        }
        return w;
    }

    private void header(List<Column> columns) {
        sheet.down(ROW);
        PDPageContentStream page = sheet.stream();
        try {
            page.setNonStrokingColor(0.92f, 0.93f, 0.95f);
            page.addRect(PdfSheet.margin(), sheet.y() - 4, Math.min(sheet.width(), tableWidth(columns)), ROW);
            page.fill();
            page.setNonStrokingColor(0f, 0f, 0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cells(true, columns, columns.stream().map(Column::title).toList(), true);
    }

    private void cells(boolean bold, List<Column> columns, List<String> values, boolean header) {
        PdfText text = sheet.text();
        float x = PdfSheet.margin();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String v = i < values.size() ? values.get(i) : "";
            float left = x + CELL_PAD;
            float room = c.width() - 2 * CELL_PAD;
            Color dot = header || !c.status() ? null : statusColour(v);
            if (dot != null) {
                disc(left + 3, sheet.y() + 3, 3, dot);
                left += 10;
                room -= 10;
            }
            v = text.fit(bold, BODY, v, room);
            float w = text.measure(BODY, v);
            sheet.write(bold, c.right() ? x + c.width() - CELL_PAD - w : left, v);
            x += c.width();
        }
    }

    /** The colour of a status word, or null for text that is none. */
    static Color statusColour(String word) {
        return switch (word) {
            case "on track" -> new Color(0x2e7d32);
            case "warning" -> new Color(0xe69500);
            case "critical" -> new Color(0xc62828);
            case "not judged" -> new Color(0x9e9e9e);
            default -> null;
        };
    }

    private void disc(float cx, float cy, float r, Color c) {
        PDPageContentStream page = sheet.stream();
        try {
            float k = 0.5523f * r;
            page.setNonStrokingColor(c);
            page.moveTo(cx + r, cy);
            page.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
            page.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
            page.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
            page.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
            page.fill();
            float ink = sheet.ink();
            page.setNonStrokingColor(ink, ink, ink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The width a column needs for its widest text, header in bold included, within {@code max}. */
    static float columnWidth(PdfText text, String header, List<String> texts, float max) {
        float w = text.measure(BODY, header) * 1.04f;
        for (String t : texts) {
            w = Math.max(w, text.measure(BODY, t));
        }
        return Math.min(max, w + 2 * CELL_PAD + 2);
    }

    private void rule(float at, float w) {
        PDPageContentStream page = sheet.stream();
        try {
            page.setStrokingColor(0.85f, 0.85f, 0.85f);
            page.setLineWidth(0.5f);
            page.moveTo(PdfSheet.margin(), at);
            page.lineTo(PdfSheet.margin() + Math.min(sheet.width(), w), at);
            page.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
