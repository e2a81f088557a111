package quant.installer;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.view.ViewBox;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The product's icon, drawn from its SVG ({@code quant.svg}) at the sizes each platform wants, in the
 * file each platform's packager takes: a PNG of 256 pixels on Linux (the desktop entry's icon), an
 * {@code .ico} on Windows (16, 24, 32, 48, 64 and 256 pixels, each entry a PNG as Windows Vista and
 * later read them), an {@code .icns} on macOS (16 to 1024 pixels, the PNG entry types {@code icp4}…
 * {@code ic10} of Apple's icon family format).
 */
final class Icons {
    static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 256};

    /** The icns entry type for each size (Apple's icon family types holding PNG data). */
    static final Map<Integer, String> ICNS_TYPES =
            Map.of(16, "icp4", 32, "icp5", 64, "icp6", 128, "ic07", 256, "ic08", 512, "ic09", 1024, "ic10");

    private Icons() {}

    /** Writes the icon for the platform named by {@code os.name} into {@code out}; returns its path. */
    static Path forPlatform(Path out, String osName) throws IOException {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("windows")) {
            Path ico = out.resolve("quant.ico");
            Files.write(ico, ico(ICO_SIZES));
            return ico;
        }
        if (os.contains("mac")) {
            Path icns = out.resolve("quant.icns");
            Files.write(icns, icns(new int[] {16, 32, 64, 128, 256, 512, 1024}));
            return icns;
        }
        Path png = out.resolve("quant.png");
        Files.write(png, png(256));
        return png;
    }

    /** The icon drawn at {@code size} × {@code size} pixels, as PNG bytes. */
    static byte[] png(int size) {
        SVGDocument svg = new SVGLoader().load(Icons.class.getResource("/quant.svg"));
        if (svg == null) {
            throw new IllegalStateException("quant.svg could not be read");
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        svg.render(null, g, new ViewBox(0, 0, size, size));
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A Windows icon file: a 6-byte header (reserved 0, type 1, count), a 16-byte directory entry per
     * image (width and height, 0 meaning 256; colour count 0; planes 1; 32 bits per pixel; the data's
     * size and offset), then each image's PNG data. Little-endian throughout.
     */
    static byte[] ico(int[] sizes) {
        List<byte[]> images = new ArrayList<>();
        int total = 6 + 16 * sizes.length;
        for (int size : sizes) {
            byte[] png = png(size);
            images.add(png);
            total += png.length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = 6 + 16 * sizes.length;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1 || sizes[i] > 256) {
                throw new IllegalArgumentException("an .ico image is 1 to 256 pixels, not " + sizes[i]);
            }
            byte side = (byte) (sizes[i] == 256 ? 0 : sizes[i]);
            b.put(side).put(side).put((byte) 0).put((byte) 0);
            b.putShort((short) 1).putShort((short) 32);
            b.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(b::put);
        return b.array();
    }

    /**
     * A macOS icon family: the magic {@code icns} and the file's length, then per image its four-letter
     * type, its length with this 8-byte entry header, and its PNG data. Big-endian.
     */
    static byte[] icns(int[] sizes) {
        List<byte[]> entries = new ArrayList<>();
        int total = 8;
        for (int size : sizes) {
            String type = ICNS_TYPES.get(size);
            if (type == null) {
                throw new IllegalArgumentException("an .icns has no PNG entry of " + size + " pixels");
            }
            byte[] png = png(size);
            ByteBuffer e = ByteBuffer.allocate(8 + png.length).order(ByteOrder.BIG_ENDIAN);
            e.put(type.getBytes(StandardCharsets.US_ASCII))
                    .putInt(8 + png.length)
                    .put(png);
            entries.add(e.array());
            total += 8 + png.length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        b.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(total);
        entries.forEach(b::put);
        return b.array();
    }
}
