package quant.importers.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.importing.ImportException;
import quant.core.job.JobMonitor;
import quant.core.store.Store;
import quant.importers.api.oauth.LoopbackAuthorization;
import quant.importers.api.oauth.OAuthConnect;
import quant.importers.api.quickbooks.QuickBooks;

/**
 * QuickBooks Online through OAuth 2.0 with PKCE against a fake authorisation server and API: the
 * loopback flow (state and verifier checked, a forged state refused, the port released), the tokens
 * renewed when the API says the access token expired, a revoked refresh token reported, the query
 * paged by start position, a payment split over the invoices it pays.
 */
class QuickBooksSyncTest {
    @TempDir
    Path dir;

    WireMockServer api;
    Store store;
    final MemorySecrets secrets = new MemorySecrets();
    final Map<String, char[]> kept = secrets.kept;
    final Map<String, String> authorizeQuery = new LinkedHashMap<>();
    int loopbackPort;

    @BeforeEach
    void start() {
        api = new WireMockServer(wireMockConfig().dynamicPort());
        api.start();
        store = Store.open(dir.resolve("db"));
    }

    @AfterEach
    void stop() {
        store.close();
        api.stop();
    }

    /** A user agent that approves: it reads the authorisation request and follows the redirect. */
    Consumer<URI> browser(String state) {
        return uri -> {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                authorizeQuery.put(
                        pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            URI redirect = URI.create(authorizeQuery.get("redirect_uri"));
            loopbackPort = redirect.getPort();
            String back = redirect + "?code=auth-code-1&realmId=9130&state="
                    + (state != null ? state : authorizeQuery.get("state"));
            Thread.ofVirtual().start(() -> {
                try {
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(back)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    // a browser that cannot load the page is no failure: the test checks what the flow itself returns
                }
            });
        };
    }

    void stubTokens() {
        api.stubFor(post(urlPathEqualTo("/oauth2/v1/tokens/bearer"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("""
                        {"access_token":"at-1","refresh_token":"rt-1","token_type":"bearer","expires_in":3600,
                         "x_refresh_token_expires_in":8726400}""")));
        api.stubFor(get(urlPathEqualTo("/v3/company/9130/companyinfo/9130"))
                .willReturn(okJson("{\"CompanyInfo\":{\"CompanyName\":\"Bright Air HVAC\",\"Id\":\"1\"}}")));
    }

    OAuthConnect.Connected connect(String state) throws Exception {
        return OAuthConnect.connect(
                new QuickBooks(),
                URI.create(api.baseUrl() + "/"),
                "app-client-id",
                "app-client-secret".toCharArray(),
                secrets,
                "quant:quickbooks:test",
                browser(state),
                0,
                JobMonitor.NONE);
    }

    static String query(String entity, String... records) {
        return "{\"QueryResponse\":{\"" + entity + "\":[" + String.join(",", records)
                + "],\"startPosition\":1,\"maxResults\":" + records.length
                + "},\"time\":\"2025-03-01T10:00:00.000-08:00\"}";
    }

    void stubCompany() {
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= QuickBooksPage.SIZE; i++) {
            many.append(i > 1 ? "," : "")
                    .append("{\"Id\":\"")
                    .append(i)
                    .append("\",\"DisplayName\":\"Customer ")
                    .append(i)
                    .append(
                            "\",\"Active\":true,\"MetaData\":{\"CreateTime\":\"2024-01-05T12:00:00-08:00\",\"LastUpdatedTime\":\"2025-01-0")
                    .append(1 + i % 5)
                    .append("T10:00:00-08:00\"}}");
        }
        api.stubFor(get(urlPathEqualTo("/v3/company/9130/query"))
                .withQueryParam("query", containing("FROM Item"))
                .willReturn(okJson(query("Item", """
                        {"Id":"5","Name":"Furnace tune-up","Type":"Service","UnitPrice":149.5,"Active":true,
                         "MetaData":{"CreateTime":"2023-01-01T00:00:00-08:00","LastUpdatedTime":"2024-06-01T00:00:00-07:00"}}"""))));
        api.stubFor(get(urlPathEqualTo("/v3/company/9130/query"))
                .withQueryParam("query", matching(".*FROM Customer.*STARTPOSITION 1 .*"))
                .willReturn(okJson("{\"QueryResponse\":{\"Customer\":[" + many + "]}}")));
        api.stubFor(get(urlPathEqualTo("/v3/company/9130/query"))
                .withQueryParam("query", matching(".*FROM Customer.*STARTPOSITION 1001 .*"))
                .willReturn(okJson(query("Customer", """
                        {"Id":"1001","DisplayName":"Last Customer","PrimaryEmailAddr":{"Address":"last@example.com"},
                         "BillAddr":{"Line1":"9 Elm St","City":"Tulsa","CountrySubDivisionCode":"OK","PostalCode":"74103"},
                         "MetaData":{"CreateTime":"2024-02-01T12:00:00-08:00","LastUpdatedTime":"2025-02-01T10:00:00-08:00"}}"""))));
        api.stubFor(get(urlPathEqualTo("/v3/company/9130/query"))
                .withQueryParam("query", containing("FROM Invoice"))
                .willReturn(okJson(query("Invoice", """
                        {"Id":"130","DocNumber":"1037","TxnDate":"2025-01-10","DueDate":"2025-02-09","TotalAmt":900.00,
                         "Balance":0,"CustomerRef":{"value":"1001"},"MetaData":{"LastUpdatedTime":"2025-01-20T10:00:00-08:00"}}""", """
                        {"Id":"131","DocNumber":"1038","TxnDate":"2025-01-12","DueDate":"2025-02-11","TotalAmt":400.00,
                         "Balance":150.00,"CustomerRef":{"value":"1001"},"MetaData":{"LastUpdatedTime":"2025-01-21T10:00:00-08:00"}}"""))));
        api.stubFor(get(urlPathEqualTo("/v3/company/9130/query"))
                .withQueryParam("query", containing("FROM Payment"))
                .willReturn(okJson(query("Payment", """
                        {"Id":"200","TxnDate":"2025-01-25","TotalAmt":1200.00,"UnappliedAmt":50.00,"CustomerRef":{"value":"1001"},
                         "PaymentMethodRef":{"value":"2","name":"Check"},
                         "Line":[{"Amount":900.00,"LinkedTxn":[{"TxnId":"130","TxnType":"Invoice"}]},
                                 {"Amount":250.00,"LinkedTxn":[{"TxnId":"131","TxnType":"Invoice"}]}],
                         "MetaData":{"LastUpdatedTime":"2025-01-25T10:00:00-08:00"}}"""))));
    }

    String text(String sql) throws Exception {
        try (Connection c = store.readConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void theLoopbackFlowChecksStateAndVerifierAndNamesTheCompany() throws Exception {
        stubTokens();
        OAuthConnect.Connected connected = connect(null);
        assertThat(connected.account()).isEqualTo("Bright Air HVAC");
        assertThat(connected.api().toString()).isEqualTo(api.baseUrl() + "/v3/company/9130/");
        assertThat(authorizeQuery)
                .containsEntry("client_id", "app-client-id")
                .containsEntry("scope", "com.intuit.quickbooks.accounting")
                .containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256");
        String verifier = api.findAll(postRequestedFor(urlPathEqualTo("/oauth2/v1/tokens/bearer")))
                .getFirst()
                .getBodyAsString()
                .replaceAll(".*code_verifier=([^&]+).*", "$1");
        assertThat(LoopbackAuthorization.challenge(verifier)).isEqualTo(authorizeQuery.get("code_challenge"));
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/oauth2/v1/tokens/bearer")))
                        .getFirst()
                        .getHeader("Authorization"))
                .as("the app's secret goes as HTTP Basic")
                .startsWith("Basic ");
        assertThat(new String(kept.get("quant:quickbooks:test")))
                .contains("\"accessToken\":\"at-1\"")
                .contains("rt-1");
        try (ServerSocket again = new ServerSocket(loopbackPort)) {
            assertThat(again.getLocalPort()).as("the loopback port is released").isEqualTo(loopbackPort);
        }
    }

    @Test
    void aForgedStateIsRefusedAndNothingIsKept() throws Exception {
        stubTokens();
        assertThatThrownBy(() -> connect("forged-state"))
                .isInstanceOf(ImportException.class)
                .hasMessage("The authorisation's answer did not carry the state the workbench sent, so it was refused;"
                        + " connect again.");
        assertThat(kept).isEmpty();
        api.verify(0, postRequestedFor(urlPathEqualTo("/oauth2/v1/tokens/bearer")));
        try (ServerSocket again = new ServerSocket(loopbackPort)) {
            assertThat(again.getLocalPort()).isEqualTo(loopbackPort);
        }
    }

    @Test
    void aSyncPagesByStartPositionSplitsPaymentsAndRenewsAnExpiredToken() throws Exception {
        stubTokens();
        OAuthConnect.Connected connected = connect(null);
        stubCompany();
        // the first item query finds the access token expired; the refresh rotates the refresh token
        api.stubFor(get(urlPathEqualTo("/v3/company/9130/query"))
                .withQueryParam("query", containing("FROM Item"))
                .inScenario("expiry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401).withBody("""
                        {"Fault":{"Error":[{"Message":"message=AuthenticationFailed; errorCode=003200; statusCode=401",
                          "Detail":"Token expired","code":"3200"}],"type":"AUTHENTICATION"}}"""))
                .willSetStateTo("renewed"));
        api.stubFor(post(urlPathEqualTo("/oauth2/v1/tokens/bearer"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("{\"access_token\":\"at-2\",\"refresh_token\":\"rt-2\",\"expires_in\":3600}")));
        ApiClient client = new ApiClient(
                new QuickBooks().vendor(),
                connected.api(),
                OAuthConnect.credentials(
                        new QuickBooks(), connected.api(), "app-client-id", secrets, "quant:quickbooks:test"),
                (d, m) -> {});
        Sync.Report report = Sync.run(store, new QuickBooks(), client, false, JobMonitor.NONE);
        assertThat(report.objects())
                .extracting(o -> o.result().read() + "/" + o.result().inserted() + "/"
                        + o.result().updated() + "/" + o.result().unchanged())
                .containsExactly("1/1/0/0", "1001/1001/0/0", "2/2/0/0", "3/3/0/0");
        assertThat(new String(kept.get("quant:quickbooks:test")))
                .contains("at-2")
                .contains("rt-2");
        assertThat(text("SELECT status FROM invoice WHERE external_ref = '130'"))
                .isEqualTo("paid");
        assertThat(text("SELECT status FROM invoice WHERE external_ref = '131'"))
                .isEqualTo("open");
        assertThat(text("SELECT SUM(amount) FROM payment WHERE external_ref LIKE '200-%'"))
                .isEqualTo("1200.00");
        assertThat(
                        text(
                                "SELECT amount || ' ' || method FROM payment WHERE external_ref = '200-unapplied' AND invoice_id IS NULL"))
                .isEqualTo("50.00 check");
        assertThat(text("SELECT city || ' ' || region FROM customer WHERE external_ref = '1001'"))
                .isEqualTo("Tulsa OK");
        assertThat(text("SELECT list_price || ' ' || family FROM product WHERE external_ref = '5'"))
                .isEqualTo("149.50 service");
    }

    @Test
    void aRevokedRefreshTokenIsOneSentence() throws Exception {
        stubTokens();
        OAuthConnect.Connected connected = connect(null);
        api.stubFor(
                get(urlPathEqualTo("/v3/company/9130/query"))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withBody(
                                                "{\"Fault\":{\"Error\":[{\"Message\":\"message=AuthenticationFailed\",\"Detail\":\"Token revoked\",\"code\":\"3200\"}]}}")));
        api.stubFor(post(urlPathEqualTo("/oauth2/v1/tokens/bearer"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));
        ApiClient client = new ApiClient(
                new QuickBooks().vendor(),
                connected.api(),
                OAuthConnect.credentials(
                        new QuickBooks(), connected.api(), "app-client-id", secrets, "quant:quickbooks:test"),
                (d, m) -> {});
        assertThatThrownBy(() -> Sync.run(store, new QuickBooks(), client, false, JobMonitor.NONE))
                .hasMessage(
                        "QuickBooks refused the access token for GET /v3/company/9130/query: it has expired or been"
                                + " revoked (message=AuthenticationFailed (Token revoked)). Connect again with quant connect quickbooks.");
        assertThat(text("SELECT COUNT(*) FROM customer")).isEqualTo("0");
    }

    /** The page size the connector asks for. */
    static final class QuickBooksPage {
        static final int SIZE = 1000;
    }
}
