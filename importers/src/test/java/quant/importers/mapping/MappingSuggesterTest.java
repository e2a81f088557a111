package quant.importers.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import quant.core.store.ColumnType;
import quant.core.store.DomainTable;
import quant.core.store.TableColumn;

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

    static TableColumn column(String name, ColumnType type, boolean reference, List<String> codes) {
        return new TableColumn(name, type, 0, 0, false, reference ? DomainTable.CUSTOMER : null, codes);
    }

    static final List<TableColumn> CUSTOMER_TARGETS = List.of(
            column("external_ref", ColumnType.TEXT, false, List.of()),
            column("name", ColumnType.TEXT, false, List.of()),
            column("segment", ColumnType.TEXT, false, List.of()),
            column("acquired_on", ColumnType.DATE, false, List.of()),
            column("email", ColumnType.TEXT, false, List.of()),
            column("phone", ColumnType.TEXT, false, List.of()),
            column("lat", ColumnType.REAL, false, List.of()));

    static final List<TableColumn> DEAL_TARGETS = List.of(
            column("customer_id", ColumnType.BIGINT, true, List.of()),
            column("amount", ColumnType.DECIMAL, false, List.of()),
            column("stage", ColumnType.TEXT, false, List.of()),
            column("created_on", ColumnType.DATE, false, List.of()),
            column("closed_on", ColumnType.DATE, false, List.of()),
            column("outcome", ColumnType.TEXT, false, List.of("open", "won", "lost")));

    @Test
    void columnsWhoseNamesSayNothingAreMappedByWhatTheyHold() {
        var s = MappingSuggester.suggest(
                List.of("Contact", "Col B", "Col C", "Joined"),
                List.of(
                        List.of("Ridgeview Dental", "Maple Street Bakery"),
                        List.of("office@ridgeview.example", "orders@maple.example"),
                        List.of("(303) 555-0142", "+1 720 555 0110"),
                        List.of("2024-03-28", "2023-11-02")),
                CUSTOMER_TARGETS);
        assertThat(s)
                .extracting(x -> x.from() + "→" + x.to())
                .containsExactly("Col B→email", "Col C→phone", "Joined→acquired_on");
    }

    @Test
    void valuesThatAreADatabaseRulesCodesPickThatColumn() {
        var s = MappingSuggester.suggest(
                List.of("Account", "Result", "Value"),
                List.of(List.of("Acme", "Globex"), List.of("Won", "lost", "won", "Open"), List.of("1,200.00", "$950")),
                DEAL_TARGETS);
        assertThat(s)
                .extracting(x -> x.from() + "→" + x.to())
                .containsExactly("Account→customer_id", "Result→outcome", "Value→amount");
    }

    @Test
    void aNameMatchIsDroppedWhenTheValuesCannotFillTheColumn() {
        // "Created" names a date column, but this one holds the name of whoever created the deal.
        var s = MappingSuggester.suggest(
                List.of("Created", "Amount"),
                List.of(List.of("Dana Whitfield", "Marcus Ortega"), List.of("not yet", "tbd")),
                DEAL_TARGETS);
        assertThat(s).isEmpty();
    }

    @Test
    void valueKindsOfCommonCells() {
        assertThat(ValueKind.of(List.of("a@b.example", "", "c@d.example"))).isEqualTo(ValueKind.EMAIL);
        assertThat(ValueKind.of(List.of("Phone:(303) 555-0142", "555-0199 x12")))
                .isEqualTo(ValueKind.PHONE);
        assertThat(ValueKind.of(List.of("12", "7"))).isEqualTo(ValueKind.INTEGER);
        assertThat(ValueKind.of(List.of("12", "7.5", "(1,234.50)"))).isEqualTo(ValueKind.DECIMAL);
        assertThat(ValueKind.of(List.of("3/28/2024", "28.03.2024", "2024-03-28")))
                .isEqualTo(ValueKind.DATE);
        assertThat(ValueKind.of(List.of("2024-03-28 16:02", "2024-01-15T09:41:00Z")))
                .isEqualTo(ValueKind.DATE_TIME);
        assertThat(ValueKind.of(List.of("", " "))).isEqualTo(ValueKind.EMPTY);
        assertThat(ValueKind.of(List.of("HVAC", "12", "x"))).isEqualTo(ValueKind.TEXT);
    }
}
