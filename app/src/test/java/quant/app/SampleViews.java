package quant.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;
import quant.core.job.JobMonitor;
import quant.core.store.Store;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/** What the analysis view tests share: one sample-company store per test JVM, and screenshots. */
public final class SampleViews {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static Store store;

    private SampleViews() {}

    /** The sample company in a temporary database, loaded on first use and closed when the JVM ends. */
    public static synchronized Store store() throws Exception {
        if (store == null) {
            Files.createDirectories(SCREENSHOTS);
            Store s = Store.open(Files.createTempDirectory("quant-views").resolve("sample"));
            SampleLoader.load(s, new SampleSource(1), JobMonitor.NONE);
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
            store = s;
        }
        return store;
    }

    /** Saves the stage's scene as {@code target/screenshots/NAME}. */
    public static void save(Stage stage, String name) throws Exception {
        var image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null))
                .get();
        ImageIO.write(
                SwingFXUtils.fromFXImage(image, null),
                "png",
                SCREENSHOTS.resolve(name).toFile());
    }
}
