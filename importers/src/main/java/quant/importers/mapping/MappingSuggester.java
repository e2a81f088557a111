package quant.importers.mapping;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import quant.core.store.ColumnType;
import quant.core.store.TableColumn;

/**
 * Suggests which table column each file column fills, by header name and by content.
 *
 * <p>By name: exact names after normalising case, spaces and punctuation (score 1); common
 * synonyms used by accounting, CRM and field-service exports (0.9); then word overlap (up to 0.8).
 * By content, from a sample of the column's values ({@link ValueKind}): a name match is dropped when
 * fewer than half the values could fill the column (text for a number or date column); and a column the name does
 * not place is suggested for {@code email} when it holds e-mail addresses (0.75), for {@code phone}
 * when it holds phone numbers (0.7), for a column whose database rule allows only some codes when
 * at least 80% of its values are those codes (0.8, e.g. {@code won}/{@code lost} → {@code outcome}),
 * and for the table's only date column when it holds dates (0.55). A column the analyses read as codes
 * though the database takes any text (a customer's segment) takes a file column by name only when
 * most of its values are those codes: a CRM's "sector" (medical, retail) is not a segment. Each table
 * column is used once, best matches first.
 */
public final class MappingSuggester {
    /**
     * Columns the analyses read as codes though the database takes any text (customer segments):
     * a file column goes there by name only when most of its values are these codes.
     */
    static final Map<String, Set<String>> SOFT_CODES = Map.of("segment", Set.of("residential", "commercial"));

