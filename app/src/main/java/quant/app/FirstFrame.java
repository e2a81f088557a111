package quant.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.slf4j.LoggerFactory;

/**
 * For the first-window benchmark: when the environment names a file in {@code QUANT_FIRST_FRAME}, the
 * window writes to it, once its first frame with content has been laid out and drawn, the JVM's uptime
 * in milliseconds; with {@code QUANT_FIRST_FRAME_EXIT=1} it then closes. Nothing happens otherwise.
 */
final class FirstFrame {
    /** Frames counted before reporting: the first lays the scene out, the one after has drawn it. */
    private static final int FRAMES = 2;

    private FirstFrame() {}

    static void watch(Scene scene) {
        String file = System.getenv("QUANT_FIRST_FRAME");
        if (file == null || file.isBlank()) {
            return;
        }
        int[] frames = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (++frames[0] < FRAMES) {
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            try {
                Files.writeString(Path.of(file), uptime + "\n");
            } catch (IOException e) {
                LoggerFactory.getLogger(FirstFrame.class).warn("Could not write the first frame's time", e);
            }
            if ("1".equals(System.getenv("QUANT_FIRST_FRAME_EXIT"))) {
                Platform.runLater(Platform::exit);
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
