package quant.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Headline figures on a {@link PdfSheet}: boxes side by side, as many as fit the width and sharing it,
 * wrapping to further rows; each its name small, its value large and a short line under it; a figure
 * that needs attention drawn with a warm border.
 */
final class PdfFigures {
    private static final float BOX = 150;
    private static final float GAP = 8;
    private static final float HEIGHT = 46;

    private PdfFigures() {}

    static void write(PdfSheet sheet, List<PdfSheet.Figure> figures) {
        if (figures.isEmpty()) {
            return;
        }
        float width = sheet.width();
        int perRow = Math.max(1, (int) ((width + GAP) / (BOX + GAP)));
        float box = (width - (perRow - 1) * GAP) / perRow;
        PdfText text = sheet.text();
        for (int start = 0; start < figures.size(); start += perRow) {
            sheet.turn(HEIGHT + 8);
            float top = sheet.y() - 4;
            float x = PdfSheet.margin();
            PDPageContentStream page = sheet.stream();
            for (PdfSheet.Figure f : figures.subList(start, Math.min(figures.size(), start + perRow))) {
                try {
                    if (f.warn()) {
                        page.setStrokingColor(0.84f, 0.37f, 0f);
                        page.setLineWidth(1.2f);
                    } else {
                        page.setStrokingColor(0.82f, 0.84f, 0.87f);
                        page.setLineWidth(0.8f);
                    }
                    page.addRect(x, top - HEIGHT, box, HEIGHT);
                    page.stroke();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                sheet.ink(0.35f);
                sheet.writeAt(false, 7.5f, x + 6, top - 11, text.fit(false, 7.5f, f.label(), box - 12));
                sheet.ink(0f);
                sheet.writeAt(true, 13, x + 6, top - 27, text.fit(true, 13, f.value(), box - 12));
                sheet.ink(0.35f);
                sheet.writeAt(false, 6.5f, x + 6, top - 39, text.fit(false, 6.5f, f.detail(), box - 12));
                sheet.ink(0f);
                x += box + GAP;
            }
            sheet.moveTo(top - HEIGHT - 6);
        }
    }
}
