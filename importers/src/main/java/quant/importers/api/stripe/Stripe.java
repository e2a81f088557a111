package quant.importers.api.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import quant.core.job.JobMonitor;
import quant.importers.api.ApiClient;
import quant.importers.api.ApiRecords;
import quant.importers.api.Connector;
import quant.importers.api.Fields;
import quant.importers.api.RecordTableReader;
import quant.importers.engine.ImportSource;
import quant.importers.mapping.MappingProfile;

/**
 * Stripe's API (docs.stripe.com/api), version {@value #VERSION}, reached with a restricted key (read
 * access to customers, invoices, charges and events): customers become customers, finalised invoices
 * invoices, and succeeded charges payments — of their invoice, or, taken without one, of their
 * customer. A payment intent is not read besides its charges: its money moved as its charge, and
 * counting both would count it twice.
 *
 * <p>Lists page with {@code starting_after}. A first or full sync lists every object; an incremental one
 * reads the event feed ({@code /v1/events}, {@code type=customer.*} and so on) after the watermark — the
 * newest event's creation time — and takes each changed object as the newest event carried it. Stripe
 * keeps events for 30 days, so a watermark older than that makes a full sync. Amounts come in the
 * currency's minor unit and are divided by 100 except in zero-decimal currencies. The mapping is in
 * docs/connectors.md.
 */
public final class Stripe implements Connector {
    static final String SOURCE = "stripe";
    /** The API version this connector was written against, sent with every request. */
    static final String VERSION = "2024-06-20";

    static final Duration EVENTS_KEPT = Duration.ofDays(30);

    /** Currencies without minor units, in Stripe's list of zero-decimal currencies. */
    static final Set<String> ZERO_DECIMAL = Set.of(
            "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof",
            "xpf");

    static final List<String> CUSTOMER_FIELDS =
            List.of("id", "name", "email", "phone", "address", "city", "region", "zip", "acquired_on");
    static final List<String> INVOICE_FIELDS =
            List.of("id", "customer", "invoice_number", "issued_on", "due_on", "amount", "status");
    static final List<String> PAYMENT_FIELDS = List.of("id", "invoice", "customer", "paid_on", "amount", "method");

    static final MappingProfile CUSTOMERS = profile("Stripe customers", "customer", CUSTOMER_FIELDS, Map.of());
    static final MappingProfile INVOICES =
            profile("Stripe invoices", "invoice", INVOICE_FIELDS, Map.of("customer", "customer_id"));
    static final MappingProfile PAYMENTS = profile(
            "Stripe charges", "payment", PAYMENT_FIELDS, Map.of("invoice", "invoice_id", "customer", "customer_id"));

    static MappingProfile profile(String description, String table, List<String> fields, Map<String, String> to) {
        return ApiRecords.profile(SOURCE, description, table, fields, to);
    }

    static final ApiClient.Vendor VENDOR = new ApiClient.Vendor() {
        @Override
        public String title() {
            return "Stripe";
        }

        @Override
        public String reconnect() {
            return "quant connect stripe";
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Stripe-Version", VERSION);
        }

        @Override
        public String message(JsonNode body) {
            String m = Fields.text(body.path("error"), "message");
            // Stripe quotes part of the key in some messages; no part of a key goes into ours
            return m == null ? null : m.replaceAll("\\b[srp]k_(live|test)_[A-Za-z0-9*]+", "(the key)");
        }
    };

    @Override
    public String name() {
        return SOURCE;
    }

    @Override
    public ApiClient.Vendor vendor() {
        return VENDOR;
    }

    @Override
    public Auth auth() {
        return Auth.TOKEN;
    }

    @Override
    public URI defaultBaseUrl() {
        return URI.create("https://api.stripe.com/");
    }

    /**
     * One customer read ({@code /v1/customers?limit=1}), which the key needs anyway; a restricted key need
     * not read the account, so no account is named.
     */
    @Override
    public String check(ApiClient client, JobMonitor monitor) {
        client.get("/v1/customers?limit=1", monitor);
        return null;
    }

    @Override
    public List<String> objects() {
        return List.of("customers", "invoices", "payments");
    }

