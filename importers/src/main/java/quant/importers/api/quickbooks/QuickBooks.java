package quant.importers.api.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * QuickBooks Online's Accounting API v3 (developer.intuit.com/app/developer/qbo/docs/api/accounting),
 * minor version {@value #MINOR_VERSION}, reached through OAuth 2.0 with the user's own Intuit app (its
 * client id and secret; scope {@code com.intuit.quickbooks.accounting}); the company is the
 * {@code realmId} the authorisation's redirect names. Items become products, customers customers,
 * invoices invoices, and each payment one payment row per invoice it pays (plus one for its unapplied
 * amount, kept with the customer).
 *
 * <p>Reads use the query language ({@code SELECT * FROM Customer WHERE … ORDERBY
 * MetaData.LastUpdatedTime STARTPOSITION n MAXRESULTS 1000}), paging by start position until a page comes
 * back short; an incremental sync adds {@code MetaData.LastUpdatedTime >= } the watermark. Customers and
 * items are read active or not. QuickBooks' throttle (HTTP 429, fault code 3001) is waited out. Deleted
 * records are not taken out (the query does not return them). The mapping is in docs/connectors.md.
 */
public final class QuickBooks implements Connector {
    static final String SOURCE = "quickbooks";
    static final int MINOR_VERSION = 75;
    static final int PAGE = 1000;
    private static final DateTimeFormatter QUERY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'");

    static final List<String> PRODUCT_FIELDS = List.of("id", "name", "family", "list_price");
    static final List<String> CUSTOMER_FIELDS =
            List.of("id", "name", "email", "phone", "address", "city", "region", "zip", "acquired_on");
    static final List<String> INVOICE_FIELDS =
            List.of("id", "customer", "invoice_number", "issued_on", "due_on", "amount", "status");
    static final List<String> PAYMENT_FIELDS = List.of("id", "invoice", "customer", "paid_on", "amount", "method");

    static MappingProfile profile(String description, String table, List<String> fields, Map<String, String> to) {
        return ApiRecords.profile(SOURCE, description, table, fields, to);
    }

    static final MappingProfile PRODUCTS = profile("QuickBooks items", "product", PRODUCT_FIELDS, Map.of());
    static final MappingProfile CUSTOMERS = profile("QuickBooks customers", "customer", CUSTOMER_FIELDS, Map.of());
    static final MappingProfile INVOICES =
            profile("QuickBooks invoices", "invoice", INVOICE_FIELDS, Map.of("customer", "customer_id"));
    static final MappingProfile PAYMENTS = profile(
            "QuickBooks payments",
            "payment",
            PAYMENT_FIELDS,
            Map.of("invoice", "invoice_id", "customer", "customer_id"));

