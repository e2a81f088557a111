package quant.importers.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.importing.ImportException;
import quant.core.job.JobMonitor;
import quant.core.runs.RunHistory;
import quant.core.store.Store;
import quant.importers.api.hubspot.HubSpot;

/**
 * The HubSpot connector against a fake of its API built from the payloads in HubSpot's CRM v3
 * documentation: paging, the deal pipelines, stage history, incremental search, rate limits and the
 * vendor's refusals.
 */
class HubSpotSyncTest {
    static final String TOKEN = "pat-na1-secret-token-0001";

    @TempDir
    Path dir;

    WireMockServer api;
    Store store;
    final List<Duration> waits = new ArrayList<>();

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

    ApiClient client() {
        return new ApiClient(
                new HubSpot().vendor(),
                URI.create(api.baseUrl() + "/"),
                () -> TOKEN.toCharArray(),
                (d, m) -> waits.add(d));
    }

    Sync.Report sync(boolean full) throws Exception {
        return Sync.run(store, new HubSpot(), client(), full, JobMonitor.NONE);
    }

    long count(String sql) throws Exception {
        try (Connection c = store.readConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String text(String sql) throws Exception {
        try (Connection c = store.readConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String company(String id, String name, String modified) {
        return """
                {"id":"%s","properties":{"name":"%s","city":"Austin","state":"TX","zip":"78701","phone":"512-555-0100",
                 "createdate":"2024-03-05T15:00:00.000Z","hs_lastmodifieddate":"%s"},
                 "createdAt":"2024-03-05T15:00:00.000Z","updatedAt":"%s","archived":false}""".formatted(id, name, modified, modified);
    }

    static String deal(String id, String stage, String amount, String company, String modified) {
        return """
                {"id":"%s","properties":{"amount":%s,"dealstage":"%s","pipeline":"default",
                  "closedate":"2025-02-10T12:00:00.000Z","createdate":"2025-01-06T12:00:00.000Z","hubspot_owner_id":"77",
                  "hs_analytics_source":"ORGANIC_SEARCH","hs_lastmodifieddate":"%s"},
                 "propertiesWithHistory":{"dealstage":[
                   {"value":"%s","timestamp":"%s","sourceType":"CRM_UI"},
                   {"value":"appointmentscheduled","timestamp":"2025-01-06T12:00:00.000Z","sourceType":"CRM_UI"}]},
                 "associations":{"companies":{"results":[{"id":"%s","type":"deal_to_company"}]}},
                 "archived":false}""".formatted(id, amount, stage, modified, stage, modified, company);
    }

    void stubAccount() {
        api.stubFor(get(urlPathEqualTo("/crm/v3/owners")).willReturn(okJson("""
                        {"results":[{"id":"77","email":"dana@example.com","firstName":"Dana","lastName":"Reyes",
                          "userId":1,"createdAt":"2023-01-01T00:00:00Z","updatedAt":"2024-01-01T00:00:00Z","archived":false}]}""")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies"))
                .withQueryParam("after", absent())
                .willReturn(okJson("{\"results\":[" + company("101", "Acme Heating", "2025-01-02T10:00:00.000Z") + ","
                        + company("102", "Bolt Plumbing", "2025-01-03T10:00:00.000Z")
                        + "],\"paging\":{\"next\":{\"after\":\"102\",\"link\":\"x\"}}}")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies"))
                .withQueryParam("after", equalTo("102"))
                .willReturn(
                        okJson("{\"results\":[" + company("103", "Crest Roofing", "2025-01-01T10:00:00.000Z") + "]}")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/contacts")).willReturn(okJson("{\"results\":[]}")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/pipelines/deals")).willReturn(okJson("""
                {"results":[{"id":"default","label":"Sales Pipeline","stages":[
                  {"id":"appointmentscheduled","label":"Appointment scheduled","metadata":{"isClosed":"false","probability":"0.2"}},
                  {"id":"contractsent","label":"Contract sent","metadata":{"isClosed":"false","probability":"0.9"}},
                  {"id":"closedwon","label":"Closed won","metadata":{"isClosed":"true","probability":"1.0"}},
                  {"id":"closedlost","label":"Closed lost","metadata":{"isClosed":"true","probability":"0.0"}}]}]}""")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/deals"))
                .withQueryParam("after", absent())
                .withQueryParam("propertiesWithHistory", equalTo("dealstage"))
                .willReturn(okJson(
                        "{\"results\":[" + deal("9001", "closedwon", "\"12500.00\"", "101", "2025-02-10T12:00:00.000Z")
                                + "],\"paging\":{\"next\":{\"after\":\"9001\"}}}")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/deals"))
                .withQueryParam("after", equalTo("9001"))
                .willReturn(okJson("{\"results\":["
                        + deal("9002", "contractsent", "\"4000\"", "102", "2025-02-11T08:00:00.000Z") + "]}")));
    }

    @Test
    void aFullSyncReadsEveryPageOfEveryObjectAndMapsDealsByTheirPipeline() throws Exception {
        stubAccount();
        Sync.Report report = sync(false);
        assertThat(report.objects())
                .extracting(Sync.ObjectResult::object)
                .containsExactly("owners", "companies", "contacts", "deals", "deal-stages");
        assertThat(report.objects()).extracting(o -> o.result().inserted()).containsExactly(1L, 3L, 0L, 2L, 4L);
        assertThat(count("SELECT COUNT(*) FROM customer WHERE source = 'hubspot'"))
                .isEqualTo(3);
        assertThat(text("SELECT outcome || ' ' || stage || ' ' || closed_on FROM deal WHERE external_ref = '9001'"))
                .isEqualTo("won Closed won 2025-02-10");
        assertThat(
                        text(
                                "SELECT outcome || ' ' || expected_close_on || ' ' || lead_source FROM deal WHERE external_ref = '9002'"))
                .isEqualTo("open 2025-02-10 organic_search");
        assertThat(
                        text(
                                "SELECT c.name FROM deal d JOIN customer c ON c.id = d.customer_id WHERE d.external_ref = '9002'"))
                .isEqualTo("Bolt Plumbing");
        assertThat(
                        text(
                                "SELECT r.name FROM deal d JOIN sales_rep r ON r.id = d.sales_rep_id WHERE d.external_ref = '9001'"))
                .isEqualTo("Dana Reyes");
        assertThat(
                        count(
                                "SELECT COUNT(*) FROM deal_stage_history h JOIN deal d ON d.id = h.deal_id"
                                        + " WHERE d.external_ref = '9001' AND h.stage = 'Appointment scheduled' AND h.entered_on = DATE '2025-01-06'"))
                .isEqualTo(1);
        assertThat(RunHistory.watermark(store, "hubspot", "companies")).isEqualTo("2025-01-03T10:00:00Z");
        assertThat(RunHistory.watermark(store, "hubspot", "deals")).isEqualTo("2025-02-11T08:00:00Z");
        assertThat(RunHistory.watermark(store, "hubspot", "owners")).isNull();
    }

    @Test
    void theNextSyncAsksForWhatChangedSinceTheWatermarkAndUpdatesExactlyThoseRows() throws Exception {
        stubAccount();
        sync(false);
        api.stubFor(post(urlPathEqualTo("/crm/v3/objects/companies/search"))
                .willReturn(okJson("{\"total\":1,\"results\":["
                        + company("102", "Bolt Plumbing & Sons", "2025-03-01T00:00:00.000Z") + "]}")));
        api.stubFor(post(urlPathEqualTo("/crm/v3/objects/contacts/search"))
                .willReturn(okJson("{\"total\":0,\"results\":[]}")));
        api.stubFor(
                post(urlPathEqualTo("/crm/v3/objects/deals/search"))
                        .willReturn(
                                okJson(
                                        "{\"total\":1,\"results\":[{\"id\":\"9002\",\"properties\":{\"hs_lastmodifieddate\":\"2025-03-02T00:00:00Z\"}}]}")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/deals/9002"))
                .willReturn(okJson(deal("9002", "closedlost", "\"4000\"", "102", "2025-03-02T00:00:00.000Z"))));
        Sync.Report second = sync(false);
        assertThat(second.objects()).extracting(o -> o.result().updated()).containsExactly(0L, 1L, 0L, 1L, 0L);
        assertThat(second.objects()).extracting(o -> o.result().inserted()).containsExactly(0L, 0L, 0L, 0L, 1L);
        assertThat(text("SELECT name FROM customer WHERE external_ref = 'company-102'"))
                .isEqualTo("Bolt Plumbing & Sons");
        assertThat(text("SELECT outcome FROM deal WHERE external_ref = '9002'")).isEqualTo("lost");
        api.verify(postRequestedFor(urlPathEqualTo("/crm/v3/objects/companies/search"))
                .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].value", equalTo("1735898400000"))));
        assertThat(RunHistory.watermark(store, "hubspot", "companies")).isEqualTo("2025-03-01T00:00:00Z");
    }

    @Test
    void aRateLimitIsWaitedOutAsTheVendorAsks() throws Exception {
        stubAccount();
        api.stubFor(get(urlPathEqualTo("/crm/v3/owners"))
                .inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                        aResponse()
                                .withStatus(429)
                                .withHeader("Retry-After", "3")
                                .withBody(
                                        "{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\",\"category\":\"RATE_LIMITS\"}"))
                .willSetStateTo("waited"));
        api.stubFor(get(urlPathEqualTo("/crm/v3/owners"))
                .inScenario("limit")
                .whenScenarioStateIs("waited")
                .willReturn(okJson("{\"results\":[{\"id\":\"77\",\"firstName\":\"Dana\",\"lastName\":\"Reyes\"}]}")));
        sync(false);
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
        assertThat(count("SELECT COUNT(*) FROM sales_rep")).isEqualTo(1);
    }

    @Test
    void aServerErrorInTheMiddleWritesNothingAndTheNextSyncIsComplete() throws Exception {
        stubAccount();
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/deals"))
                .withQueryParam("after", equalTo("9001"))
                .inScenario("outage")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                        aResponse().withStatus(502).withBody("{\"status\":\"error\",\"message\":\"Bad gateway\"}")));
        assertThatThrownBy(() -> sync(false))
                .isInstanceOfSatisfying(
                        ImportException.class, e -> assertThat(e.kind()).isEqualTo(ImportException.Kind.SOURCE))
                .hasMessage(
                        "HubSpot answered 502 to GET /crm/v3/objects/deals: Bad gateway. Nothing was written; sync again later.");
        assertThat(waits).as("a read is retried with back-off first").hasSize(ApiClient.ATTEMPTS - 1);
        assertThat(count("SELECT COUNT(*) FROM customer")).isZero();
        assertThat(count("SELECT COUNT(*) FROM sales_rep")).isZero();
        api.resetAll();
        stubAccount();
        Sync.Report again = sync(false);
        assertThat(again.objects()).extracting(o -> o.result().inserted()).containsExactly(1L, 3L, 0L, 2L, 4L);
    }

    @Test
    void anExpiredTokenAndAMissingScopeAreOneSentenceWithoutTheToken() throws Exception {
        api.stubFor(
                get(urlPathEqualTo("/crm/v3/owners"))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withBody(
                                                "{\"status\":\"error\",\"message\":\"Authentication credentials not found.\",\"category\":\"INVALID_AUTHENTICATION\"}")));
        assertThatThrownBy(() -> sync(false))
                .hasMessage("HubSpot refused the access token for GET /crm/v3/owners: it has expired or been revoked"
                        + " (Authentication credentials not found.). Connect again with quant connect hubspot.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
        api.stubFor(
                get(urlPathEqualTo("/crm/v3/owners"))
                        .willReturn(
                                aResponse()
                                        .withStatus(403)
                                        .withBody(
                                                "{\"status\":\"error\",\"message\":\"This app hasn't been granted all required scopes; required: crm.objects.owners.read\",\"category\":\"MISSING_SCOPES\"}")));
        assertThatThrownBy(() -> sync(false))
                .hasMessageContaining("HubSpot refused GET /crm/v3/owners: the connection lacks a permission (scope):")
                .hasMessageContaining("crm.objects.owners.read");
        assertThat(count("SELECT COUNT(*) FROM import_run WHERE outcome = 'imported'"))
                .isZero();
    }

    @Test
    void malformedJsonAndAFieldThatChangedTypeAreRefusedWithWhereAndWhy() throws Exception {
        stubAccount();
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/contacts")).willReturn(okJson("{\"results\":[{\"id\":\"1\",")));
        assertThatThrownBy(() -> sync(false))
                .hasMessageStartingWith(
                        "HubSpot answered GET /crm/v3/objects/contacts with something that is not JSON (line 1");
        stubAccount();
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/deals"))
                .withQueryParam("after", absent())
                .willReturn(okJson("{\"results\":["
                        + deal("9001", "closedwon", "{\"value\":12500}", "101", "2025-02-10T12:00:00.000Z") + "]}")));
        assertThatThrownBy(() -> sync(false))
                .isInstanceOfSatisfying(
                        ImportException.class, e -> assertThat(e.kind()).isEqualTo(ImportException.Kind.INVALID_DATA))
                .hasMessageContaining("hubspot deals")
                .hasMessageContaining("amount");
        assertThat(count("SELECT COUNT(*) FROM deal")).isZero();
    }

    @Test
    void anEmptyAccountSyncsToNothing() throws Exception {
        api.stubFor(get(urlPathEqualTo("/crm/v3/owners")).willReturn(okJson("{\"results\":[]}")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/companies")).willReturn(okJson("{\"results\":[]}")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/contacts")).willReturn(okJson("{\"results\":[]}")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/pipelines/deals")).willReturn(okJson("{\"results\":[]}")));
        api.stubFor(get(urlPathEqualTo("/crm/v3/objects/deals")).willReturn(okJson("{\"results\":[]}")));
        Sync.Report report = sync(false);
        assertThat(report.objects())
                .allSatisfy(o -> assertThat(o.result().read()).isZero());
        assertThat(RunHistory.watermark(store, "hubspot", "companies")).isNull();
    }
}
