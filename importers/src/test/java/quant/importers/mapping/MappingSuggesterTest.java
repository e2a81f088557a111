package quant.importers.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class MappingSuggesterTest {
    static final Map<String, List<String>> TABLES = Map.of(
            "customer",
                    List.of(
                            "external_ref",
                            "name",
                            "segment",
                            "acquisition_channel",
                            "acquired_on",
                            "email",
                            "phone",
                            "address",
                            "city",
                            "region",
                            "zip",
                            "lat",
                            "lon"),
            "invoice",
                    List.of(
                            "external_ref",
                            "customer_id",
                            "job_id",
                            "invoice_number",
                            "issued_on",
                            "due_on",
                            "amount",
                            "status"),
            "job",
                    List.of(
                            "external_ref",
                            "customer_id",
                            "service_line_id",
                            "technician_id",
                            "status",
                            "priority",
                            "requested_at",
                            "scheduled_at",
                            "completed_at",
                            "estimated_hours",
                            "actual_hours",
                            "travel_minutes",
                            "revenue",
                            "labour_cost",
                            "material_cost",
                            "rating"),
            "deal",
                    List.of(
                            "external_ref",
                            "customer_id",
                            "product_id",
                            "sales_rep_id",
                            "amount",
                            "stage",
                            "created_on",
                            "engaged_on",
                            "expected_close_on",
                            "closed_on",
                            "outcome",
                            "lost_reason"));

    /** How people rename columns: case, spacing, camelCase, and the names exports use. */
    static final List<UnaryOperator<String>> RENAMES = List.of(
            s -> s.toUpperCase(Locale.ROOT),
            s -> s.replace('_', ' '),
            s -> titleCase(s.replace('_', ' ')),
            s -> camel(s),
            s -> " " + s.replace('_', '-') + " ");

    static String titleCase(String s) {
        StringBuilder b = new StringBuilder();
        for (String w : s.split(" ")) {
            b.append(b.isEmpty() ? "" : " ")
                    .append(Character.toUpperCase(w.charAt(0)))
                    .append(w.substring(1));
        }
        return b.toString();
    }

    static String camel(String s) {
        String[] parts = s.split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    @Test
    void atLeastNinetyPercentOfRenamedHeadersAreStillMappedCorrectly() {
        int right = 0;
        int total = 0;
        List<String> misses = new ArrayList<>();
        for (var table : TABLES.entrySet()) {
            for (UnaryOperator<String> rename : RENAMES) {
                List<String> header = table.getValue().stream().map(rename).toList();
                var suggestions = MappingSuggester.suggest(header, table.getValue());
                for (int i = 0; i < header.size(); i++) {
                    String expected = table.getValue().get(i);
                    String from = header.get(i);
                    total++;
                    boolean ok = suggestions.stream().anyMatch(s -> s.from().equals(from) && s.to().equals(expected));
                    if (ok) {
                        right++;
                    } else {
                        misses.add(table.getKey() + ": " + from);
                    }
                }
            }
        }
        assertThat((double) right / total).as("misses: %s", misses).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void exportNamesMapToOurColumns() {
        var s = MappingSuggester.suggest(
                List.of("Customer", "Invoice No.", "Invoice Date", "Due Date", "Total", "Status"),
                TABLES.get("invoice"));
        assertThat(s)
                .extracting(MappingSuggester.Suggestion::to)
                .containsExactly("customer_id", "invoice_number", "issued_on", "due_on", "amount", "status");
    }

    @Test
    void unrelatedHeadersGetNoSuggestion() {
        assertThat(MappingSuggester.suggest(List.of("Favourite colour", "Shoe size"), TABLES.get("customer")))
                .isEmpty();
    }
}