    static final ApiClient.Vendor VENDOR = new ApiClient.Vendor() {
        @Override
        public String title() {
            return "QuickBooks";
        }

        @Override
        public String reconnect() {
            return "quant connect quickbooks";
        }

        @Override
        public String message(JsonNode body) {
            JsonNode e = body.path("Fault").path("Error").path(0);
            String m = Fields.text(e, "Message");
            String detail = Fields.text(e, "Detail");
            return m == null ? Fields.text(body, "error") : detail == null ? m : m + " (" + detail + ")";
        }

        @Override
        public boolean rateLimited(int status, JsonNode body) {
            return body != null
                    && "3001"
                            .equals(Fields.text(body.path("Fault").path("Error").path(0), "code"));
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
        return Auth.OAUTH;
    }

    @Override
    public URI defaultBaseUrl() {
        return URI.create("https://quickbooks.api.intuit.com/");
    }

    @Override
    public OAuth oauth() {
        return new OAuth(
                URI.create("https://appcenter.intuit.com/connect/oauth2"),
                URI.create("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"),
                "com.intuit.quickbooks.accounting",
                true,
                Map.of());
    }

    /** The company's API: {@code v3/company/REALM/} on the API host. */
    @Override
    public URI apiBase(URI base, Map<String, String> redirect, JsonNode tokens) {
        String realm = redirect.get("realmId");
        if (realm == null || !realm.matches("[0-9]+")) {
            throw new quant.core.importing.ImportException(
                    quant.core.importing.ImportException.Kind.SOURCE,
                    "QuickBooks' answer named no company (realmId); connect again and choose the company.");
        }
        return base.resolve("v3/company/" + realm + "/");
    }

    /** The company's name ({@code companyinfo/REALM}). */
    @Override
    public String check(ApiClient client, JobMonitor monitor) {
        String path = client.base().getPath();
        String realm = path.replaceAll(".*/company/([0-9]+)/?$", "$1");
        JsonNode info = client.get("companyinfo/" + realm + "?minorversion=" + MINOR_VERSION, monitor);
        return Fields.text(info.path("CompanyInfo"), "CompanyName");
    }

    @Override
    public List<String> objects() {
        return List.of("items", "customers", "invoices", "payments");
    }

    @Override
    public List<ImportSource.Records> sources(ApiClient client, Map<String, String> watermarks, JobMonitor monitor) {
        return List.of(
                source(
                        client,
                        "items",
                        "Item",
                        true,
                        PRODUCTS,
                        PRODUCT_FIELDS,
                        QuickBooks::product,
                        watermarks,
                        monitor),
                source(
                        client,
                        "customers",
                        "Customer",
                        true,
                        CUSTOMERS,
                        CUSTOMER_FIELDS,
                        QuickBooks::customer,
                        watermarks,
                        monitor),
                source(
                        client,
                        "invoices",
                        "Invoice",
                        false,
                        INVOICES,
                        INVOICE_FIELDS,
                        QuickBooks::invoice,
                        watermarks,
                        monitor),
                source(
                        client,
                        "payments",
                        "Payment",
                        false,
                        PAYMENTS,
                        PAYMENT_FIELDS,
                        QuickBooks::payments,
                        watermarks,
                        monitor));
    }

    private ApiRecords source(
            ApiClient client,
            String object,
            String entity,
            boolean inactiveToo,
            MappingProfile profile,
            List<String> fields,
            Function<JsonNode, List<Map<String, String>>> records,
            Map<String, String> watermarks,
            JobMonitor monitor) {
        Instant since = Fields.instant(watermarks.get(object));
        List<String> where = new ArrayList<>();
        if (inactiveToo) {
            where.add("Active IN (true, false)");
        }
        if (since != null) {
            where.add("MetaData.LastUpdatedTime >= '" + QUERY_TIME.format(since.atOffset(ZoneOffset.UTC)) + "'");
        }
        String select = "SELECT * FROM " + entity + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDERBY MetaData.LastUpdatedTime";
        return new ApiRecords(SOURCE, object, profile, fields, r -> pages(client, entity, select, records, r, monitor));
    }

    /** Pages of a query by start position, until one comes back short. */
    static RecordTableReader.Pages pages(
            ApiClient client,
            String entity,
            String select,
            Function<JsonNode, List<Map<String, String>>> records,
            ApiRecords into,
            JobMonitor monitor) {
        int[] start = {1};
        boolean[] done = {false};
        return () -> {
            if (done[0]) {
                return null;
            }
            String query = select + " STARTPOSITION " + start[0] + " MAXRESULTS " + PAGE;
            JsonNode page = client.get(
                    "query?query="
                            + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20") + "&minorversion="
                            + MINOR_VERSION,
                    monitor);
            List<Map<String, String>> out = new ArrayList<>();
            int n = 0;
            for (JsonNode o : page.path("QueryResponse").path(entity)) {
                n++;
                out.addAll(records.apply(o));
                try {
                    into.saw(Fields.instant(Fields.text(o.path("MetaData"), "LastUpdatedTime")));
                } catch (IllegalArgumentException notATime) {
                    // a record without a readable modification time moves no watermark
                }
            }
            start[0] += n;
            done[0] = n < PAGE;
            return out;
        };
    }

    static List<Map<String, String>> product(JsonNode o) {
        Map<String, String> m = new HashMap<>();
        m.put("id", Fields.text(o, "Id"));
        m.put("name", Fields.text(o, "Name"));
        String type = Fields.text(o, "Type");
        m.put("family", type == null ? null : type.toLowerCase(Locale.ROOT));
        m.put("list_price", Fields.text(o, "UnitPrice"));
        return List.of(m);
    }

    static List<Map<String, String>> customer(JsonNode o) {
        JsonNode address = o.path("BillAddr");
        Map<String, String> m = new HashMap<>();
        m.put("id", Fields.text(o, "Id"));
        m.put("name", Fields.text(o, "DisplayName"));
        m.put("email", Fields.text(o.path("PrimaryEmailAddr"), "Address"));
        m.put("phone", Fields.text(o.path("PrimaryPhone"), "FreeFormNumber"));
        m.put("address", Fields.text(address, "Line1"));
        m.put("city", Fields.text(address, "City"));
        m.put("region", Fields.text(address, "CountrySubDivisionCode"));
        m.put("zip", Fields.text(address, "PostalCode"));
        m.put("acquired_on", Fields.day(Fields.text(o.path("MetaData"), "CreateTime")));
        return List.of(m);
    }

    static List<Map<String, String>> invoice(JsonNode o) {
        Map<String, String> m = new HashMap<>();
        String id = Fields.text(o, "Id");
        m.put("id", id);
        m.put("customer", Fields.text(o.path("CustomerRef"), "value"));
        String number = Fields.text(o, "DocNumber");
        m.put("invoice_number", number != null ? number : id);
        String issued = Fields.text(o, "TxnDate");
        m.put("issued_on", issued);
        String due = Fields.text(o, "DueDate");
        m.put("due_on", due != null ? due : issued);
        m.put("amount", Fields.text(o, "TotalAmt"));
        BigDecimal balance = o.path("Balance").isNumber() ? o.path("Balance").decimalValue() : null;
        BigDecimal total = o.path("TotalAmt").isNumber() ? o.path("TotalAmt").decimalValue() : null;
        m.put(
                "status",
                balance != null && total != null && balance.signum() == 0 && total.signum() > 0 ? "paid" : "open");
        return List.of(m);
    }

    /** One row per invoice the payment pays, and one for what it left unapplied (with the customer). */
    static List<Map<String, String>> payments(JsonNode o) {
        String id = Fields.text(o, "Id");
        String customer = Fields.text(o.path("CustomerRef"), "value");
        String day = Fields.text(o, "TxnDate");
        String methodName = Fields.text(o.path("PaymentMethodRef"), "name");
        String method = methodName == null ? null : methodName.toLowerCase(Locale.ROOT);
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode line : o.path("Line")) {
            for (JsonNode linked : line.path("LinkedTxn")) {
                if ("Invoice".equals(Fields.text(linked, "TxnType"))) {
                    Map<String, String> m = new HashMap<>();
                    m.put("id", id + "-" + Fields.text(linked, "TxnId"));
                    m.put("invoice", Fields.text(linked, "TxnId"));
                    m.put("customer", customer);
                    m.put("paid_on", day);
                    m.put("amount", Fields.text(line, "Amount"));
                    m.put("method", method);
                    rows.add(m);
                }
            }
        }
        JsonNode unapplied = o.path("UnappliedAmt");
        if (unapplied.isNumber() && unapplied.decimalValue().signum() > 0) {
            Map<String, String> m = new HashMap<>();
            m.put("id", id + "-unapplied");
            m.put("customer", customer);
            m.put("paid_on", day);
            m.put("amount", Fields.text(unapplied));
            m.put("method", method);
            rows.add(m);
        }
        return rows;
    }
}
