package quant.core.report.pack;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.view.FloatSize;
import com.github.weisj.jsvg.view.ViewBox;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import quant.core.analysis.InvalidSpecException;

/**
 * A company's logo for a pack's cover: a PNG image, or an SVG drawing kept as vectors in the PDF
 * (rendered by JSVG through a PDFBox {@code Graphics2D}). Read once and checked when the definition is
 * read, so a missing or broken file is one sentence before any work.
 */
public final class Logo {
    /** The largest logo file read, in bytes. */
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private final Path file;
    private final BufferedImage png;
    private final SVGDocument svg;

    private Logo(Path file, BufferedImage png, SVGDocument svg) {
        this.file = file;
        this.png = png;
        this.svg = svg;
    }

    /**
     * Reads a logo file.
     *
     * @throws InvalidSpecException in one sentence when the file is missing, too large, not PNG or SVG
     *     by its name, or cannot be read as one
     */
    public static Logo read(Path file) {
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean isSvg = name.endsWith(".svg");
        if (!isSvg && !name.endsWith(".png")) {
            throw new InvalidSpecException(
                    "The logo " + file + " is neither a .png nor an .svg file; give one of those.");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidSpecException("The logo file " + file + " does not exist; check the path (a relative path"
                    + " is read from the definition's folder).");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidSpecException("The logo " + file + " is larger than 5 MB; use a smaller image.");
            }
            if (isSvg) {
                SVGDocument doc = new SVGLoader().load(file.toUri().toURL());
                FloatSize size = doc == null ? null : doc.size();
                if (size == null || !(size.width > 0) || !(size.height > 0)) {
                    throw new InvalidSpecException("The logo " + file + " could not be read as an SVG drawing with a"
                            + " width and a height.");
                }
                return new Logo(file, null, doc);
            }
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new InvalidSpecException("The logo " + file + " could not be read as a PNG image.");
            }
            return new Logo(file, image, null);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidSpecException i) {
                throw i;
            }
            throw new InvalidSpecException("The logo " + file + " could not be read: " + e.getMessage() + ".");
        }
    }

    public Path file() {
        return file;
    }

    /** Width over height. */
    public double aspect() {
        return png != null ? (double) png.getWidth() / png.getHeight() : svg.size().width / svg.size().height;
    }

    /**
     * Draws the logo into the box at ({@code x}, {@code y}) (its lower left corner), as large as fits
     * {@code maxWidth} × {@code maxHeight} points keeping its shape, left-aligned.
     */
    public void draw(PDDocument doc, PDPageContentStream page, float x, float y, float maxWidth, float maxHeight) {
        float w = maxWidth;
        float h = (float) (w / aspect());
        if (h > maxHeight) {
            h = maxHeight;
            w = (float) (h * aspect());
        }
        try {
            if (png != null) {
                PDImageXObject image = LosslessFactory.createFromImage(doc, png);
                page.drawImage(image, x, y + maxHeight - h, w, h);
                return;
            }
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
            svg.render(null, g, new ViewBox(0, 0, w, h));
            g.dispose();
            PDFormXObject form = g.getXFormObject();
            page.saveGraphicsState();
            page.transform(Matrix.getTranslateInstance(x, y + maxHeight - h));
            page.drawForm(form);
            page.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The logo as PNG bytes, {@code height} pixels high (a PNG logo as it is when it is smaller). */
    public byte[] png(int height) {
        BufferedImage image = png;
        if (svg != null) {
            int w = Math.max(1, (int) Math.round(height * aspect()));
            image = new BufferedImage(w, height, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            svg.render(null, g, new ViewBox(0, 0, w, height));
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
