package quant.importers.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.job.JobMonitor;
import quant.core.runs.RunHistory;
import quant.core.runs.RunUndo;
import quant.core.store.Store;
import quant.importers.api.stripe.Stripe;

/**
 * The Stripe connector against a fake of its API from the payloads in Stripe's API reference: list
 * paging, drafts and failed charges left out, a charge without an invoice kept with its customer,
 * refunds netted, a zero-decimal currency, the event feed for the next sync, undo.
 */
class StripeSyncTest {
    static final String KEY = "rk_test_51Hsecretkeyvalue0001";

    @TempDir
    Path dir;

    WireMockServer api;
    Store store;
    long now = Instant.now().getEpochSecond();

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

    Sync.Report sync() throws Exception {
        ApiClient client = new ApiClient(
                new Stripe().vendor(), URI.create(api.baseUrl() + "/"), () -> KEY.toCharArray(), (d, m) -> {});
        return Sync.run(store, new Stripe(), client, false, JobMonitor.NONE);
    }

    String text(String sql) throws Exception {
        try (Connection c = store.readConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String customer(String id, String name, long created) {
        return """
                {"id":"%s","object":"customer","name":"%s","email":"ap@example.com","phone":null,
                 "address":{"line1":"1 Main St","city":"Austin","state":"TX","postal_code":"78701","country":"US"},
                 "created":%d}""".formatted(id, name, created);
    }

    void stubAccount() {
        api.stubFor(get(urlPathEqualTo("/v1/events"))
                .withQueryParam("type", absent())
                .willReturn(okJson(
                        "{\"object\":\"list\",\"data\":[{\"id\":\"evt_9\",\"object\":\"event\",\"type\":\"charge.succeeded\",\"created\":"
                                + (now - 60) + "}],\"has_more\":true}")));
        api.stubFor(get(urlPathEqualTo("/v1/customers"))
                .withQueryParam("starting_after", absent())
                .willReturn(okJson("{\"object\":\"list\",\"data\":[" + customer("cus_A", "Acme Heating", 1704067200)
                        + "],\"has_more\":true,\"url\":\"/v1/customers\"}")));
        api.stubFor(get(urlPathEqualTo("/v1/customers"))
                .withQueryParam("starting_after", equalTo("cus_A"))
                .willReturn(okJson("{\"object\":\"list\",\"data\":[" + customer("cus_B", "Bolt Plumbing", 1706745600)
                        + "],\"has_more\":false,\"url\":\"/v1/customers\"}")));
        api.stubFor(get(urlPathEqualTo("/v1/invoices")).willReturn(okJson("""
                {"object":"list","has_more":false,"url":"/v1/invoices","data":[
                 {"id":"in_1","object":"invoice","customer":"cus_A","number":"INV-0001","status":"paid","total":125000,
                  "currency":"usd","created":1735732800,"due_date":1738411200,"status_transitions":{"finalized_at":1735819200}},
                 {"id":"in_2","object":"invoice","customer":"cus_B","number":null,"status":"draft","total":5000,
                  "currency":"usd","created":1735689600,"due_date":null,"status_transitions":{"finalized_at":null}},
                 {"id":"in_3","object":"invoice","customer":"cus_B","number":"INV-0003","status":"uncollectible","total":70000,
                  "currency":"jpy","created":1735732800,"due_date":null,"status_transitions":{"finalized_at":1735732800}}]}""")));
        api.stubFor(get(urlPathEqualTo("/v1/charges")).willReturn(okJson("""
                {"object":"list","has_more":false,"url":"/v1/charges","data":[
                 {"id":"ch_1","object":"charge","status":"succeeded","amount":125000,"amount_refunded":0,"currency":"usd",
                  "created":1736380800,"invoice":"in_1","customer":"cus_A","payment_method_details":{"type":"card"}},
                 {"id":"ch_2","object":"charge","status":"succeeded","amount":9900,"amount_refunded":1900,"currency":"usd",
                  "created":1736467200,"invoice":null,"customer":"cus_B","payment_method_details":{"type":"us_bank_account"}},
                 {"id":"ch_3","object":"charge","status":"failed","amount":5000,"amount_refunded":0,"currency":"usd",
                  "created":1736467200,"invoice":null,"customer":"cus_B","payment_method_details":{"type":"card"}},
                 {"id":"ch_4","object":"charge","status":"succeeded","amount":700,"amount_refunded":0,"currency":"usd",
                  "created":1736467200,"invoice":null,"customer":null,"payment_method_details":{"type":"card"}}]}""")));
    }

    @Test
    void aFullSyncKeepsPaymentsWithoutAnInvoiceWithTheirCustomer() throws Exception {
        stubAccount();
        Sync.Report report = sync();
        assertThat(report.objects()).extracting(o -> o.result().inserted()).containsExactly(2L, 2L, 2L);
        assertThat(
                        text(
                                "SELECT amount || ' ' || status || ' ' || issued_on || ' ' || due_on FROM invoice WHERE external_ref = 'in_1'"))
                .isEqualTo("1250.00 paid 2025-01-02 2025-02-01");
        assertThat(
                        text(
                                "SELECT amount || ' ' || status || ' ' || invoice_number FROM invoice WHERE external_ref = 'in_3'"))
                .as("yen have no minor unit; written off counts as void")
                .isEqualTo("70000.00 void INV-0003");
        assertThat(text(
                        "SELECT p.amount || ' ' || p.method || ' ' || c.name FROM payment p JOIN customer c ON c.id = p.customer_id"
                                + " WHERE p.external_ref = 'ch_2' AND p.invoice_id IS NULL"))
                .isEqualTo("80.00 ach Bolt Plumbing");
        assertThat(
                        text(
                                "SELECT i.invoice_number FROM payment p JOIN invoice i ON i.id = p.invoice_id WHERE p.external_ref = 'ch_1'"))
                .isEqualTo("INV-0001");
        assertThat(RunHistory.watermark(store, "stripe", "payments"))
                .isEqualTo(Instant.ofEpochSecond(now - 60).toString());
    }

    @Test
    void theNextSyncReadsTheEventFeedAndUndoTakesItBack() throws Exception {
        stubAccount();
        sync();
        api.stubFor(get(urlPathEqualTo("/v1/events"))
                .withQueryParam("type", equalTo("customer.*"))
                .willReturn(okJson("{\"object\":\"list\",\"has_more\":false,\"data\":["
                        + "{\"id\":\"evt_12\",\"type\":\"customer.updated\",\"created\":" + (now - 10)
                        + ",\"data\":{\"object\":"
                        + customer("cus_B", "Bolt Plumbing & Sons", 1706745600) + "}},"
                        + "{\"id\":\"evt_11\",\"type\":\"customer.subscription.created\",\"created\":" + (now - 20)
                        + ",\"data\":{\"object\":{\"id\":\"sub_1\",\"object\":\"subscription\"}}},"
                        + "{\"id\":\"evt_10\",\"type\":\"customer.updated\",\"created\":" + (now - 30)
                        + ",\"data\":{\"object\":"
                        + customer("cus_B", "Bolt Plumbing Old", 1706745600) + "}}]}")));
        api.stubFor(get(urlPathEqualTo("/v1/events"))
                .withQueryParam("type", equalTo("invoice.*"))
                .willReturn(okJson("{\"object\":\"list\",\"has_more\":false,\"data\":[]}")));
        api.stubFor(get(urlPathEqualTo("/v1/events"))
                .withQueryParam("type", equalTo("charge.*"))
                .willReturn(okJson("{\"object\":\"list\",\"has_more\":false,\"data\":[]}")));
        Sync.Report second = sync();
        assertThat(second.objects()).extracting(o -> o.result().updated()).containsExactly(1L, 0L, 0L);
        assertThat(text("SELECT name FROM customer WHERE external_ref = 'cus_B'"))
                .isEqualTo("Bolt Plumbing & Sons");
        api.verify(getRequestedFor(urlPathEqualTo("/v1/events"))
                .withQueryParam("type", equalTo("customer.*"))
                .withQueryParam("created[gt]", equalTo(String.valueOf(now - 60))));
        assertThat(RunHistory.watermark(store, "stripe", "customers"))
                .isEqualTo(Instant.ofEpochSecond(now - 10).toString());

        RunUndo.undo(store, second.objects().getFirst().result().runId());
        assertThat(text("SELECT name FROM customer WHERE external_ref = 'cus_B'"))
                .isEqualTo("Bolt Plumbing");
        assertThat(RunHistory.watermark(store, "stripe", "customers"))
                .isEqualTo(Instant.ofEpochSecond(now - 60).toString());
    }

    @Test
    void aRevokedKeyIsReportedWithoutAnyPartOfTheKey() throws Exception {
        api.stubFor(get(urlPathEqualTo("/v1/events"))
                .willReturn(aResponse().withStatus(401).withBody("""
                {"error":{"message":"Invalid API Key provided: rk_test_****0001","type":"invalid_request_error"}}""")));
        assertThatThrownBy(this::sync)
                .hasMessage("Stripe refused the access token for GET /v1/events: it has expired or been revoked"
                        + " (Invalid API Key provided: (the key)). Connect again with quant connect stripe.");
    }
}
