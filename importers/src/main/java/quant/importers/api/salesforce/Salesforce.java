package quant.importers.api.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
 * Salesforce's REST API {@value #VERSION} (developer.salesforce.com/docs/atlas.en-us.api_rest.meta),
 * reached through OAuth 2.0 with PKCE and the user's own connected app (scopes {@code api
 * refresh_token}); the API host is the {@code instance_url} of the token response. Users become sales
 * reps, accounts customers, opportunities deals (outcome from {@code IsClosed} and {@code IsWon}), and
 * {@code OpportunityHistory} the stage history — one row per change of stage, the rows that record only
 * a new amount or close date dropped.
 *
 * <p>Reads are SOQL queries ({@code /query?q=…}) paged by {@code nextRecordsUrl}; an incremental sync
 * adds {@code SystemModstamp >=} the watermark. For the stage history it finds the opportunities with new
 * history rows and reads their whole history again, so that consecutive rows of the same stage are
 * recognised. Salesforce's request-limit error ({@code REQUEST_LIMIT_EXCEEDED}) counts as a rate limit.
 * The mapping is in docs/connectors.md.
 */
public final class Salesforce implements Connector {
    static final String SOURCE = "salesforce";
    static final String VERSION = "v60.0";
    static final int IDS_PER_QUERY = 200;
    private static final DateTimeFormatter SOQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    static final List<String> REP_FIELDS = List.of("id", "name");
    static final List<String> CUSTOMER_FIELDS =
            List.of("id", "name", "phone", "address", "city", "region", "zip", "acquired_on");
    static final List<String> DEAL_FIELDS = List.of(
            "id",
            "customer",
            "sales_rep",
            "amount",
            "stage",
            "outcome",
            "created_on",
            "expected_close_on",
            "closed_on",
            "lead_source",
            "lost_reason");
    static final List<String> STAGE_FIELDS = List.of("id", "deal", "stage", "entered_on");

    static MappingProfile profile(String description, String table, List<String> fields, Map<String, String> to) {
        return ApiRecords.profile(SOURCE, description, table, fields, to);
    }

    static final MappingProfile REPS = profile("Salesforce users", "sales_rep", REP_FIELDS, Map.of());
    static final MappingProfile CUSTOMERS = profile("Salesforce accounts", "customer", CUSTOMER_FIELDS, Map.of());
    static final MappingProfile DEALS = profile(
            "Salesforce opportunities",
            "deal",
            DEAL_FIELDS,
            Map.of("customer", "customer_id", "sales_rep", "sales_rep_id"));
    static final MappingProfile STAGES =
            profile("Salesforce opportunity history", "deal_stage_history", STAGE_FIELDS, Map.of("deal", "deal_id"));

