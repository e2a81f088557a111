package quant.importers.api.xero;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quant.core.importing.ImportException;
import quant.core.job.JobMonitor;
import quant.importers.api.ApiClient;
import quant.importers.api.ApiRecords;
import quant.importers.api.Connector;
import quant.importers.api.Fields;
import quant.importers.api.RecordTableReader;
import quant.importers.engine.ImportSource;
import quant.importers.mapping.MappingProfile;

/**
 * Xero's Accounting API (developer.xero.com/documentation/api/accounting/overview), reached through
 * OAuth 2.0 with PKCE and the user's own Xero app (scopes {@code offline_access
 * accounting.transactions.read accounting.contacts.read accounting.settings.read}); the organisation is
 * the first tenant of {@code /connections}, sent as {@code xero-tenant-id} with every request. Items
 * become products, customer contacts customers, sales invoices ({@code ACCREC}) invoices and receivable
 * payments ({@code ACCRECPAYMENT}) payments.
 *
 * <p>Lists page with {@code page=N} (100 records a page) until a page comes back short; items come in one
 * answer. An incremental sync sends the watermark as {@code If-Modified-Since}. Drafts, submitted and
 * deleted invoices and deleted payments are left out. Xero writes its times as
 * {@code /Date(1736496000000+0000)/}. The mapping is in docs/connectors.md.
 */
public final class Xero implements Connector {
    static final String SOURCE = "xero";
    static final int PAGE = 100;
    static final String API = "api.xro/2.0/";
    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    static final List<String> PRODUCT_FIELDS = List.of("id", "name", "list_price");
    static final List<String> CUSTOMER_FIELDS =
            List.of("id", "name", "email", "phone", "address", "city", "region", "zip");
    static final List<String> INVOICE_FIELDS =
            List.of("id", "customer", "invoice_number", "issued_on", "due_on", "amount", "status");
    static final List<String> PAYMENT_FIELDS = List.of("id", "invoice", "customer", "paid_on", "amount");

    static MappingProfile profile(String description, String table, List<String> fields, Map<String, String> to) {
        return ApiRecords.profile(SOURCE, description, table, fields, to);
    }

    static final MappingProfile PRODUCTS = profile("Xero items", "product", PRODUCT_FIELDS, Map.of());
    static final MappingProfile CUSTOMERS = profile("Xero contacts", "customer", CUSTOMER_FIELDS, Map.of());
    static final MappingProfile INVOICES =
            profile("Xero invoices", "invoice", INVOICE_FIELDS, Map.of("customer", "customer_id"));
    static final MappingProfile PAYMENTS = profile(
            "Xero payments", "payment", PAYMENT_FIELDS, Map.of("invoice", "invoice_id", "customer", "customer_id"));