    /** Other names for table columns, as exports write them (normalised: lower case, single spaces). */
    private static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry(
                    "name",
                    List.of(
                            "customer",
                            "customer name",
                            "display name",
                            "company",
                            "company name",
                            "account",
                            "account name",
                            "client",
                            "full name",
                            "technician",
                            "product",
                            "product name",
                            "item",
                            "sales agent",
                            "rep")),
            Map.entry("email", List.of("e mail", "email address", "mail")),
            Map.entry("phone", List.of("telephone", "tel", "phone number", "mobile", "cell")),
            Map.entry("zip", List.of("postal code", "postcode", "zip code", "post code", "zipcode")),
            Map.entry("region", List.of("state", "province", "county", "office location")),
            Map.entry("address", List.of("street", "street address", "address line 1", "billing address")),
            // not "sector" or "industry": a customer's sector (medical, retail, …) is not its segment
            Map.entry("segment", List.of("customer type", "type", "customer segment")),
            Map.entry("acquisition_channel", List.of("channel", "lead source", "source channel", "how did you hear")),
            Map.entry(
                    "acquired_on",
                    List.of(
                            "customer since",
                            "created",
                            "created date",
                            "created on",
                            "signup date",
                            "since",
                            "start date")),
            Map.entry("lat", List.of("latitude")),
            Map.entry("lon", List.of("longitude", "lng", "long")),
            Map.entry(
                    "invoice_number",
                    List.of("invoice", "invoice no", "invoice num", "invoice #", "number", "doc number")),
            Map.entry("issued_on", List.of("invoice date", "date", "issue date", "txn date", "transaction date")),
            Map.entry("due_on", List.of("due date", "due")),
            Map.entry(
                    "amount",
                    List.of(
                            "total",
                            "amount due",
                            "invoice amount",
                            "total amount",
                            "value",
                            "close value",
                            "deal amount")),
            Map.entry("status", List.of("state", "invoice status", "job status")),
            Map.entry(
                    "customer_id",
                    List.of("customer", "customer name", "client", "account", "account name", "bill to")),
            Map.entry("paid_on", List.of("payment date", "date paid", "paid date")),
            Map.entry("method", List.of("payment method", "paid by")),
            Map.entry("stage", List.of("deal stage", "pipeline stage", "opportunity stage")),
            Map.entry("closed_on", List.of("close date", "closed date", "date closed")),
            Map.entry("engaged_on", List.of("engage date", "engaged date")),
            Map.entry("expected_close_on", List.of("expected close date", "expected close")),
            Map.entry("list_price", List.of("price", "sales price", "unit price", "rate")),
            Map.entry("family", List.of("series", "category", "product family", "product line")),
            Map.entry("manager", List.of("team lead", "supervisor")),
            Map.entry("office", List.of("regional office", "branch", "location")),
            Map.entry("technician_id", List.of("technician", "tech", "assigned to", "assigned tech")),
            Map.entry("service_line_id", List.of("service line", "service", "trade", "job type", "category")),
            Map.entry("revenue", List.of("job total", "total", "price", "amount", "invoice total")),
            Map.entry("estimated_hours", List.of("estimate hours", "est hours", "estimated duration", "planned hours")),
            Map.entry(
                    "actual_hours",
                    List.of("hours", "labor hours", "labour hours", "duration hours", "actual duration")),
            Map.entry("scheduled_at", List.of("scheduled", "scheduled date", "appointment", "scheduled start")),
            Map.entry("completed_at", List.of("completed", "completed date", "completion date", "finished")),
            Map.entry("requested_at", List.of("requested", "request date", "created", "created date")),
            Map.entry("rating", List.of("customer rating", "score", "stars", "review")),
            Map.entry("priority", List.of("urgency")),
            Map.entry("month_start", List.of("month", "period")),
            Map.entry("category", List.of("expense category", "account", "type")));

    private MappingSuggester() {}

    /** One suggestion: file column → table column, with a confidence from 0 to 1. */
    public record Suggestion(String from, String to, double score) {}

    /** A column known only by name: any value fits. */
    public static TableColumn named(String name) {
        return new TableColumn(name, ColumnType.OTHER, 0, 0, false, null, List.of());
    }

    private static boolean takes(TableColumn target, ValueKind kind) {
        return target.references() != null || target.name().equals("external_ref") || kind.fits(target.type());
    }

    /**
     * Whether at least half the non-empty values could fill this column: a file with some bad
     * dates still maps its date column (the bad rows become problems), a column of names does not.
     */
    private static boolean takesMost(TableColumn target, List<String> values) {
        Set<String> codes = SOFT_CODES.get(target.name());
        if (codes != null) {
            // a coded field takes a column only when most of its values are the codes
            int[] known = codesAmong(values, codes);
            if (known[0] > 0 && known[1] * 2 < known[0]) {
                return false;
            }
        }
        int filled = 0;
        int fit = 0;
        for (String v : values) {
            ValueKind k = ValueKind.ofValue(v == null ? "" : v);
            if (k != ValueKind.EMPTY) {
                filled++;
                fit += takes(target, k) ? 1 : 0;
            }
        }
        return fit * 2 >= filled;
    }

    /**
     * Suggests a table column for each header where one fits well enough (score ≥ 0.5), by name only.
     *
     * @param targetColumns the table's columns a user may fill (without {@code id} and {@code source})
     */
    public static List<Suggestion> suggest(List<String> header, List<String> targetColumns) {
        return suggest(
                header,
                List.of(),
                targetColumns.stream().map(MappingSuggester::named).toList());
    }

    /**
     * Suggests a table column for each header where one fits well enough (score ≥ 0.5), by name and
     * by the sampled values.
     *
     * @param samples per header column (same order), some of its values; may be shorter or empty
     */
    public static List<Suggestion> suggest(List<String> header, List<List<String>> samples, List<TableColumn> targets) {
        List<Suggestion> all = new ArrayList<>();
        long dateTargets = targets.stream().filter(t -> t.type().isTemporal()).count();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            String nh = normalise(h);
            List<String> values = i < samples.size() ? samples.get(i) : List.of();
            ValueKind kind = ValueKind.of(values);
            for (TableColumn target : targets) {
                double s = score(nh, target.name());
                if (s >= 0.5 && takesMost(target, values)) {
                    all.add(new Suggestion(h, target.name(), s));
                }
                double byContent = byContent(kind, values, target, dateTargets);
                if (byContent > 0) {
                    all.add(new Suggestion(h, target.name(), byContent));
                }
            }
        }
        all.sort(Comparator.comparingDouble(Suggestion::score).reversed());
        Set<String> usedFrom = new HashSet<>();
        Set<String> usedTo = new HashSet<>();
        Map<String, Suggestion> chosen = new LinkedHashMap<>();
        for (Suggestion s : all) {
            if (!usedFrom.contains(s.from()) && !usedTo.contains(s.to())) {
                usedFrom.add(s.from());
                usedTo.add(s.to());
                chosen.put(s.from(), s);
            }
        }
        List<Suggestion> ordered = new ArrayList<>();
        for (String h : header) {
            if (chosen.containsKey(h)) {
                ordered.add(chosen.get(h));
            }
        }
        return ordered;
    }

    /** {non-empty values, values that are one of the (lower-case) codes}, compared without regard to case. */
    private static int[] codesAmong(List<String> values, Set<String> codes) {
        int filled = 0;
        int known = 0;
        for (String v : values) {
            String t = v == null ? "" : v.strip().toLowerCase(Locale.ROOT);
            if (!t.isEmpty()) {
                filled++;
                known += codes.contains(t) ? 1 : 0;
            }
        }
        return new int[] {filled, known};
    }

    /** The score the values alone give for {@code target}, or 0. */
    static double byContent(ValueKind kind, List<String> values, TableColumn target, long dateTargets) {
        if (kind == ValueKind.EMAIL && target.name().equals("email")) {
            return 0.75;
        }
        if (kind == ValueKind.PHONE && target.name().equals("phone")) {
            return 0.7;
        }
        if (!target.codes().isEmpty() && kind != ValueKind.EMPTY) {
            Set<String> codes = new HashSet<>();
            target.codes().forEach(c -> codes.add(c.toLowerCase(Locale.ROOT)));
            int[] known = codesAmong(values, codes);
            if (known[0] > 0 && known[1] * 100 >= known[0] * ValueKind.SHARE_PERCENT) {
                return 0.8;
            }
        }
        if ((kind == ValueKind.DATE || kind == ValueKind.DATE_TIME)
                && target.type().isTemporal()
                && dateTargets == 1) {
            return 0.55;
        }
        return 0;
    }

    static double score(String normalisedHeader, String target) {
        String plain = target.replace('_', ' ');
        String withoutId = target.endsWith("_id") ? plain.substring(0, plain.length() - 3) : plain;
        if (normalisedHeader.equals(plain)
                || normalisedHeader.equals(withoutId)
                || normalisedHeader.replace(" ", "").equals(plain.replace(" ", ""))
                || normalisedHeader.equals(withoutId + " ref")
                || normalisedHeader.equals(withoutId + " id")) {
            return 1.0;
        }
        if (SYNONYMS.getOrDefault(target, List.of()).contains(normalisedHeader)) {
            return 0.9;
        }
        Set<String> a = new HashSet<>(Arrays.asList(normalisedHeader.split(" ")));
        Set<String> b = new HashSet<>(Arrays.asList(
                withoutId.replace(" on", " date").replace(" at", " time").split(" ")));
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        Set<String> either = new HashSet<>(a);
        either.addAll(b);
        return either.isEmpty() ? 0 : 0.8 * both.size() / either.size();
    }

    /** Lower case, accents removed, camelCase and punctuation split into single spaces. */
    static String normalise(String header) {
        String s = Normalizer.normalize(header.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("([a-z])([A-Z])", "$1 $2");
        s = s.toLowerCase(Locale.ROOT)
                .replace("#", " # ")
                .replaceAll("[^a-z0-9#]+", " ")
                .strip();
        return s.replaceAll(" +", " ");
    }
}
