package quant.app.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import quant.app.SampleViews;
import quant.app.job.FxJobRunner;
import quant.app.reports.Secrets;
import quant.core.connections.Connections;
import quant.core.store.Store;
import quant.importers.api.stripe.Stripe;

/**
 * Data ▸ Connections on a new database and a fake Stripe: the empty state, connecting, Sync now from
 * the button with each object's counts, a schedule, and disconnecting; photographed at 1280×800 in
 * both themes.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionsViewUiTest {
    private Stage stage;
    private ConnectionsViewModel model;
    private Store store;
    private WireMockServer api;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("quant-connections");
        store = Store.open(dir.resolve("db"));
        api = new WireMockServer(wireMockConfig().dynamicPort());
        api.start();
        Secrets secrets = new Secrets(dir.resolve("secrets.json"));
        secrets.unlock("a passphrase for the test".toCharArray());
        model = new ConnectionsViewModel(new FxJobRunner(), () -> store, secrets, () -> {});
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new ConnectionsView(model), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        api.stop();
        store.close();
    }

    void stubStripe() {
        long now = java.time.Instant.now().getEpochSecond();
        api.stubFor(get(urlPathEqualTo("/v1/events"))
                .willReturn(okJson("{\"object\":\"list\",\"has_more\":false,\"data\":[{\"id\":\"evt_1\",\"created\":"
                        + (now - 5) + "}]}")));
        api.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(okJson("""
                {"object":"list","has_more":false,"data":[
                 {"id":"cus_A","object":"customer","name":"Acme Heating","created":1704110400},
                 {"id":"cus_B","object":"customer","name":"Bolt Plumbing","created":1706788800}]}""")));
        api.stubFor(get(urlPathEqualTo("/v1/invoices")).willReturn(okJson("""
                {"object":"list","has_more":false,"data":[
                 {"id":"in_1","object":"invoice","customer":"cus_A","number":"INV-1","status":"open","total":48000,
                  "currency":"usd","created":1735819200,"due_date":1738411200,"status_transitions":{"finalized_at":1735819200}}]}""")));
        api.stubFor(get(urlPathEqualTo("/v1/charges")).willReturn(okJson("""
                {"object":"list","has_more":false,"data":[
                 {"id":"ch_1","object":"charge","status":"succeeded","amount":9900,"amount_refunded":0,"currency":"usd",
                  "created":1736424000,"invoice":null,"customer":"cus_B","payment_method_details":{"type":"card"}}]}""")));
    }

    @Test
    void connectSyncScheduleAndDisconnect(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "connections-empty.png");
        stubStripe();
        robot.interact(
                () -> model.connect(new Stripe(), URI.create(api.baseUrl() + "/"), "rk_test_ui_0001".toCharArray()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.rows().size() == 1);
        assertThat(model.messageProperty().get()).startsWith("Connected to Stripe; the token is in ");

        robot.clickOn("#sync-now");
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> model.messageProperty().get().startsWith("Synced Stripe"));
        assertThat(model.messageProperty().get()).isEqualTo("Synced Stripe: 4 rows inserted, 0 updated.");
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> !model.rows().getFirst().syncs().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> objects = robot.lookup("#connection-objects").queryAs(TableView.class);
        assertThat(objects.getItems()).hasSize(3);

        robot.clickOn("Sync every");
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.messageProperty().get().contains("every 6 hours"));
        assertThat(Connections.find(store, "stripe").orElseThrow().syncEveryHours())
                .isEqualTo(6);
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.rows().getFirst().connection().syncEveryHours() != null);
        robot.interact(() -> robot.lookup("#connections")
                .queryAs(TableView.class)
                .getSelectionModel()
                .selectFirst());
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "connections-light.png");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        SampleViews.save(stage, "connections-dark.png");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));

        // the Connect… dialog for an OAuth vendor asks for the app's client id and the secret only where needed
        robot.clickOn("Connect…");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<quant.importers.api.Connector> vendor =
                robot.lookup(".combo-box").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> vendor.getSelectionModel()
                .select(vendor.getItems().stream()
                        .filter(c -> c.name().equals("quickbooks"))
                        .findFirst()
                        .orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window dialog = robot.listTargetWindows().stream()
                .filter(w -> w != stage && w.isShowing())
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(robot.lookup("Client id").tryQuery()).isPresent();
        java.awt.image.BufferedImage shot = javafx.embed.swing.SwingFXUtils.fromFXImage(
                WaitForAsyncUtils.asyncFx(() -> dialog.getScene().snapshot(null))
                        .get(),
                null);
        javax.imageio.ImageIO.write(
                shot,
                "png",
                SampleViews.SCREENSHOTS
                        .resolve("connections-connect-quickbooks.png")
                        .toFile());
        robot.interact(() -> vendor.getSelectionModel()
                .select(vendor.getItems().stream()
                        .filter(c -> c.name().equals("xero"))
                        .findFirst()
                        .orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".password-field")
                        .queryAs(javafx.scene.control.PasswordField.class)
                        .isVisible())
                .as("Xero's PKCE apps have no secret")
                .isFalse();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("Disconnect");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.rows().isEmpty());
        assertThat(Connections.all(store)).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("Disconnected from Stripe");
    }

    @Test
    void anOAuthVendorConnectsThroughTheBrowserAndSyncsFromTheWindow(FxRobot robot) throws Exception {
        api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/connect/token"))
                .willReturn(okJson("{\"access_token\":\"xa\",\"refresh_token\":\"xr\",\"expires_in\":1800}")));
        api.stubFor(get(urlPathEqualTo("/connections"))
                .willReturn(okJson(
                        "[{\"tenantId\":\"t-9\",\"tenantType\":\"ORGANISATION\",\"tenantName\":\"Demo Company\"}]")));
        api.stubFor(get(urlPathEqualTo("/api.xro/2.0/Organisation"))
                .willReturn(okJson("{\"Organisations\":[{\"Name\":\"Demo Company\"}]}")));
        for (String list : java.util.List.of("Items", "Invoices", "Payments")) {
            api.stubFor(get(urlPathEqualTo("/api.xro/2.0/" + list)).willReturn(okJson("{\"" + list + "\":[]}")));
        }
        api.stubFor(get(urlPathEqualTo("/api.xro/2.0/Contacts"))
                .withHeader("xero-tenant-id", com.github.tomakehurst.wiremock.client.WireMock.equalTo("t-9"))
                .willReturn(okJson("{\"Contacts\":[{\"ContactID\":\"ct-1\",\"Name\":\"Ridge Electric\","
                        + "\"UpdatedDateUTC\":\"/Date(1738368000000+0000)/\"}]}")));
        // the user's browser: it follows the address the view shows and approves
        model.messageProperty().addListener((o, was, sentence) -> {
            int at = sentence == null ? -1 : sentence.indexOf("go to http");
            if (at < 0) {
                return;
            }
            URI uri = URI.create(sentence.substring(at + "go to ".length()).strip());
            java.util.Map<String, String> q = new java.util.HashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                q.put(
                        pair.substring(0, eq),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
            Thread.ofVirtual().start(() -> {
                try {
                    java.net.http.HttpClient.newHttpClient()
                            .send(
                                    java.net.http.HttpRequest.newBuilder(URI.create(
                                                    q.get("redirect_uri") + "?code=c&state=" + q.get("state")))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    // a browser that cannot load the page is no failure: the test checks the connection
                }
            });
        });
        robot.interact(() -> model.connectOAuth(
                new quant.importers.api.xero.Xero(), URI.create(api.baseUrl() + "/"), "xero-app", null));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.rows().size() == 1);
        assertThat(model.messageProperty().get()).startsWith("Connected to Xero (Demo Company)");
        robot.interact(() -> model.sync(model.rows().getFirst(), false));
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> model.messageProperty().get().startsWith("Synced Xero"));
        assertThat(model.messageProperty().get()).isEqualTo("Synced Xero: 1 rows inserted, 0 updated.");
    }
}