    static final ApiClient.Vendor VENDOR = new ApiClient.Vendor() {
        @Override
        public String title() {
            return "Xero";
        }

        @Override
        public String reconnect() {
            return "quant connect xero";
        }

        @Override
        public String message(JsonNode body) {
            String m = Fields.text(body, "Message");
            if (m == null) {
                m = Fields.text(body, "Detail");
            }
            return m == null ? Fields.text(body, "Title") : m;
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
        return URI.create("https://api.xero.com/");
    }

    @Override
    public OAuth oauth() {
        return new OAuth(
                URI.create("https://login.xero.com/identity/connect/authorize"),
                URI.create("https://identity.xero.com/connect/token"),
                "offline_access accounting.transactions.read accounting.contacts.read accounting.settings.read",
                false,
                Map.of());
    }

    /** The first organisation the user let in ({@code /connections}), as the tenant header. */
    @Override
    public Map<String, String> connectionHeaders(ApiClient client, JobMonitor monitor) {
        for (JsonNode c : client.get("connections", monitor)) {
            if ("ORGANISATION".equals(Fields.text(c, "tenantType"))) {
                return Map.of("xero-tenant-id", Fields.text(c, "tenantId"));
            }
        }
        throw new ImportException(
                ImportException.Kind.SOURCE, "Xero gave access to no organisation; connect again and choose one.");
    }

    /** The organisation's name. */
    @Override
    public String check(ApiClient client, JobMonitor monitor) {
        return Fields.text(
                client.get(API + "Organisation", monitor).path("Organisations").path(0), "Name");
    }

    @Override
    public List<String> objects() {
        return List.of("items", "contacts", "invoices", "payments");
    }

    @Override
    public List<ImportSource.Records> sources(ApiClient client, Map<String, String> watermarks, JobMonitor monitor) {
        return List.of(
                source(
                        client,
                        "items",
                        "Items",
                        "Items",
                        false,
                        PRODUCTS,
                        PRODUCT_FIELDS,
                        Xero::product,
                        watermarks,
                        monitor),
                source(
                        client,
                        "contacts",
                        "Contacts?where=" + encode("IsCustomer==true"),
                        "Contacts",
                        true,
                        CUSTOMERS,
                        CUSTOMER_FIELDS,
                        Xero::contact,
                        watermarks,
                        monitor),
                source(
                        client,
                        "invoices",
                        "Invoices?where=" + encode("Type==\"ACCREC\""),
                        "Invoices",
                        true,
                        INVOICES,
                        INVOICE_FIELDS,
                        Xero::invoice,
                        watermarks,
                        monitor),
                source(
                        client,
                        "payments",
                        "Payments?where=" + encode("PaymentType==\"ACCRECPAYMENT\""),
                        "Payments",
                        true,
                        PAYMENTS,
                        PAYMENT_FIELDS,
                        Xero::payment,
                        watermarks,
                        monitor));
    }

    private ApiRecords source(
            ApiClient client,
            String object,
            String path,
            String list,
            boolean paged,
            MappingProfile profile,
            List<String> fields,
            Function<JsonNode, Map<String, String>> record,
            Map<String, String> watermarks,
            JobMonitor monitor) {
        Instant since = Fields.instant(watermarks.get(object));
        Map<String, String> headers = since == null
                ? Map.of()
                : Map.of("If-Modified-Since", HTTP_DATE.format(since.atOffset(ZoneOffset.UTC)));
        return new ApiRecords(SOURCE, object, profile, fields, r -> {
            int[] page = {1};
            boolean[] done = {false};
            return (RecordTableReader.Pages) () -> {
                if (done[0]) {
                    return null;
                }
                String sep = path.contains("?") ? "&" : "?";
                JsonNode answer = client.get(API + path + (paged ? sep + "page=" + page[0] : ""), headers, monitor);
                List<Map<String, String>> out = new ArrayList<>();
                int n = 0;
                for (JsonNode o : answer.path(list)) {
                    n++;
                    r.saw(instant(Fields.text(o, "UpdatedDateUTC")));
                    Map<String, String> m = record.apply(o);
                    if (m != null) {
                        out.add(m);
                    }
                }
                page[0]++;
                done[0] = !paged || n < PAGE;
                return out;
            };
        });
    }

    /** Xero's {@code /Date(1736496000000+0000)/}, or ISO text, as an instant; null when neither. */
    static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = MS_DATE.matcher(value);
        if (m.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
        }
        try {
            return Fields.instant(value.length() == 19 ? value + "Z" : value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The calendar day Xero means: its {@code DateString} ("2025-01-10T00:00:00") or its /Date()/ value. */
    static String day(JsonNode o, String field) {
        String text = Fields.text(o, field + "String");
        if (text != null && text.length() >= 10) {
            return text.substring(0, 10);
        }
        String raw = Fields.text(o, field);
        if (raw == null) {
            return null;
        }
        Matcher m = MS_DATE.matcher(raw);
        return m.matches()
                ? java.time.LocalDate.ofInstant(Instant.ofEpochMilli(Long.parseLong(m.group(1))), ZoneOffset.UTC)
                        .toString()
                : raw;
    }

    static Map<String, String> product(JsonNode o) {
        Map<String, String> m = new HashMap<>();
        m.put("id", Fields.text(o, "ItemID"));
        String name = Fields.text(o, "Name");
        m.put("name", name != null ? name : Fields.text(o, "Code"));
        m.put("list_price", Fields.text(o.path("SalesDetails"), "UnitPrice"));
        return m;
    }

    static Map<String, String> contact(JsonNode o) {
        JsonNode address = null;
        for (JsonNode a : o.path("Addresses")) {
            if ("POBOX".equals(Fields.text(a, "AddressType")) || address == null) {
                address = a;
            }
        }
        String phone = null;
        for (JsonNode p : o.path("Phones")) {
            if ("DEFAULT".equals(Fields.text(p, "PhoneType")) && Fields.text(p, "PhoneNumber") != null) {
                phone = ((Fields.text(p, "PhoneAreaCode") == null ? "" : Fields.text(p, "PhoneAreaCode") + " ")
                                + Fields.text(p, "PhoneNumber"))
                        .strip();
            }
        }
        Map<String, String> m = new HashMap<>();
        m.put("id", Fields.text(o, "ContactID"));
        m.put("name", Fields.text(o, "Name"));
        m.put("email", Fields.text(o, "EmailAddress"));
        m.put("phone", phone);
        m.put("address", Fields.text(address, "AddressLine1"));
        m.put("city", Fields.text(address, "City"));
        m.put("region", Fields.text(address, "Region"));
        m.put("zip", Fields.text(address, "PostalCode"));
        return m;
    }

    /** A sales invoice that was issued; drafts, submitted and deleted ones are not (null). */
    static Map<String, String> invoice(JsonNode o) {
        String status = Fields.text(o, "Status");
        if (status == null || List.of("DRAFT", "SUBMITTED", "DELETED").contains(status)) {
            return null;
        }
        Map<String, String> m = new HashMap<>();
        String id = Fields.text(o, "InvoiceID");
        m.put("id", id);
        m.put("customer", Fields.text(o.path("Contact"), "ContactID"));
        String number = Fields.text(o, "InvoiceNumber");
        m.put("invoice_number", number != null ? number : id);
        String issued = day(o, "Date");
        m.put("issued_on", issued);
        String due = day(o, "DueDate");
        m.put("due_on", due != null ? due : issued);
        m.put("amount", Fields.text(o, "Total"));
        m.put(
                "status",
                switch (status) {
                    case "PAID" -> "paid";
                    case "VOIDED" -> "void";
                    default -> "open";
                });
        return m;
    }

    /** A receivable payment; a deleted one is not (null). */
    static Map<String, String> payment(JsonNode o) {
        if ("DELETED".equals(Fields.text(o, "Status"))) {
            return null;
        }
        Map<String, String> m = new HashMap<>();
        m.put("id", Fields.text(o, "PaymentID"));
        m.put("invoice", Fields.text(o.path("Invoice"), "InvoiceID"));
        m.put("customer", Fields.text(o.path("Invoice").path("Contact"), "ContactID"));
        m.put("paid_on", day(o, "Date"));
        m.put("amount", Fields.text(o, "Amount"));
        return m;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
