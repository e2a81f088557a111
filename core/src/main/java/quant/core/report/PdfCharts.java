package quant.core.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;

/**
 * A JFreeChart drawn into a PDF page as vectors: painted through a PDFBox {@code Graphics2D} into a
 * form and placed on the page. A chart narrower than {@value #LAYOUT_WIDTH} points is laid out at that
 * width and scaled down, so its text keeps its proportion to the plot (two charts side by side).
 */
final class PdfCharts {
    static final float LAYOUT_WIDTH = 560;

    private PdfCharts() {}

    /** Draws {@code chart} with its lower left corner at ({@code x}, {@code bottom}), {@code w} × {@code h} points. */
    static void draw(
            PDDocument doc, PDPageContentStream page, JFreeChart chart, float x, float bottom, float w, float h) {
        try {
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
            double k = Math.max(1, LAYOUT_WIDTH / w);
            g.scale(1 / k, 1 / k);
            chart.draw(g, new Rectangle2D.Double(0, 0, w * k, h * k));
            g.dispose();
            PDFormXObject form = g.getXFormObject();
            page.saveGraphicsState();
            page.transform(Matrix.getTranslateInstance(x, bottom));
            page.drawForm(form);
            page.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