    /** What each object lists, the event prefix that changes it, its Stripe object name and its record. */
    private record Kind(String list, String events, String object, Function<JsonNode, Map<String, String>> record) {}

    @Override
    public List<ImportSource.Records> sources(ApiClient client, Map<String, String> watermarks, JobMonitor monitor) {
        return List.of(
                source(
                        client,
                        "customers",
                        CUSTOMERS,
                        CUSTOMER_FIELDS,
                        new Kind("/v1/customers", "customer.*", "customer", Stripe::customer),
                        watermarks,
                        monitor),
                source(
                        client,
                        "invoices",
                        INVOICES,
                        INVOICE_FIELDS,
                        new Kind("/v1/invoices", "invoice.*", "invoice", Stripe::invoice),
                        watermarks,
                        monitor),
                source(
                        client,
                        "payments",
                        PAYMENTS,
                        PAYMENT_FIELDS,
                        new Kind("/v1/charges", "charge.*", "charge", Stripe::payment),
                        watermarks,
                        monitor));
    }

    private ImportSource.Records source(
            ApiClient client,
            String object,
            MappingProfile profile,
            List<String> fields,
            Kind kind,
            Map<String, String> watermarks,
            JobMonitor monitor) {
        Instant since = Fields.instant(watermarks.get(object));
        return new ApiRecords(SOURCE, object, profile, fields, r -> {
            Instant newest = newestEvent(client, monitor);
            r.reached(newest);
            boolean fresh = since != null && since.isAfter(Instant.now().minus(EVENTS_KEPT));
            return fresh ? changed(client, kind, since, r, monitor) : list(client, kind, monitor);
        });
    }

    /** The creation time of the newest event, where the next sync's feed starts; null without events. */
    static Instant newestEvent(ApiClient client, JobMonitor monitor) {
        JsonNode newest = client.get("/v1/events?limit=1", monitor).path("data").path(0);
        return newest.has("created")
                ? Instant.ofEpochSecond(newest.get("created").asLong())
                : null;
    }

    /** Every object of a kind, page after page by {@code starting_after}. */
    static RecordTableReader.Pages list(ApiClient client, Kind kind, JobMonitor monitor) {
        String[] after = {null};
        boolean[] done = {false};
        return () -> {
            if (done[0]) {
                return null;
            }
            JsonNode page = client.get(
                    kind.list() + "?limit=100" + (after[0] == null ? "" : "&starting_after=" + after[0]), monitor);
            List<Map<String, String>> out = new ArrayList<>();
            String last = null;
            for (JsonNode o : page.path("data")) {
                last = Fields.text(o, "id");
                Map<String, String> r = kind.record().apply(o);
                if (r != null) {
                    out.add(r);
                }
            }
            after[0] = last;
            done[0] = !page.path("has_more").asBoolean(false) || last == null;
            return out;
        };
    }

    /**
     * The objects of a kind changed after {@code since}, as the newest event carried each (events come
     * newest first); the whole feed is read before the first page is given, oldest change first.
     */
    static RecordTableReader.Pages changed(
            ApiClient client, Kind kind, Instant since, ApiRecords into, JobMonitor monitor) {
        Map<String, JsonNode> newest = new LinkedHashMap<>();
        String after = null;
        while (true) {
            JsonNode page = client.get(
                    "/v1/events?limit=100&type=" + kind.events() + "&created%5Bgt%5D=" + since.getEpochSecond()
                            + (after == null ? "" : "&starting_after=" + after),
                    monitor);
            for (JsonNode e : page.path("data")) {
                after = Fields.text(e, "id");
                JsonNode o = e.path("data").path("object");
                String type = Fields.text(e, "type");
                if (!kind.object().equals(Fields.text(o, "object")) || (type != null && type.endsWith(".deleted"))) {
                    continue;
                }
                into.saw(Instant.ofEpochSecond(e.path("created").asLong()));
                newest.putIfAbsent(Fields.text(o, "id"), o);
            }
            if (!page.path("has_more").asBoolean(false) || after == null) {
                break;
            }
        }
        List<Map<String, String>> out = new ArrayList<>();
        List<JsonNode> objects = new ArrayList<>(newest.values());
        for (int i = objects.size() - 1; i >= 0; i--) {
            Map<String, String> r = kind.record().apply(objects.get(i));
            if (r != null) {
                out.add(r);
            }
        }
        boolean[] given = {false};
        return () -> {
            if (given[0]) {
                return null;
            }
            given[0] = true;
            return out;
        };
    }

