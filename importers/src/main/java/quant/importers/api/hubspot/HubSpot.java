package quant.importers.api.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * HubSpot's CRM API v3 (developers.hubspot.com/docs/api/crm), reached with a private app's access token
 * (scopes {@code crm.objects.companies.read}, {@code crm.objects.contacts.read},
 * {@code crm.objects.deals.read}, {@code crm.objects.owners.read}): owners become sales reps, companies
 * and contacts customers, deals deals (their stage and outcome from the deal pipelines' stage metadata),
 * and each deal's stage history ({@code propertiesWithHistory=dealstage}) the stage history.
 *
 * <p>Paging follows {@code paging.next.after}. A first or full sync lists every object; an incremental
 * one asks the search API for the objects modified at or after the watermark ({@code hs_lastmodifieddate},
 * for contacts {@code lastmodifieddate}, ascending), restarting the search from the latest time read
 * before its 10,000-result limit, and reads each changed deal with its history and associations.
 * Owners are few and have no modification filter: they are listed in full each time, unchanged ones
 * staying unchanged. The mapping is in docs/connectors.md.
 */
public final class HubSpot implements Connector {
    static final String SOURCE = "hubspot";
    static final int SEARCH_LIMIT = 10_000;
    private static final List<String> COMPANY_PROPERTIES =
            List.of("name", "city", "state", "zip", "phone", "createdate", "hs_lastmodifieddate");
    private static final List<String> CONTACT_PROPERTIES = List.of(
            "firstname", "lastname", "email", "phone", "city", "state", "zip", "createdate", "lastmodifieddate");
    private static final List<String> DEAL_PROPERTIES = List.of(
            "amount",
            "dealstage",
            "pipeline",
            "closedate",
            "createdate",
            "hubspot_owner_id",
            "hs_analytics_source",
            "hs_lastmodifieddate");

    static final List<String> REP_FIELDS = List.of("id", "name");
    static final List<String> CUSTOMER_FIELDS =
            List.of("id", "name", "email", "phone", "city", "region", "zip", "acquired_on");
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
            "lead_source");
    static final List<String> STAGE_FIELDS = List.of("id", "deal", "stage", "entered_on");

    static final MappingProfile REPS = profile("HubSpot owners", "sales_rep", REP_FIELDS, Map.of());
    static final MappingProfile COMPANIES =
            profile("HubSpot companies", "customer", CUSTOMER_FIELDS, Map.of("region", "region"));
    static final MappingProfile CONTACTS =
            profile("HubSpot contacts", "customer", CUSTOMER_FIELDS, Map.of("region", "region"));
    static final MappingProfile DEALS = profile(
            "HubSpot deals", "deal", DEAL_FIELDS, Map.of("customer", "customer_id", "sales_rep", "sales_rep_id"));
    static final MappingProfile STAGES =
            profile("HubSpot deal stage history", "deal_stage_history", STAGE_FIELDS, Map.of("deal", "deal_id"));

    /** A profile mapping each field but the key to the column of the same name (or the one given). */
    static MappingProfile profile(String description, String table, List<String> fields, Map<String, String> to) {
        return ApiRecords.profile(SOURCE, description, table, fields, to);
    }

    static final ApiClient.Vendor VENDOR = new ApiClient.Vendor() {
        @Override
        public String title() {
            return "HubSpot";
        }

        @Override
        public String reconnect() {
            return "quant connect hubspot";
        }

        @Override
        public String message(JsonNode body) {
            return Fields.text(body, "message");
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
        return URI.create("https://api.hubapi.com/");
    }

    /** The account's details ({@code /account-info/v3/details}): "portal 123456". */
    @Override
    public String check(ApiClient client, JobMonitor monitor) {
        String portal = Fields.text(client.get("/account-info/v3/details", monitor), "portalId");
        return portal == null ? null : "portal " + portal;
    }

    @Override
    public List<String> objects() {
        return List.of("owners", "companies", "contacts", "deals", "deal-stages");
    }

    @Override
    public List<ImportSource.Records> sources(ApiClient client, Map<String, String> watermarks, JobMonitor monitor) {
        List<Map<String, String>> history = new ArrayList<>();
        ApiRecords deals = new ApiRecords(
                SOURCE,
                "deals",
                DEALS,
                DEAL_FIELDS,
                r -> dealPages(client, Fields.instant(watermarks.get("deals")), r, history, monitor));
        return List.of(
                new ApiRecords(
                        SOURCE,
                        "owners",
                        REPS,
                        REP_FIELDS,
                        r -> list(client, "/crm/v3/owners?limit=100&archived=false", HubSpot::rep, r, null, monitor)),
                customers(
                        client, "companies", COMPANIES, COMPANY_PROPERTIES, "hs_lastmodifieddate", watermarks, monitor),
                customers(client, "contacts", CONTACTS, CONTACT_PROPERTIES, "lastmodifieddate", watermarks, monitor),
                deals,
                new ApiRecords(SOURCE, "deal-stages", STAGES, STAGE_FIELDS, r -> {
                    // the history came with the deals just read, in the same sync
                    r.reached(Fields.instant(deals.watermark()));
                    boolean[] given = {false};
                    return () -> {
                        if (given[0]) {
                            return null;
                        }
                        given[0] = true;
                        return history;
                    };
                }));
    }

    private ApiRecords customers(
            ApiClient client,
            String object,
            MappingProfile profile,
            List<String> properties,
            String modified,
            Map<String, String> watermarks,
            JobMonitor monitor) {
        Instant since = Fields.instant(watermarks.get(object));
        Function<JsonNode, Map<String, String>> record =
                "companies".equals(object) ? HubSpot::company : HubSpot::contact;
        return new ApiRecords(
                SOURCE,
                object,
                profile,
                CUSTOMER_FIELDS,
                r -> since == null
                        ? list(
                                client,
                                "/crm/v3/objects/" + object + "?limit=100&archived=false&properties="
                                        + String.join(",", properties),
                                record,
                                r,
                                modified,
                                monitor)
                        : search(client, object, properties, modified, since, record, r, monitor));
    }

    /** A list endpoint, page after page by {@code paging.next.after}. */
    static RecordTableReader.Pages list(
            ApiClient client,
            String path,
            Function<JsonNode, Map<String, String>> record,
            ApiRecords into,
            String modified,
            JobMonitor monitor) {
        String[] after = {null};
        boolean[] done = {false};
        return () -> {
            if (done[0]) {
                return null;
            }
            JsonNode page = client.get(path + (after[0] == null ? "" : "&after=" + encode(after[0])), monitor);
            List<Map<String, String>> out = records(page, record, into, modified);
            after[0] = Fields.text(page.path("paging").path("next"), "after");
            done[0] = after[0] == null;
            return out;
        };
    }

    /**
     * The search API for objects modified at or after {@code since}, oldest first; before the search's
     * 10,000-result limit it starts again from the latest modification read.
     */
    static RecordTableReader.Pages search(
            ApiClient client,
            String object,
            List<String> properties,
            String modified,
            Instant since,
            Function<JsonNode, Map<String, String>> record,
            ApiRecords into,
            JobMonitor monitor) {
        Instant[] from = {since};
        String[] after = {null};
        boolean[] done = {false};
        return () -> {
            if (done[0]) {
                return null;
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ObjectNode filter = body.putArray("filterGroups")
                    .addObject()
                    .putArray("filters")
                    .addObject();
            filter.put("propertyName", modified)
                    .put("operator", "GTE")
                    .put("value", String.valueOf(from[0].toEpochMilli()));
            body.putArray("sorts").addObject().put("propertyName", modified).put("direction", "ASCENDING");
            properties.forEach(body.putArray("properties")::add);
            body.put("limit", 100);
            if (after[0] != null) {
                body.put("after", after[0]);
            }
            JsonNode page = client.post("/crm/v3/objects/" + object + "/search", body, true, monitor);
            List<Map<String, String>> out = records(page, record, into, modified);
            String next = Fields.text(page.path("paging").path("next"), "after");
            if (next == null) {
                done[0] = true;
            } else if (Long.parseLong(next) + 100 > SEARCH_LIMIT) {
                Instant latest = Fields.instant(into.watermark());
                if (latest == null || !latest.isAfter(from[0])) {
                    throw new ImportException(
                            ImportException.Kind.SOURCE,
                            "HubSpot's search returns at most 10,000 " + object + " and more than that were modified"
                                    + " at the same moment; sync with --full to read them all.");
                }
                from[0] = latest;
                after[0] = null;
            } else {
                after[0] = next;
            }
            return out;
        };
    }

    private static List<Map<String, String>> records(
            JsonNode page, Function<JsonNode, Map<String, String>> record, ApiRecords into, String modified) {
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode r : page.path("results")) {
            out.add(record.apply(r));
            if (modified != null) {
                into.saw(modifiedAt(r, modified));
            }
        }
        return out;
    }

    private static Instant modifiedAt(JsonNode r, String modified) {
        String v = Fields.text(r.path("properties"), modified);
        try {
            return Fields.instant(v != null ? v : Fields.text(r, "updatedAt"));
        } catch (IllegalArgumentException e) {
            return null; // a modification time HubSpot did not give as a time moves no watermark
        }
    }

    static Map<String, String> rep(JsonNode o) {
        Map<String, String> m = new HashMap<>();
        m.put("id", Fields.text(o, "id"));
        m.put("name", person(Fields.text(o, "firstName"), Fields.text(o, "lastName"), Fields.text(o, "email")));
        return m;
    }

    static Map<String, String> company(JsonNode o) {
        JsonNode p = o.path("properties");
        Map<String, String> m = new HashMap<>();
        m.put("id", "company-" + Fields.text(o, "id"));
        m.put("name", Fields.text(p, "name"));
        m.put("phone", Fields.text(p, "phone"));
        m.put("city", Fields.text(p, "city"));
        m.put("region", Fields.text(p, "state"));
        m.put("zip", Fields.text(p, "zip"));
        m.put("acquired_on", Fields.day(Fields.text(p, "createdate")));
        return m;
    }

    static Map<String, String> contact(JsonNode o) {
        JsonNode p = o.path("properties");
        Map<String, String> m = new HashMap<>();
        m.put("id", "contact-" + Fields.text(o, "id"));
        m.put("name", person(Fields.text(p, "firstname"), Fields.text(p, "lastname"), Fields.text(p, "email")));
        m.put("email", Fields.text(p, "email"));
        m.put("phone", Fields.text(p, "phone"));
        m.put("city", Fields.text(p, "city"));
        m.put("region", Fields.text(p, "state"));
        m.put("zip", Fields.text(p, "zip"));
        m.put("acquired_on", Fields.day(Fields.text(p, "createdate")));
        return m;
    }

    /** "First Last", else the e-mail address, else nothing (the import then says the name is missing). */
    static String person(String first, String last, String email) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? email : name;
    }

    /** A deal stage as the pipelines define it. */
    record Stage(String label, boolean closed, boolean won) {}

    /** Every pipeline's stages by id, from {@code /crm/v3/pipelines/deals}. */
    static Map<String, Stage> stages(ApiClient client, JobMonitor monitor) {
        Map<String, Stage> stages = new HashMap<>();
        for (JsonNode pipeline : client.get("/crm/v3/pipelines/deals", monitor).path("results")) {
            for (JsonNode s : pipeline.path("stages")) {
                JsonNode meta = s.path("metadata");
                boolean closed = "true".equalsIgnoreCase(Fields.text(meta, "isClosed"));
                String probability = Fields.text(meta, "probability");
                boolean won = closed && probability != null && Double.parseDouble(probability) >= 1.0;
                stages.put(Fields.text(s, "id"), new Stage(Fields.text(s, "label"), closed, won));
            }
        }
        return stages;
    }

    private RecordTableReader.Pages dealPages(
            ApiClient client, Instant since, ApiRecords into, List<Map<String, String>> history, JobMonitor monitor) {
        Map<String, Stage> stages = stages(client, monitor);
        String read = "properties=" + String.join(",", DEAL_PROPERTIES)
                + "&propertiesWithHistory=dealstage&associations=companies,contacts";
        Function<JsonNode, Map<String, String>> deal = o -> deal(o, stages, history);
        if (since == null) {
            return list(
                    client,
                    "/crm/v3/objects/deals?limit=50&archived=false&" + read,
                    deal,
                    into,
                    "hs_lastmodifieddate",
                    monitor);
        }
        // the search finds what changed; each changed deal is read with its history and associations
        RecordTableReader.Pages changed = search(
                client,
                "deals",
                List.of("hs_lastmodifieddate"),
                "hs_lastmodifieddate",
                since,
                o -> Map.of("id", Fields.text(o, "id")),
                into,
                monitor);
        return () -> {
            List<Map<String, String>> ids = changed.next();
            if (ids == null) {
                return null;
            }
            List<Map<String, String>> out = new ArrayList<>();
            for (Map<String, String> id : ids) {
                out.add(deal.apply(client.get("/crm/v3/objects/deals/" + encode(id.get("id")) + "?" + read, monitor)));
            }
            return out;
        };
    }

    static Map<String, String> deal(JsonNode o, Map<String, Stage> stages, List<Map<String, String>> history) {
        JsonNode p = o.path("properties");
        String id = Fields.text(o, "id");
        String stageId = Fields.text(p, "dealstage");
        Stage stage = stages.getOrDefault(stageId, new Stage(stageId, false, false));
        Map<String, String> m = new HashMap<>();
        m.put("id", id);
        m.put("customer", customerOf(o.path("associations")));
        m.put("sales_rep", Fields.text(p, "hubspot_owner_id"));
        m.put("amount", Fields.text(p, "amount"));
        m.put("stage", clip(stage.label()));
        m.put("outcome", stage.closed() ? (stage.won() ? "won" : "lost") : "open");
        m.put("created_on", Fields.day(Fields.text(p, "createdate")));
        String close = Fields.day(Fields.text(p, "closedate"));
        m.put(stage.closed() ? "closed_on" : "expected_close_on", close);
        String channel = Fields.text(p, "hs_analytics_source");
        m.put("lead_source", channel == null ? null : channel.toLowerCase(Locale.ROOT));
        for (JsonNode h : o.path("propertiesWithHistory").path("dealstage")) {
            String value = Fields.text(h, "value");
            String at = Fields.text(h, "timestamp");
            Instant when;
            try {
                when = Fields.instant(at);
            } catch (IllegalArgumentException e) {
                when = null;
            }
            Map<String, String> entry = new HashMap<>();
            entry.put("id", id + "@" + (when == null ? at : String.valueOf(when.toEpochMilli())));
            entry.put("deal", id);
            entry.put(
                    "stage",
                    clip(stages.getOrDefault(value, new Stage(value, false, false))
                            .label()));
            entry.put("entered_on", when == null ? at : Fields.day(when));
            history.add(entry);
        }
        return m;
    }

    /** The deal's first associated company, else its first contact, as the customer's key. */
    private static String customerOf(JsonNode associations) {
        for (String kind : List.of("companies", "contacts")) {
            for (JsonNode a : associations.path(kind).path("results")) {
                String id = Fields.text(a, "id");
                if (id != null) {
                    return ("companies".equals(kind) ? "company-" : "contact-") + id;
                }
            }
        }
        return null;
    }

    private static String clip(String s) {
        return s == null || s.length() <= 32 ? s : s.substring(0, 32);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
