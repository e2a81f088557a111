package quant.importers.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import quant.core.store.DomainTable;
import quant.core.store.TableColumn;

/** The table a file most likely fills, and a CRM's sector kept out of the customer segment. */
class TableGuessTest {
    static Map<DomainTable, List<TableColumn>> columns() {
        Map<DomainTable, List<TableColumn>> m = new EnumMap<>(DomainTable.class);
        m.put(
                DomainTable.CUSTOMER,
                named("name", "segment", "acquisition_channel", "email", "phone", "region", "city"));
        m.put(DomainTable.SALES_REP, named("name", "manager", "office"));
        m.put(DomainTable.DEAL, named("customer_id", "amount", "stage", "created_on", "closed_on", "outcome"));
        return m;
    }

    static List<TableColumn> named(String... names) {
        return java.util.Arrays.stream(names).map(MappingSuggester::named).toList();
    }

    @Test
    void aCrmAccountsFileIsProposedForTheCustomers() {
        List<String> header = List.of(
                "account", "sector", "year_established", "revenue", "employees", "office_location", "subsidiary_of");
        assertThat(TableGuess.guess("accounts.csv", header, columns())).isEqualTo(DomainTable.CUSTOMER);
        // without a telling name, the headers alone still point to customers or to nothing
        assertThat(TableGuess.guess("export.csv", List.of("foo", "bar"), columns()))
                .isNull();
    }

    @Test
    void aSectorIsNotMappedToTheSegmentButACustomerTypeOfThoseCodesIs() {
        List<TableColumn> targets = named("name", "segment");
        List<MappingSuggester.Suggestion> crm = MappingSuggester.suggest(
                List.of("account", "sector"),
                List.of(List.of("Acme", "Betasoloin"), List.of("technolgy", "medical")),
                targets);
        assertThat(crm).extracting(MappingSuggester.Suggestion::to).containsExactly("name");
        List<MappingSuggester.Suggestion> typed = MappingSuggester.suggest(
                List.of("customer", "type"),
                List.of(List.of("Ada", "Bo"), List.of("Residential", "commercial")),
                targets);
        assertThat(typed).extracting(MappingSuggester.Suggestion::to).containsExactly("name", "segment");
        List<MappingSuggester.Suggestion> otherTypes = MappingSuggester.suggest(
                List.of("customer", "type"), List.of(List.of("Ada", "Bo"), List.of("gold", "silver")), targets);
        assertThat(otherTypes).extracting(MappingSuggester.Suggestion::to).containsExactly("name");
    }
}
