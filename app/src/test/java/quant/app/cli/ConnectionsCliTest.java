package quant.app.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;
import quant.core.store.DataFolder;

/**
 * {@code quant connect / sync / connections / disconnect} against a fake HubSpot: the token comes from
 * standard input and goes to the encrypted secrets file (this machine has no credential store), never
 * into the database or the output.
 */
class ConnectionsCliTest {
    static final String TOKEN = "pat-na1-cli-secret-0042";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    WireMockServer api;
    String db;
    String pass;

    @BeforeEach
    void start() throws Exception {
        api = new WireMockServer(wireMockConfig().dynamicPort());
        api.start();
        db = dir.resolve("company").toString();
        Path passphrase = dir.resolve("pass.txt");
        Files.writeString(passphrase, "correct horse battery staple\n");
        pass = passphrase.toString();
        Files.deleteIfExists(DataFolder.get().resolve("secrets.json"));
        api.stubFor(get(urlPathEqualTo("/account-info/v3/details"))
                .willReturn(okJson("{\"portalId\":4242,\"timeZone\":\"US/Central\"}")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/owners"))
                .willReturn(okJson("{\"results\":[{\"id\":\"7\",\"firstName\":\"Ann\",\"lastName\":\"Lee\"}]}")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies")).willReturn(okJson("""
                {"results":[{"id":"1","properties":{"name":"Acme","createdate":"2024-05-01T12:00:00Z",
                 "hs_lastmodifieddate":"2025-01-01T12:00:00Z"}}]}""")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/contacts")).willReturn(okJson("{\"results\":[]}")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/pipelines/deals")).willReturn(okJson("{\"results\":[]}")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/deals"))
                .withQueryParam("after", absent())
                .willReturn(okJson("{\"results\":[]}")));
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    @Test
    void connectSyncListAndDisconnectKeepTheTokenOutOfTheDatabaseAndTheOutput() throws Exception {
        var connect = InProcessQuant.quantWithInput(
                TOKEN + "\n",
                "--db",
                db,
                "connect",
                "hubspot",
                "--base-url",
                api.baseUrl(),
                "--secrets-passphrase-file",
                pass);
        assertThat(connect.code()).as(connect.err()).isZero();
        assertThat(connect.out()).startsWith("Connected to HubSpot (portal 4242) at " + api.baseUrl() + "/");

        var first = InProcessQuant.quant("--db", db, "sync", "--json", "--secrets-passphrase-file", pass);
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode objects = JSON.readTree(first.out()).get(0).get("objects");
        assertThat(objects.get(1).get("object").asText()).isEqualTo("companies");
        assertThat(objects.get(1).get("inserted").asLong()).isEqualTo(1);
        assertThat(objects.get(1).get("upTo").asText()).isEqualTo("2025-01-01T12:00:00Z");

        api.stubFor(post(urlPathEqualTo("/crm/v3/objects/companies/search")).willReturn(okJson("""
                {"total":1,"results":[{"id":"1","properties":{"name":"Acme Heating","createdate":"2024-05-01T12:00:00Z",
                 "hs_lastmodifieddate":"2025-02-01T12:00:00Z"}}]}""")));
        api.stubFor(post(urlPathEqualTo("/crm/v3/objects/contacts/search"))
                .willReturn(okJson("{\"total\":0,\"results\":[]}")));
        var second = InProcessQuant.quant("--db", db, "sync", "hubspot", "--secrets-passphrase-file", pass);
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).containsPattern("companies +1 +0 +1 +0  2025-02-01T12:00:00Z");

        var list = InProcessQuant.quant("--db", db, "connections", "--json");
        JsonNode connection = JSON.readTree(list.out()).get(0);
        assertThat(connection.get("connector").asText()).isEqualTo("hubspot");
        assertThat(connection.get("account").asText()).isEqualTo("portal 4242");
        assertThat(connection.get("lastSync").findValuesAsText("object")).contains("owners", "companies", "deals");

        for (var r : java.util.List.of(connect, first, second, list)) {
            assertThat(r.out() + r.err()).doesNotContain(TOKEN);
        }
        byte[] database = Files.readAllBytes(Path.of(db + ".mv.db"));
        assertThat(new String(database, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
        assertThat(Files.readString(DataFolder.get().resolve("secrets.json"))).doesNotContain(TOKEN);

        var gone = InProcessQuant.quant("--db", db, "disconnect", "hubspot", "--secrets-passphrase-file", pass);
        assertThat(gone.code()).isZero();
        var after = InProcessQuant.quant("--db", db, "sync", "--secrets-passphrase-file", pass);
        assertThat(after.code()).isEqualTo(2);
        assertThat(after.err()).contains("The database has no connection; connect first with quant connect VENDOR.");
    }

    @Test
    void aRefusedTokenConnectsNothingAndATokenIsNeverAnArgument() throws Exception {
        api.stubFor(get(urlPathEqualTo("/account-info/v3/details"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"status\":\"error\",\"message\":\"Authentication credentials not found.\"}")));
        var refused = InProcessQuant.quantWithInput(
                "pat-wrong\n",
                "--db",
                db,
                "connect",
                "hubspot",
                "--base-url",
                api.baseUrl(),
                "--secrets-passphrase-file",
                pass);
        assertThat(refused.code()).isEqualTo(3);
        assertThat(refused.err()).contains("HubSpot refused the access token").doesNotContain("pat-wrong");
        assertThat(Path.of(db + ".mv.db"))
                .as("a refused connection creates nothing")
                .doesNotExist();

        var noInput =
                InProcessQuant.quantWithInput("", "--db", db, "connect", "hubspot", "--secrets-passphrase-file", pass);
        assertThat(noInput.code()).isEqualTo(2);
        assertThat(noInput.err()).contains("No HubSpot access token on standard input");

        var asArgument = InProcessQuant.quant("--db", db, "connect", "hubspot", TOKEN);
        assertThat(asArgument.code()).isEqualTo(2);
        assertThat(InProcessQuant.quant("--db", db, "connect", "nosuch").err())
                .contains(
                        "There is no connector \"nosuch\"; the connectors are hubspot, stripe, quickbooks, xero, salesforce.");
    }

    /**
     * A user's browser for the OAuth flow: it watches what {@code quant connect} writes on standard error
     * and, at the vendor's address, approves and follows the redirect as the vendor would.
     */
    static final class Browser extends java.io.Writer {
        final StringBuilder seen = new StringBuilder();

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            seen.append(buf, off, len);
            int at = seen.indexOf("http");
            int end = seen.indexOf("\n", Math.max(at, 0));
            if (at >= 0 && end > at && seen.indexOf("redirect_uri") > 0) {
                URI uri = URI.create(seen.substring(at, end).strip());
                seen.setLength(0);
                java.util.Map<String, String> q = new java.util.HashMap<>();
                for (String pair : uri.getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    q.put(
                            pair.substring(0, eq),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
                Thread.ofVirtual().start(() -> {
                    try {
                        java.net.http.HttpClient.newHttpClient()
                                .send(
                                        java.net.http.HttpRequest.newBuilder(URI.create(
                                                        q.get("redirect_uri") + "?code=c1&state=" + q.get("state")))
                                                .build(),
                                        java.net.http.HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        // a browser that cannot load the page is no failure: the test checks what the flow itself
                        // returns
                    }
                });
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Test
    void anOAuthVendorConnectsThroughTheBrowserAndSyncs() throws Exception {
        api.stubFor(post(urlPathEqualTo("/connect/token"))
                .willReturn(okJson(
                        "{\"access_token\":\"xero-access\",\"refresh_token\":\"xero-refresh\",\"expires_in\":1800}")));
        api.stubFor(
                get(urlPathEqualTo("/connections"))
                        .willReturn(
                                okJson(
                                        "[{\"tenantId\":\"t-1\",\"tenantType\":\"ORGANISATION\",\"tenantName\":\"Demo Company (US)\"}]")));
        api.stubFor(get(urlPathEqualTo("/api.xro/2.0/Organisation"))
                .willReturn(okJson("{\"Organisations\":[{\"Name\":\"Demo Company (US)\"}]}")));
        for (String list : java.util.List.of("Items", "Contacts", "Invoices", "Payments")) {
            api.stubFor(get(urlPathEqualTo("/api.xro/2.0/" + list)).willReturn(okJson("{\"" + list + "\":[]}")));
        }
        api.stubFor(get(urlPathEqualTo("/api.xro/2.0/Contacts")).willReturn(okJson("""
                {"Contacts":[{"ContactID":"ct-1","Name":"Ridge Electric","UpdatedDateUTC":"/Date(1738368000000+0000)/"}]}""")));
        var cl = QuantCommand.commandLine();
        java.io.StringWriter out = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(out));
        cl.setErr(new java.io.PrintWriter(new Browser(), true));
        int code = cl.execute(QuantCommand.arguments(new String[] {
            "--db",
            db,
            "connect",
            "xero",
            "--client-id",
            "xero-app",
            "--base-url",
            api.baseUrl(),
            "--redirect-port",
            "0",
            "--secrets-passphrase-file",
            pass
        }));
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).startsWith("Connected to Xero (Demo Company (US))");
        var sync = InProcessQuant.quant("--db", db, "sync", "xero", "--json", "--secrets-passphrase-file", pass);
        assertThat(sync.code()).as(sync.err()).isZero();
        assertThat(JSON.readTree(sync.out())
                        .get(0)
                        .get("objects")
                        .get(1)
                        .get("inserted")
                        .asLong())
                .isEqualTo(1);
        api.verify(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api.xro/2.0/Contacts"))
                        .withHeader("xero-tenant-id", com.github.tomakehurst.wiremock.client.WireMock.equalTo("t-1")));
        assertThat(Files.readString(DataFolder.get().resolve("secrets.json"))).doesNotContain("xero-access");
    }
}