    static final ApiClient.Vendor VENDOR = new ApiClient.Vendor() {
        @Override
        public String title() {
            return "Salesforce";
        }

        @Override
        public String reconnect() {
            return "quant connect salesforce";
        }

        @Override
        public String message(JsonNode body) {
            JsonNode first = body.isArray() ? body.path(0) : body;
            String m = Fields.text(first, "message");
            String code = Fields.text(first, "errorCode");
            return m == null ? Fields.text(body, "error_description") : code == null ? m : m + " (" + code + ")";
        }

        @Override
        public boolean rateLimited(int status, JsonNode body) {
            return body != null
                    && "REQUEST_LIMIT_EXCEEDED".equals(Fields.text(body.isArray() ? body.path(0) : body, "errorCode"));
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
        return URI.create("https://login.salesforce.com/");
    }

    @Override
    public OAuth oauth() {
        return new OAuth(
                URI.create("https://login.salesforce.com/services/oauth2/authorize"),
                URI.create("https://login.salesforce.com/services/oauth2/token"),
                "api refresh_token",
                false,
                Map.of());
    }

    /** The org's instance ({@code instance_url} of the token response), where its API is. */
    @Override
    public URI apiBase(URI base, Map<String, String> redirect, JsonNode tokens) {
        String instance = Fields.text(tokens, "instance_url");
        if (instance == null) {
            throw new ImportException(
                    ImportException.Kind.SOURCE,
                    "Salesforce's token answer named no instance (instance_url); connect again.");
        }
        return URI.create(instance.endsWith("/") ? instance : instance + "/");
    }

    /** The organisation's name. */
    @Override
    public String check(ApiClient client, JobMonitor monitor) {
        JsonNode org = client.get(query("SELECT Name FROM Organization LIMIT 1"), monitor);
        return Fields.text(org.path("records").path(0), "Name");
    }

    @Override
    public List<String> objects() {
        return List.of("users", "accounts", "opportunities", "opportunity-history");
    }

    static String query(String soql) {
        return "services/data/" + VERSION + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
    }

    static String since(Instant at) {
        return SOQL_TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    @Override
    public List<ImportSource.Records> sources(ApiClient client, Map<String, String> watermarks, JobMonitor monitor) {
        return List.of(
                object(
                        client,
                        "users",
                        REPS,
                        REP_FIELDS,
                        "SELECT Id, Name, SystemModstamp FROM User WHERE UserType = 'Standard'",
                        Salesforce::rep,
                        watermarks,
                        monitor),
                object(
                        client,
                        "accounts",
                        CUSTOMERS,
                        CUSTOMER_FIELDS,
                        "SELECT Id, Name, Phone, BillingStreet, BillingCity, BillingState, BillingPostalCode, CreatedDate,"
                                + " SystemModstamp FROM Account",
                        Salesforce::account,
                        watermarks,
                        monitor),
                object(
                        client,
                        "opportunities",
                        DEALS,
                        DEAL_FIELDS,
                        "SELECT Id, AccountId, OwnerId, Amount, StageName, IsClosed, IsWon, CloseDate, CreatedDate,"
                                + " LeadSource, SystemModstamp FROM Opportunity",
                        Salesforce::opportunity,
                        watermarks,
                        monitor),
                new ApiRecords(
                        SOURCE,
                        "opportunity-history",
                        STAGES,
                        STAGE_FIELDS,
                        r -> history(client, Fields.instant(watermarks.get("opportunity-history")), r, monitor)));
    }

    private ApiRecords object(
            ApiClient client,
            String object,
            MappingProfile profile,
            List<String> fields,
            String select,
            Function<JsonNode, Map<String, String>> record,
            Map<String, String> watermarks,
            JobMonitor monitor) {
        Instant from = Fields.instant(watermarks.get(object));
        String soql = select
                + (from == null
                        ? ""
                        : (select.contains(" WHERE ") ? " AND" : " WHERE") + " SystemModstamp >= " + since(from))
                + " ORDER BY SystemModstamp";
        return new ApiRecords(
                SOURCE,
                object,
                profile,
                fields,
                r -> pages(
                        client,
                        query(soql),
                        rec -> {
                            r.saw(modified(rec, "SystemModstamp"));
                            return List.of(record.apply(rec));
                        },
                        monitor));
    }

    /** A query's records, page after page by {@code nextRecordsUrl}. */
    static RecordTableReader.Pages pages(
            ApiClient client, String first, Function<JsonNode, List<Map<String, String>>> records, JobMonitor monitor) {
        String[] next = {first};
        return () -> {
            if (next[0] == null) {
                return null;
            }
            JsonNode page = client.get(next[0], monitor);
            List<Map<String, String>> out = new ArrayList<>();
            for (JsonNode r : page.path("records")) {
                out.addAll(records.apply(r));
            }
            String more = Fields.text(page, "nextRecordsUrl");
            next[0] = page.path("done").asBoolean(true) || more == null ? null : more;
            return out;
        };
    }

    private static Instant modified(JsonNode r, String field) {
        try {
            return Fields.instant(salesforceTime(Fields.text(r, field)));
        } catch (IllegalArgumentException notATime) {
            return null;
        }
    }

    /** Salesforce writes {@code 2025-01-02T10:00:00.000+0000}; ISO wants a colon in the offset. */
    static String salesforceTime(String value) {
        return value == null ? null : value.replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2");
    }

    /**
     * The stage history: everything, or the whole history of the opportunities with new rows since the
     * watermark; consecutive rows of one opportunity in the same stage are one stay in it.
     */
    private RecordTableReader.Pages history(ApiClient client, Instant from, ApiRecords into, JobMonitor monitor) {
        String fields = "SELECT Id, OpportunityId, StageName, CreatedDate FROM OpportunityHistory";
        List<JsonNode> rows = new ArrayList<>();
        if (from == null) {
            collect(client, query(fields + " ORDER BY OpportunityId, CreatedDate"), rows, monitor);
        } else {
            List<JsonNode> changed = new ArrayList<>();
            collect(
                    client,
                    query("SELECT OpportunityId, CreatedDate FROM OpportunityHistory WHERE CreatedDate >= "
                            + since(from)),
                    changed,
                    monitor);
            Set<String> ids = new LinkedHashSet<>();
            changed.forEach(r -> ids.add(Fields.text(r, "OpportunityId")));
            List<String> all = new ArrayList<>(ids);
            for (int i = 0; i < all.size(); i += IDS_PER_QUERY) {
                List<String> batch = all.subList(i, Math.min(all.size(), i + IDS_PER_QUERY));
                collect(
                        client,
                        query(fields + " WHERE OpportunityId IN ('" + String.join("','", batch)
                                + "') ORDER BY OpportunityId, CreatedDate"),
                        rows,
                        monitor);
            }
        }
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> lastStage = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            into.saw(modified(r, "CreatedDate"));
            String opportunity = Fields.text(r, "OpportunityId");
            String stage = Fields.text(r, "StageName");
            if (stage != null && stage.equals(lastStage.get(opportunity))) {
                continue; // a new amount or close date, not a new stage
            }
            lastStage.put(opportunity, stage);
            Map<String, String> m = new HashMap<>();
            m.put("id", Fields.text(r, "Id"));
            m.put("deal", opportunity);
            m.put("stage", clip(stage));
            m.put("entered_on", Fields.day(salesforceTime(Fields.text(r, "CreatedDate"))));
            out.add(m);
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

    private static void collect(ApiClient client, String first, List<JsonNode> into, JobMonitor monitor) {
        RecordTableReader.Pages p = pages(
                client,
                first,
                r -> {
                    into.add(r);
                    return List.of();
                },
                monitor);
        try {
            while (p.next() != null) {
                monitor.checkCancelled();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, String> rep(JsonNode o) {
        Map<String, String> m = new HashMap<>();
        m.put("id", Fields.text(o, "Id"));
        m.put("name", Fields.text(o, "Name"));
        return m;
    }

    static Map<String, String> account(JsonNode o) {
        Map<String, String> m = new HashMap<>();
        m.put("id", Fields.text(o, "Id"));
        m.put("name", Fields.text(o, "Name"));
        m.put("phone", Fields.text(o, "Phone"));
        m.put("address", Fields.text(o, "BillingStreet"));
        m.put("city", Fields.text(o, "BillingCity"));
        m.put("region", Fields.text(o, "BillingState"));
        m.put("zip", Fields.text(o, "BillingPostalCode"));
        m.put("acquired_on", Fields.day(salesforceTime(Fields.text(o, "CreatedDate"))));
        return m;
    }

    static Map<String, String> opportunity(JsonNode o) {
        boolean closed = o.path("IsClosed").asBoolean(false);
        boolean won = o.path("IsWon").asBoolean(false);
        Map<String, String> m = new HashMap<>();
        m.put("id", Fields.text(o, "Id"));
        m.put("customer", Fields.text(o, "AccountId"));
        m.put("sales_rep", Fields.text(o, "OwnerId"));
        m.put("amount", Fields.text(o, "Amount"));
        m.put("stage", clip(Fields.text(o, "StageName")));
        m.put("outcome", closed ? (won ? "won" : "lost") : "open");
        m.put("created_on", Fields.day(salesforceTime(Fields.text(o, "CreatedDate"))));
        m.put(closed ? "closed_on" : "expected_close_on", Fields.text(o, "CloseDate"));
        String source = Fields.text(o, "LeadSource");
        m.put("lead_source", source == null ? null : source.toLowerCase(Locale.ROOT));
        return m;
    }

    private static String clip(String s) {
        return s == null || s.length() <= 32 ? s : s.substring(0, 32);
    }
}
