package quant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import quant.app.data.DataView;
import quant.app.job.FxJobRunner;
import quant.app.settings.Settings;
import quant.app.shell.MainWindow;
import quant.app.shell.WorkbenchViewModel;
import quant.core.store.Passphrases;
import quant.core.store.Store;

/**
 * An encrypted database opened in the window: the passphrase is asked for, a wrong one is said and
 * asked again, the right one opens it; File ▸ Back up… and Restore from a backup… are there once it
 * is open. The dialog is saved under {@code target/screenshots/}.
 */
@ExtendWith(ApplicationExtension.class)
class EncryptedWindowUiTest {
    private WorkbenchViewModel model;
    private Path db;

    @Start
    void start(Stage stage) throws Exception {
        db = Files.createTempDirectory("quant-encrypted-ui").resolve("secret.mv.db");
        Passphrases.give(db, "open sesame".toCharArray());
        try (Store store = Store.open(db)) {
            assertThat(store.isEmpty()).isTrue();
        }
        Passphrases.forget(db);
        FxJobRunner jobs = new FxJobRunner();
        model = new WorkbenchViewModel(jobs);
        new MainWindow(
                stage,
                model,
                jobs,
                Settings.DEFAULTS.withLayout(
                        new Settings.DockLayoutState(List.of(new Settings.OpenView(DataView.ID, "side")), 0.2, null)));
        stage.show();
        model.openExisting(db);
    }

    private static PasswordField field(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#passphrase")
                .tryQuery()
                .isPresent());
        return robot.lookup("#passphrase").queryAs(PasswordField.class);
    }

    @Test
    void thePassphraseIsAskedForAndOpensTheDatabase(FxRobot robot) throws Exception {
        PasswordField field = field(robot);
        Window dialog = field.getScene().getWindow();
        var image = WaitForAsyncUtils.asyncFx(() -> field.getScene().getRoot().snapshot(null, null))
                .get();
        Files.createDirectories(WorkbenchUiTest.SCREENSHOTS);
        ImageIO.write(
                SwingFXUtils.fromFXImage(image, null),
                "png",
                WorkbenchUiTest.SCREENSHOTS.resolve("passphrase-dialog.png").toFile());

        robot.interact(() -> field.setText("open sesame?"));
        robot.clickOn("Open");
        PasswordField again = field(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> again.getScene().getWindow() != dialog);
        assertThat(((javafx.scene.control.DialogPane) again.getScene().getRoot()).getHeaderText())
                .contains("does not open", "Try again");

        robot.interact(() -> again.setText("open sesame"));
        robot.clickOn("Open");
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.storeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        List<MenuItem> file = bar.getMenus().getFirst().getItems();
        assertThat(file).extracting(MenuItem::getText).contains("Back up…", "Restore from a backup…");
        assertThat(file.stream()
                        .filter(i -> "Back up…".equals(i.getText()))
                        .findFirst()
                        .orElseThrow()
                        .isDisable())
                .isFalse();
        Passphrases.forget(db);
    }
}
