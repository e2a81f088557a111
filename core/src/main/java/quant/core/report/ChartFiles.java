package quant.core.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;
import quant.core.analysis.InvalidSpecException;
import quant.core.io.AtomicFile;

/**
 * One chart as a file: a PNG drawn at a scale (2× for slides, so it stays sharp on a projector) or an
 * SVG of vectors and text (Apache Batik's SVG generator), from the same JFreeChart definition the
 * window and PDF draw.
 */
public final class ChartFiles {
    /** The size a chart is laid out at, in points (CSS pixels for SVG). */
    public static final int WIDTH = 960;

    public static final int HEIGHT = 540;

    private ChartFiles() {}

    /** Draws {@code chart} as a PNG of {@code width × height} laid out, {@code scale} times as many pixels. */
    public static void png(JFreeChart chart, int width, int height, double scale, OutputStream out) throws IOException {
        BufferedImage image = new BufferedImage(
                (int) Math.round(width * scale), (int) Math.round(height * scale), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer is available");
        }
    }

    /** Draws {@code chart} as an SVG document of {@code width × height}. */
    public static void svg(JFreeChart chart, int width, int height, OutputStream out) throws IOException {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .getDOMImplementation()
                    .createDocument("http://www.w3.org/2000/svg", "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML document builder is available", e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(doc);
        context.setComment("Quant Workbench");
        context.setEmbeddedFontsOn(false);
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setSVGCanvasSize(new java.awt.Dimension(width, height));
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        g.stream(w, true);
        w.flush();
    }

    /**
     * Writes {@code chart} to {@code file} (already checked, see {@link quant.core.io.OutputPath}) as
     * PNG at 2× or SVG, by the file's extension, atomically.
     *
     * @throws InvalidSpecException for any other extension
     */
    public static void write(JFreeChart chart, Path file) throws IOException {
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            AtomicFile.write(file, out -> png(chart, WIDTH, HEIGHT, 2, out));
        } else if (name.endsWith(".svg")) {
            AtomicFile.write(file, out -> svg(chart, WIDTH, HEIGHT, out));
        } else {
            throw new InvalidSpecException(
                    "The file " + file + " does not end in .png or .svg; a chart is saved as one of those.");
        }
    }
}