    static Map<String, String> customer(JsonNode o) {
        JsonNode address = o.path("address");
        Map<String, String> m = new HashMap<>();
        m.put("id", Fields.text(o, "id"));
        String name = Fields.text(o, "name");
        m.put(
                "name",
                name != null ? name : Fields.text(o, "email") != null ? Fields.text(o, "email") : Fields.text(o, "id"));
        m.put("email", Fields.text(o, "email"));
        m.put("phone", Fields.text(o, "phone"));
        m.put("address", Fields.text(address, "line1"));
        m.put("city", Fields.text(address, "city"));
        m.put("region", Fields.text(address, "state"));
        m.put("zip", Fields.text(address, "postal_code"));
        m.put("acquired_on", Fields.dayOfEpochSeconds(o.get("created")));
        return m;
    }

    /** A finalised invoice; a draft is not an invoice yet (null). */
    static Map<String, String> invoice(JsonNode o) {
        String status = Fields.text(o, "status");
        if (status == null || "draft".equals(status)) {
            return null;
        }
        Map<String, String> m = new HashMap<>();
        m.put("id", Fields.text(o, "id"));
        m.put("customer", Fields.text(o, "customer"));
        String number = Fields.text(o, "number");
        m.put("invoice_number", number != null ? number : Fields.text(o, "id"));
        JsonNode finalized = o.path("status_transitions").get("finalized_at");
        String issued =
                Fields.dayOfEpochSeconds(finalized != null && !finalized.isNull() ? finalized : o.get("created"));
        m.put("issued_on", issued);
        JsonNode due = o.get("due_date");
        m.put("due_on", due != null && !due.isNull() ? Fields.dayOfEpochSeconds(due) : issued);
        m.put("amount", Fields.minorUnits(o.get("total"), decimals(o)));
        m.put(
                "status",
                switch (status) {
                    case "paid" -> "paid";
                    case "void", "uncollectible" -> "void"; // written off: not owed any more
                    default -> "open";
                });
        return m;
    }

    /** A succeeded charge, net of refunds; one without an invoice or a customer has no home (null). */
    static Map<String, String> payment(JsonNode o) {
        if (!"succeeded".equals(Fields.text(o, "status"))) {
            return null;
        }
        String invoice = Fields.text(o, "invoice");
        String customer = Fields.text(o, "customer");
        if (invoice == null && customer == null) {
            return null;
        }
        Map<String, String> m = new HashMap<>();
        m.put("id", Fields.text(o, "id"));
        m.put("invoice", invoice);
        m.put("customer", customer);
        m.put("paid_on", Fields.dayOfEpochSeconds(o.get("created")));
        JsonNode amount = o.get("amount");
        JsonNode refunded = o.get("amount_refunded");
        JsonNode net = amount != null && amount.isIntegralNumber() && refunded != null && refunded.isIntegralNumber()
                ? com.fasterxml.jackson.databind.node.LongNode.valueOf(amount.asLong() - refunded.asLong())
                : amount;
        m.put("amount", Fields.minorUnits(net, decimals(o)));
        String type = Fields.text(o.path("payment_method_details"), "type");
        m.put(
                "method",
                type == null
                        ? null
                        : switch (type) {
                            case "us_bank_account", "ach_debit", "ach_credit_transfer" -> "ach";
                            default -> type.toLowerCase(Locale.ROOT);
                        });
        return m;
    }

    static int decimals(JsonNode o) {
        String currency = Fields.text(o, "currency");
        return currency != null && ZERO_DECIMAL.contains(currency.toLowerCase(Locale.ROOT)) ? 0 : 2;
    }
}
