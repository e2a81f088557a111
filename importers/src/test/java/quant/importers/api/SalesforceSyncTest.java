package quant.importers.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.job.JobMonitor;
import quant.core.runs.RunHistory;
import quant.core.store.Store;
import quant.importers.api.oauth.OAuthConnect;
import quant.importers.api.salesforce.Salesforce;

/**
 * Salesforce through OAuth 2.0 with PKCE against a fake login server and org: the instance from the token
 * answer, SOQL paged by nextRecordsUrl, opportunities' outcome, the stage history without the rows that
 * only moved an amount, the next sync reading whole histories of the changed opportunities, and the
 * request-limit error waited out.
 */
class SalesforceSyncTest {
    @TempDir
    Path dir;

    WireMockServer api;
    Store store;
    final List<Duration> waits = new ArrayList<>();
    final MemorySecrets secrets = new MemorySecrets();
    final Map<String, char[]> kept = secrets.kept;

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

    static String soql(String... records) {
        return "{\"totalSize\":" + records.length + ",\"done\":true,\"records\":[" + String.join(",", records) + "]}";
    }

    ApiClient connect() throws Exception {
        api.stubFor(post(urlPathEqualTo("/services/oauth2/token"))
                .willReturn(okJson("{\"access_token\":\"00Dxx!token\","
                        + "\"refresh_token\":\"5Aep-refresh\",\"instance_url\":\"" + api.baseUrl() + "\",\"id\":\""
                        + api.baseUrl()
                        + "/id/00D/005\",\"token_type\":\"Bearer\",\"issued_at\":\"1735689600000\"}")));
        api.stubFor(get(urlPathEqualTo("/services/data/v60.0/query"))
                .withQueryParam("q", containing("FROM Organization"))
                .willReturn(okJson(soql("{\"Name\":\"Summit Roofing\"}"))));
        OAuthConnect.Connected connected = OAuthConnect.connect(
                new Salesforce(),
                URI.create(api.baseUrl() + "/"),
                "3MVG9-connected-app",
                null,
                secrets,
                "quant:salesforce:test",
                uri -> {
                    Map<String, String> q = new HashMap<>();
                    for (String pair : uri.getRawQuery().split("&")) {
                        int eq = pair.indexOf('=');
                        q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                    assertThat(q)
                            .containsEntry("scope", "api refresh_token")
                            .containsEntry("client_id", "3MVG9-connected-app");
                    Thread.ofVirtual().start(() -> {
                        try {
                            HttpClient.newHttpClient()
                                    .send(
                                            HttpRequest.newBuilder(URI.create(q.get("redirect_uri")
                                                            + "?code=aPrx&state=" + q.get("state")))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString());
                        } catch (Exception e) {
                            // a browser that cannot load the page is no failure: the test checks what the flow itself
                            // returns
                        }
                    });
                },
                0,
                JobMonitor.NONE);
        assertThat(connected.account()).isEqualTo("Summit Roofing");
        return new ApiClient(
                new Salesforce().vendor(),
                connected.api(),
                OAuthConnect.credentials(
                        new Salesforce(), connected.api(), "3MVG9-connected-app", secrets, "quant:salesforce:test"),
                (d, m) -> waits.add(d));
    }

    void stubOrg() {
        api.stubFor(
                get(urlPathEqualTo("/services/data/v60.0/query"))
                        .withQueryParam("q", containing("FROM User"))
                        .willReturn(
                                okJson(
                                        soql(
                                                "{\"Id\":\"005A\",\"Name\":\"Sam Ortiz\",\"SystemModstamp\":\"2024-05-01T10:00:00.000+0000\"}"))));
        api.stubFor(
                get(urlPathEqualTo("/services/data/v60.0/query"))
                        .withQueryParam("q", containing("FROM Account"))
                        .willReturn(
                                okJson(
                                        "{\"totalSize\":2,\"done\":false,\"nextRecordsUrl\":\"/services/data/v60.0/query/01gA-2000\","
                                                + "\"records\":[{\"Id\":\"001A\",\"Name\":\"Acme Heating\",\"BillingCity\":\"Denver\",\"BillingState\":\"CO\","
                                                + "\"CreatedDate\":\"2024-02-01T12:00:00.000+0000\",\"SystemModstamp\":\"2025-01-05T10:00:00.000+0000\"}]}")));
        api.stubFor(get(urlPathEqualTo("/services/data/v60.0/query/01gA-2000"))
                .willReturn(okJson(soql(
                        "{\"Id\":\"001B\",\"Name\":\"Bolt Plumbing\",\"CreatedDate\":\"2024-03-01T12:00:00.000+0000\","
                                + "\"SystemModstamp\":\"2025-01-06T10:00:00.000+0000\"}"))));
        api.stubFor(get(urlPathEqualTo("/services/data/v60.0/query"))
                .withQueryParam("q", matching(".*FROM Opportunity ORDER.*|.*FROM Opportunity WHERE.*"))
                .willReturn(okJson(soql(
                        "{\"Id\":\"006A\",\"AccountId\":\"001A\",\"OwnerId\":\"005A\",\"Amount\":18000.0,\"StageName\":\"Closed Won\","
                                + "\"IsClosed\":true,\"IsWon\":true,\"CloseDate\":\"2025-01-20\",\"CreatedDate\":\"2024-12-01T12:00:00.000+0000\","
                                + "\"LeadSource\":\"Web\",\"SystemModstamp\":\"2025-01-20T10:00:00.000+0000\"}",
                        "{\"Id\":\"006B\",\"AccountId\":\"001B\",\"OwnerId\":\"005A\",\"Amount\":null,\"StageName\":\"Proposal/Price Quote\","
                                + "\"IsClosed\":false,\"IsWon\":false,\"CloseDate\":\"2025-03-31\",\"CreatedDate\":\"2025-01-02T12:00:00.000+0000\","
                                + "\"LeadSource\":null,\"SystemModstamp\":\"2025-01-21T10:00:00.000+0000\"}"))));
        api.stubFor(get(urlPathEqualTo("/services/data/v60.0/query"))
                .withQueryParam("q", matching(".*FROM OpportunityHistory ORDER BY.*"))
                .willReturn(okJson(soql(
                        history("008A1", "006A", "Prospecting", "2024-12-01"),
                        history("008A2", "006A", "Prospecting", "2024-12-05"),
                        history("008A3", "006A", "Closed Won", "2025-01-20"),
                        history("008B1", "006B", "Proposal/Price Quote", "2025-01-02")))));
    }

    static String history(String id, String opportunity, String stage, String day) {
        return "{\"Id\":\"" + id + "\",\"OpportunityId\":\"" + opportunity + "\",\"StageName\":\"" + stage
                + "\",\"CreatedDate\":\"" + day + "T12:00:00.000+0000\"}";
    }

    String text(String sql) throws Exception {
        try (Connection c = store.readConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void aFullSyncThenAnIncrementalOneWithTheRequestLimitWaitedOut() throws Exception {
        ApiClient client = connect();
        stubOrg();
        Sync.Report first = Sync.run(store, new Salesforce(), client, false, JobMonitor.NONE);
        assertThat(first.objects()).extracting(o -> o.result().inserted()).containsExactly(1L, 2L, 2L, 3L);
        assertThat(
                        text(
                                "SELECT outcome || ' ' || closed_on || ' ' || lead_source FROM deal WHERE external_ref = '006A'"))
                .isEqualTo("won 2025-01-20 web");
        assertThat(text("SELECT outcome || ' ' || expected_close_on FROM deal WHERE external_ref = '006B'"))
                .isEqualTo("open 2025-03-31");
        assertThat(text("SELECT COUNT(*) FROM deal_stage_history WHERE external_ref = '008A2'"))
                .as("a row that only changed the amount is not a new stage")
                .isEqualTo("0");
        assertThat(RunHistory.watermark(store, "salesforce", "accounts")).isEqualTo("2025-01-06T10:00:00Z");

        // the next sync: the request limit once, then the changes
        api.stubFor(get(urlPathEqualTo("/services/data/v60.0/query"))
                .withQueryParam("q", containing("FROM User"))
                .inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                        aResponse()
                                .withStatus(403)
                                .withBody(
                                        "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"))
                .willSetStateTo("open"));
        api.stubFor(get(urlPathEqualTo("/services/data/v60.0/query"))
                .withQueryParam("q", matching(".*FROM OpportunityHistory WHERE CreatedDate.*"))
                .willReturn(
                        okJson(soql("{\"OpportunityId\":\"006B\",\"CreatedDate\":\"2025-02-01T12:00:00.000+0000\"}"))));
        api.stubFor(get(urlPathEqualTo("/services/data/v60.0/query"))
                .withQueryParam("q", matching(".*FROM OpportunityHistory WHERE OpportunityId IN \\('006B'\\).*"))
                .willReturn(okJson(soql(
                        history("008B1", "006B", "Proposal/Price Quote", "2025-01-02"),
                        history("008B2", "006B", "Negotiation/Review", "2025-02-01")))));
        Sync.Report second = Sync.run(store, new Salesforce(), client, false, JobMonitor.NONE);
        assertThat(waits).hasSize(1);
        assertThat(second.objects().get(3).result().inserted()).isEqualTo(1);
        assertThat(second.objects().get(3).result().unchanged()).isEqualTo(1);
        api.verify(getRequestedFor(urlPathEqualTo("/services/data/v60.0/query"))
                .withQueryParam("q", containing("FROM Account WHERE SystemModstamp >= 2025-01-06T10:00:00Z")));
    }
}
