package quant.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import quant.core.job.JobMonitor;
import quant.core.store.DomainTable;
import quant.core.store.Role;
import quant.core.store.ServerRoles;
import quant.core.store.Store;
import quant.core.store.TestServers;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/**
 * The window on a team server's database: the status bar names the server and the user's role, and
 * when a colleague imports from another workbench, the open Data view shows their rows without the
 * user doing anything. Photographed at 1280×800 in both themes.
 */
@ExtendWith(ApplicationExtension.class)
class TeamServerUiTest {
    static TestServers.Scratch server;

    private WorkbenchViewModel model;
    private Stage stage;

    @BeforeAll
    static void sampleOnTheServer() throws Exception {
        server = TestServers.fresh("ui");
        try (Store store = Store.open(server.location())) {
            SampleLoader.load(store, new SampleSource(1), JobMonitor.NONE);
        }
        Files.createDirectories(SampleViews.SCREENSHOTS);
    }

    @AfterAll
    static void drop() {
        if (server != null) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Settings settings = Settings.DEFAULTS.withLayout(
                new Settings.DockLayoutState(List.of(new Settings.OpenView(DataView.ID, "main")), 0.25, DataView.ID));
        FxJobRunner jobs = new FxJobRunner();
        model = new WorkbenchViewModel(jobs);
        new MainWindow(stage, model, jobs, settings);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        model.open(server.location(), false);
    }

    @Test
    void aColleaguesImportReachesTheOpenView(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> model.countsProperty().get().getOrDefault(DomainTable.CUSTOMER, 0L) > 0);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof DataView)
                .tryQuery()
                .isPresent());
        DataView data = (DataView) robot.lookup(n -> n instanceof DataView).query();
        assertThat(data.shownCount(DomainTable.CUSTOMER)).isEqualTo("2,957");
        Label database = robot.lookup("#status-database").queryAs(Label.class);
        assertThat(database.getText()).isEqualTo(server.location().describe() + "  (role: admin)");
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        MenuItem backup = item(bar, "menu-backup");
        assertThat(backup.isVisible()).as("a server is not backed up to a zip").isFalse();

        // a colleague imports a customer from their own workbench (here: the command line, its own store)
        Path customers = Files.createTempFile("colleague", ".csv");
        Files.writeString(
                customers,
                "Customer,Phone Numbers,Email,Billing Address\n"
                        + "Harbour View Dental,555-0100,office@harbourview.example,1 Quay Street\n");
        InProcessQuant.Run run = InProcessQuant.quant(
                "--db", server.location().url(), "import", customers.toString(), "--preset", "qbo-customers");
        assertThat(run.code()).as(run.err()).isZero();

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> data.shownCount(DomainTable.CUSTOMER)
                .equals("2,958"));
        Label notice = robot.lookup("#status-notice").queryAs(Label.class);
        assertThat(notice.getText()).isEqualTo("A colleague changed the data; the views show it now.");
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "team-server-light.png");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "team-server-dark.png");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @Test
    void aViewerOpensTheServerWithAPasswordAndCannotImport(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> model.storeProperty().get() != null);
        char[] secret = "a viewer's password".toCharArray();
        String viewer = TestServers.user(server, "ui_viewer", secret);
        try (Store admin = Store.open(server.location())) {
            ServerRoles.init(admin);
            ServerRoles.grant(admin, viewer, Role.VIEWER);
        }
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        // a dialog waits for its answer: fired later, not inside interact(), which would wait with it
        javafx.application.Platform.runLater(() -> item(bar, "menu-open-server").fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#server-address")
                .tryQuery()
                .isPresent());
        TextField address = robot.lookup("#server-address").queryAs(TextField.class);
        Label problem = robot.lookup("#server-address-problem").queryAs(Label.class);
        robot.interact(() -> address.setText(server.as(viewer).url() + "&password=guess"));
        assertThat(problem.getText()).startsWith("The server address holds a password;");
        robot.interact(() -> address.setText(server.as(viewer).url()));
        assertThat(problem.getText()).isEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save((Stage) address.getScene().getWindow(), "team-server-open-light.png");
        robot.clickOn("Open");
        // the server refuses a user without a password: the window asks for it
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#server-password")
                .tryQuery()
                .isPresent());
        PasswordField password = robot.lookup("#server-password").queryAs(PasswordField.class);
        robot.interact(() -> password.setText(new String(secret)));
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save((Stage) password.getScene().getWindow(), "team-server-password-light.png");
        robot.clickOn("Open");
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> model.storeProperty().get() != null
                        && model.storeProperty().get().role() == Role.VIEWER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(item(bar, "menu-import").isDisable())
                .as("a viewer imports nothing")
                .isTrue();
        assertThat(robot.lookup("#status-database").queryAs(Label.class).getText())
                .isEqualTo(server.location().describe() + "  (role: viewer)");
        SampleViews.save(stage, "team-server-viewer-light.png");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "team-server-viewer-dark.png");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    private static MenuItem item(MenuBar bar, String id) {
        return bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId()))
                .findFirst()
                .orElseThrow();
    }
}
