package quant.samples;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.analysis.Json;
import quant.core.analysis.SnapshotCache;
import quant.core.finance.ReceivablesAnalysis;
import quant.core.job.JobMonitor;
import quant.core.runs.RunUndo;
import quant.core.settings.Monitors;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.importers.api.ApiClient;
import quant.importers.api.Sync;
import quant.importers.api.stripe.Stripe;

/**
 * The round trip of issue 33: a fake Stripe generated from the sample company serves its customers,
 * invoices and payments; a full sync gives the same rows and the same receivables figures as the CSV
 * load (Stripe has no disputed invoices, so the CSV load's disputed ones are compared as open); a
 * second sync with three changed invoices updates exactly those rows; undo of that sync restores them.
 */
class VendorRoundTripTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int PAGE = 100;

    @TempDir
    Path dir;

    WireMockServer api;
    final Map<String, String> invoiceCustomer = new HashMap<>();
    final List<String[]> invoices = new ArrayList<>();
    long newestEvent = Instant.now().getEpochSecond() - 3600;

    @BeforeEach
    void start() {
        api = new WireMockServer(wireMockConfig().dynamicPort());
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    static long noon(String day) {
        return LocalDate.parse(day).atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
    }

    static long cents(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }

    /** Every object of a list as Stripe pages it: 100 at a time, the next after the last id. */
    void serve(String path, List<ObjectNode> objects) {
        for (int from = 0; from < objects.size() || from == 0; from += PAGE) {
            ArrayNode data = JSON.createArrayNode();
            objects.subList(from, Math.min(objects.size(), from + PAGE)).forEach(data::add);
            ObjectNode page = JSON.createObjectNode().put("object", "list").put("url", path);
            page.set("data", data);
            page.put("has_more", from + PAGE < objects.size());
            var stub = get(urlPathEqualTo(path));
            stub = from == 0
                    ? stub.withQueryParam("starting_after", absent())
                    : stub.withQueryParam(
                            "starting_after",
                            equalTo(objects.get(from - 1).get("id").asText()));
            api.stubFor(stub.willReturn(okJson(page.toString())));
            if (objects.isEmpty()) {
                break;
            }
        }
    }

    ObjectNode invoice(String[] v, String status) {
        // external_ref,customer_ref,job_ref,invoice_number,issued_on,due_on,amount,status
        ObjectNode o = JSON.createObjectNode()
                .put("id", v[0])
                .put("object", "invoice")
                .put("customer", v[1])
                .put("number", v[3])
                .put("created", noon(v[4]))
                .put("due_date", noon(v[5]))
                .put("total", cents(v[6]))
                .put("currency", "usd")
                .put("status", status);
        o.putObject("status_transitions").put("finalized_at", noon(v[4]));
        return o;
    }

    static String stripeStatus(String sample) {
        return switch (sample) {
            case "disputed" -> "open"; // Stripe disputes charges, not invoices
            default -> sample;
        };
    }

    void fakeStripe(SampleSource sample) {
        List<ObjectNode> customers = new ArrayList<>();
        sample.read(DomainTable.CUSTOMER, rows(v -> {
            // external_ref,name,segment,acquisition_channel,campaign_ref,acquired_on,email,phone,address,city,region,zip,lat,lon
            ObjectNode c = JSON.createObjectNode()
                    .put("id", v[0])
                    .put("object", "customer")
                    .put("name", v[1])
                    .put("email", v[6])
                    .put("phone", v[7])
                    .put("created", noon(v[5]));
            c.putObject("address")
                    .put("line1", v[8])
                    .put("city", v[9])
                    .put("state", v[10])
                    .put("postal_code", v[11]);
            customers.add(c);
        }));
        List<ObjectNode> stripeInvoices = new ArrayList<>();
        sample.read(DomainTable.INVOICE, rows(v -> {
            invoices.add(v);
            invoiceCustomer.put(v[0], v[1]);
            stripeInvoices.add(invoice(v, stripeStatus(v[7])));
        }));
        List<ObjectNode> charges = new ArrayList<>();
        sample.read(DomainTable.PAYMENT, rows(v -> {
            // external_ref,invoice_ref,paid_on,amount,method
            ObjectNode ch = JSON.createObjectNode()
                    .put("id", v[0])
                    .put("object", "charge")
                    .put("status", "succeeded")
                    .put("amount", cents(v[3]))
                    .put("amount_refunded", 0)
                    .put("currency", "usd")
                    .put("created", noon(v[2]))
                    .put("invoice", v[1])
                    .put("customer", invoiceCustomer.get(v[1]));
            ch.putObject("payment_method_details").put("type", v[4].equals("ach") ? "us_bank_account" : v[4]);
            charges.add(ch);
        }));
        serve("/v1/customers", customers);
        serve("/v1/invoices", stripeInvoices);
        serve("/v1/charges", charges);
        api.stubFor(get(urlPathEqualTo("/v1/events"))
                .withQueryParam("type", absent())
                .willReturn(okJson("{\"object\":\"list\",\"has_more\":false,\"data\":[{\"id\":\"evt_1\",\"created\":"
                        + newestEvent + "}]}")));
    }

    static SampleSource.RowSink rows(java.util.function.Consumer<String[]> each) {
        return new SampleSource.RowSink() {
            @Override
            public void header(List<String> header) {}

            @Override
            public void row(String[] values) {
                each.accept(values);
            }
        };
    }

    static String query(Store store, String sql) throws Exception {
        try (Connection c = store.readConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.append(rs.getString(i)).append(i < rs.getMetaData().getColumnCount() ? "|" : "\n");
                }
            }
            return out.toString();
        }
    }

    static String receivables(Store store, LocalDate asOf) {
        var snapshot = new SnapshotCache(store).get(ReceivablesAnalysis.PARTS, JobMonitor.NONE);
        return Json.write(ReceivablesAnalysis.run(snapshot, Optional.of(asOf), Monitors.DEFAULTS, JobMonitor.NONE));
    }

    @Test
    void aFullSyncOfTheSampleGivesTheCsvLoadsRowsAndFiguresAndTheNextSyncOnlyItsChanges() throws Exception {
        SampleSource sample = new SampleSource(1);
        fakeStripe(sample);
        Stripe stripe = new Stripe();
        ApiClient client = new ApiClient(
                stripe.vendor(),
                URI.create(api.baseUrl() + "/"),
                () -> "rk_test_roundtrip".toCharArray(),
                (d, m) -> {});
        LocalDate asOf = LocalDate.of(2025, 12, 31);
        try (Store csv = Store.open(dir.resolve("csv"));
                Store synced = Store.open(dir.resolve("synced"))) {
            SampleLoader.load(csv, sample, JobMonitor.NONE);
            csv.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("UPDATE invoice SET status = 'open' WHERE status = 'disputed'");
                }
            });
            Sync.Report full = Sync.run(synced, stripe, client, false, JobMonitor.NONE);
            assertThat(full.objects()).extracting(o -> o.result().inserted()).containsExactly(2957L, 15120L, 15237L);

            String customers =
                    "SELECT external_ref, name, email, phone, address, city, region, zip, acquired_on FROM customer"
                            + " ORDER BY external_ref";
            assertThat(query(synced, customers)).isEqualTo(query(csv, customers));
            String invoiceRows =
                    "SELECT i.external_ref, c.external_ref, i.invoice_number, i.issued_on, i.due_on, i.amount,"
                            + " i.status FROM invoice i JOIN customer c ON c.id = i.customer_id ORDER BY i.external_ref";
            assertThat(query(synced, invoiceRows)).isEqualTo(query(csv, invoiceRows));
            String paymentRows = "SELECT p.external_ref, i.external_ref, p.paid_on, p.amount, p.method FROM payment p"
                    + " JOIN invoice i ON i.id = p.invoice_id ORDER BY p.external_ref";
            assertThat(query(synced, paymentRows)).isEqualTo(query(csv, paymentRows));
            assertThat(receivables(synced, asOf)).isEqualTo(receivables(csv, asOf));

            // three invoices change in Stripe (paid in full now); the feed carries exactly them
            List<String[]> changed =
                    invoices.stream().filter(v -> v[7].equals("open")).limit(3).toList();
            ArrayNode events = JSON.createArrayNode();
            long at = newestEvent;
            for (String[] v : changed) {
                ObjectNode e = events.addObject()
                        .put("id", "evt_" + v[0])
                        .put("type", "invoice.paid")
                        .put("created", ++at);
                e.putObject("data").set("object", invoice(v, "paid"));
            }
            ObjectNode feed = JSON.createObjectNode().put("object", "list").put("has_more", false);
            feed.set("data", events);
            api.stubFor(get(urlPathEqualTo("/v1/events"))
                    .withQueryParam("type", equalTo("invoice.*"))
                    .willReturn(okJson(feed.toString())));
            for (String type : List.of("customer.*", "charge.*")) {
                api.stubFor(get(urlPathEqualTo("/v1/events"))
                        .withQueryParam("type", equalTo(type))
                        .willReturn(okJson("{\"object\":\"list\",\"has_more\":false,\"data\":[]}")));
            }
            String before = query(synced, invoiceRows);
            Sync.Report next = Sync.run(synced, stripe, client, false, JobMonitor.NONE);
            assertThat(next.objects()).extracting(o -> o.result().updated()).containsExactly(0L, 3L, 0L);
            assertThat(next.objects()).extracting(o -> o.result().inserted()).containsExactly(0L, 0L, 0L);
            for (String[] v : changed) {
                assertThat(query(synced, "SELECT status FROM invoice WHERE external_ref = '" + v[0] + "'"))
                        .isEqualTo("paid\n");
            }

            RunUndo.undo(synced, next.objects().get(1).result().runId());
            assertThat(query(synced, invoiceRows)).isEqualTo(before);
        }
    }
}
