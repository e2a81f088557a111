package quant.importers.api;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.job.JobMonitor;
import quant.core.store.Store;
import quant.importers.api.oauth.OAuthConnect;
import quant.importers.api.xero.Xero;

/**
 * Xero through OAuth 2.0 with PKCE against a fake identity server and API: the tenant from
 * {@code /connections} sent with every request, pages of 100, Xero's /Date()/ times, drafts left out,
 * and the next sync sending its watermark as If-Modified-Since.
 */
class XeroSyncTest {
    static final String TENANT = "a3a4dbb9-2a0f-4d29-9c3c-2c5f2e7d0001";

    @TempDir
    Path dir;

    WireMockServer api;
    Store store;
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

    ApiClient connect() throws Exception {
        api.stubFor(
                post(urlPathEqualTo("/connect/token"))
                        .willReturn(
                                okJson(
                                        "{\"access_token\":\"eyJ.access\",\"refresh_token\":\"xero-refresh\",\"expires_in\":1800,\"token_type\":\"Bearer\"}")));
        api.stubFor(get(urlPathEqualTo("/connections"))
                .willReturn(okJson("[{\"id\":\"c1\",\"tenantId\":\"" + TENANT
                        + "\",\"tenantType\":\"ORGANISATION\",\"tenantName\":\"Demo Company (US)\"}]")));
        api.stubFor(get(urlPathEqualTo("/api.xro/2.0/Organisation"))
                .withHeader("xero-tenant-id", equalTo(TENANT))
                .willReturn(okJson("{\"Organisations\":[{\"Name\":\"Demo Company (US)\"}]}")));
        OAuthConnect.Connected connected = OAuthConnect.connect(
                new Xero(),
                URI.create(api.baseUrl() + "/"),
                "xero-app-id",
                null,
                secrets,
                "quant:xero:test",
                uri -> {
                    Map<String, String> q = new HashMap<>();
                    for (String pair : uri.getRawQuery().split("&")) {
                        int eq = pair.indexOf('=');
                        q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                    Thread.ofVirtual().start(() -> {
                        try {
                            HttpClient.newHttpClient()
                                    .send(
                                            HttpRequest.newBuilder(URI.create(
                                                            q.get("redirect_uri") + "?code=xc&state=" + q.get("state")))
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
        assertThat(connected.account()).isEqualTo("Demo Company (US)");
        return new ApiClient(
                new Xero().vendor(),
                connected.api(),
                OAuthConnect.credentials(new Xero(), connected.api(), "xero-app-id", secrets, "quant:xero:test"),
                (d, m) -> {});
    }

    void stubOrganisation() {
        api.stubFor(get(urlPathEqualTo("/api.xro/2.0/Items")).willReturn(okJson("""
                {"Items":[{"ItemID":"it-1","Code":"TUNE","Name":"Tune-up","SalesDetails":{"UnitPrice":129.00},
                 "UpdatedDateUTC":"/Date(1717200000000+0000)/"}]}""")));
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            many.append(i > 1 ? "," : "")
                    .append("{\"ContactID\":\"ct-")
                    .append(i)
                    .append("\",\"Name\":\"Customer ")
                    .append(i)
                    .append("\",\"IsCustomer\":true,\"UpdatedDateUTC\":\"/Date(")
                    .append(1735689600000L + i * 1000L)
                    .append("+0000)/\"}");
        }
        api.stubFor(get(urlPathEqualTo("/api.xro/2.0/Contacts"))
                .withQueryParam("page", equalTo("1"))
                .willReturn(okJson("{\"Contacts\":[" + many + "]}")));
        api.stubFor(get(urlPathEqualTo("/api.xro/2.0/Contacts"))
                .withQueryParam("page", equalTo("2"))
                .willReturn(okJson("""
                        {"Contacts":[{"ContactID":"ct-101","Name":"Ridge Electric","EmailAddress":"ap@ridge.example",
                          "Addresses":[{"AddressType":"POBOX","AddressLine1":"PO Box 7","City":"Boise","Region":"ID","PostalCode":"83702"}],
                          "Phones":[{"PhoneType":"DEFAULT","PhoneAreaCode":"208","PhoneNumber":"555-0101"}],
                          "UpdatedDateUTC":"/Date(1738368000000+0000)/"}]}""")));
        api.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).willReturn(okJson("""
                {"Invoices":[
                 {"InvoiceID":"inv-1","InvoiceNumber":"INV-0101","Type":"ACCREC","Status":"PAID","Contact":{"ContactID":"ct-101"},
                  "DateString":"2025-01-10T00:00:00","Date":"/Date(1736467200000+0000)/","DueDateString":"2025-02-09T00:00:00",
                  "Total":640.00,"UpdatedDateUTC":"/Date(1737000000000+0000)/"},
                 {"InvoiceID":"inv-2","InvoiceNumber":"INV-0102","Type":"ACCREC","Status":"DRAFT","Contact":{"ContactID":"ct-101"},
                  "DateString":"2025-01-11T00:00:00","Total":50.00,"UpdatedDateUTC":"/Date(1737000000000+0000)/"},
                 {"InvoiceID":"inv-3","InvoiceNumber":"INV-0103","Type":"ACCREC","Status":"AUTHORISED","Contact":{"ContactID":"ct-1"},
                  "DateString":"2025-01-12T00:00:00","Total":210.50,"UpdatedDateUTC":"/Date(1737100000000+0000)/"}]}""")));
        api.stubFor(get(urlPathEqualTo("/api.xro/2.0/Payments")).willReturn(okJson("""
                {"Payments":[
                 {"PaymentID":"pay-1","Date":"/Date(1737417600000+0000)/","Amount":640.00,"PaymentType":"ACCRECPAYMENT",
                  "Status":"AUTHORISED","Invoice":{"InvoiceID":"inv-1","Contact":{"ContactID":"ct-101"}},
                  "UpdatedDateUTC":"/Date(1737417600000+0000)/"},
                 {"PaymentID":"pay-2","Date":"/Date(1737417600000+0000)/","Amount":10.00,"PaymentType":"ACCRECPAYMENT",
                  "Status":"DELETED","Invoice":{"InvoiceID":"inv-3","Contact":{"ContactID":"ct-1"}},
                  "UpdatedDateUTC":"/Date(1737417600000+0000)/"}]}""")));
    }

    String text(String sql) throws Exception {
        try (Connection c = store.readConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void aSyncSendsTheTenantPagesContactsAndResumesWithIfModifiedSince() throws Exception {
        ApiClient client = connect();
        stubOrganisation();
        Sync.Report report = Sync.run(store, new Xero(), client, false, JobMonitor.NONE);
        assertThat(report.objects()).extracting(o -> o.result().inserted()).containsExactly(1L, 101L, 2L, 1L);
        assertThat(text("SELECT status || ' ' || issued_on || ' ' || due_on FROM invoice WHERE external_ref = 'inv-1'"))
                .isEqualTo("paid 2025-01-10 2025-02-09");
        assertThat(text("SELECT status || ' ' || due_on FROM invoice WHERE external_ref = 'inv-3'"))
                .as("no due date: due when issued")
                .isEqualTo("open 2025-01-12");
        assertThat(text("SELECT city || ' ' || phone FROM customer WHERE external_ref = 'ct-101'"))
                .isEqualTo("Boise 208 555-0101");
        assertThat(text("SELECT paid_on FROM payment WHERE external_ref = 'pay-1'"))
                .isEqualTo("2025-01-21");
        api.verify(getRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices"))
                .withHeader("xero-tenant-id", equalTo(TENANT))
                .withHeader("If-Modified-Since", absent()));

        Sync.run(store, new Xero(), client, false, JobMonitor.NONE);
        api.verify(getRequestedFor(urlPathEqualTo("/api.xro/2.0/Contacts"))
                .withHeader("If-Modified-Since", equalTo("Sat, 1 Feb 2025 00:00:00 GMT")));
    }
}
