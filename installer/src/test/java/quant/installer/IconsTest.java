package quant.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IconsTest {
    @TempDir
    Path dir;

    @Test
    void theWindowsIconHoldsEachSizeAsAPngThatItsDirectoryPointsAt() throws Exception {
        byte[] ico = Icons.ico(Icons.ICO_SIZES);
        ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort(0)).isZero();
        assertThat(b.getShort(2)).as("type: icon").isEqualTo((short) 1);
        assertThat(b.getShort(4)).isEqualTo((short) Icons.ICO_SIZES.length);
        for (int i = 0; i < Icons.ICO_SIZES.length; i++) {
            int entry = 6 + 16 * i;
            int side = Byte.toUnsignedInt(b.get(entry));
            assertThat(side == 0 ? 256 : side).isEqualTo(Icons.ICO_SIZES[i]);
            assertThat(b.getShort(entry + 6)).as("bits per pixel").isEqualTo((short) 32);
            int size = b.getInt(entry + 8);
            int offset = b.getInt(entry + 12);
            BufferedImage image =
                    ImageIO.read(new ByteArrayInputStream(Arrays.copyOfRange(ico, offset, offset + size)));
            assertThat(image.getWidth()).isEqualTo(Icons.ICO_SIZES[i]);
            assertThat(image.getHeight()).isEqualTo(Icons.ICO_SIZES[i]);
        }
        int last = 6 + 16 * (Icons.ICO_SIZES.length - 1);
        assertThat(b.getInt(last + 12) + b.getInt(last + 8))
                .as("the last image ends the file")
                .isEqualTo(ico.length);
    }

    @Test
    void theMacIconFamilyHasTheRightLengthsAndAPngOfEachSize() throws Exception {
        int[] sizes = {16, 32, 64, 128, 256, 512, 1024};
        byte[] icns = Icons.icns(sizes);
        ByteBuffer b = ByteBuffer.wrap(icns).order(ByteOrder.BIG_ENDIAN);
        assertThat(new String(icns, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(b.getInt(4)).isEqualTo(icns.length);
        List<String> types = new ArrayList<>();
        int at = 8;
        while (at < icns.length) {
            String type = new String(icns, at, 4, StandardCharsets.US_ASCII);
            int length = b.getInt(at + 4);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Arrays.copyOfRange(icns, at + 8, at + length)));
            assertThat(image.getWidth()).as(type).isEqualTo(sizes[types.size()]);
            types.add(type);
            at += length;
        }
        assertThat(at).isEqualTo(icns.length);
        assertThat(types).containsExactly("icp4", "icp5", "icp6", "ic07", "ic08", "ic09", "ic10");
    }

    @Test
    void eachPlatformGetsItsOwnFileAndTheDrawingIsNotEmpty() throws Exception {
        assertThat(Icons.forPlatform(dir, "Windows 11").getFileName().toString())
                .isEqualTo("quant.ico");
        assertThat(Icons.forPlatform(dir, "Mac OS X").getFileName().toString()).isEqualTo("quant.icns");
        Path png = Icons.forPlatform(dir, "Linux");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(256);
        long opaque = 0;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                if ((image.getRGB(x, y) >>> 24) > 200) {
                    opaque++;
                }
            }
        }
        assertThat(opaque).as("pixels drawn").isGreaterThan(256 * 256 / 4);
        // for people to look at
        Path shots = Files.createDirectories(Path.of("target", "icons"));
        for (int size : new int[] {16, 32, 48, 256}) {
            Files.write(shots.resolve("quant-" + size + ".png"), Icons.png(size));
        }
    }
}
