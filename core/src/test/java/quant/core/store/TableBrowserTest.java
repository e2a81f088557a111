package quant.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableBrowserTest {
    @TempDir
    Path dir;

    Store store;
    TableBrowser browser;

    @BeforeEach
    void fiveServiceLines() {
        store = Store.open(dir.resolve("browse"));
        store.inTransaction(c -> c.createStatement()
                .executeUpdate("INSERT INTO service_line (source, external_ref, code, name) VALUES"
                        + " ('t', '1', 'HVAC', 'Heating'), ('t', '2', 'PLUMB', 'Plumbing'), ('t', '3', 'ELEC', 'Electrical'),"
                        + " ('t', '4', 'LAND', 'Landscaping'), ('t', '5', 'ROOF', '100%_Roofing')"));
        browser = new TableBrowser(store, DomainTable.SERVICE_LINE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> codes(TableBrowser.Query q, long offset, int limit) {
        int code = browser.columns().stream().map(TableColumn::name).toList().indexOf("code");
        return browser.page(q, offset, limit).stream()
                .map(r -> (String) r[code])
                .toList();
    }

    @Test
    void listsTheTablesOwnColumns() {
        assertThat(browser.columns())
                .extracting(TableColumn::name)
                .containsExactly("id", "source", "external_ref", "code", "name");
    }

    @Test
    void pagesInStoredOrderWithoutOverlap() {
        assertThat(codes(TableBrowser.Query.ALL, 0, 2)).containsExactly("HVAC", "PLUMB");
        assertThat(codes(TableBrowser.Query.ALL, 2, 2)).containsExactly("ELEC", "LAND");
        assertThat(codes(TableBrowser.Query.ALL, 4, 2)).containsExactly("ROOF");
    }

    @Test
    void sortsByAColumnBothWays() {
        var asc = new TableBrowser.Query(List.of(), Optional.of("code"), true);
        var desc = new TableBrowser.Query(List.of(), Optional.of("CODE"), false);
        assertThat(codes(asc, 0, 5)).containsExactly("ELEC", "HVAC", "LAND", "PLUMB", "ROOF");
        assertThat(codes(desc, 0, 5)).containsExactly("ROOF", "PLUMB", "LAND", "HVAC", "ELEC");
    }

    @Test
    void filtersCaseInsensitivelyAndTakesWildcardsLiterally() {
        var ing = new TableBrowser.Query(List.of(new TableBrowser.Filter("name", "ING")), Optional.empty(), true);
        assertThat(browser.count(ing)).isEqualTo(4);
        var literal = new TableBrowser.Query(List.of(new TableBrowser.Filter("name", "%_")), Optional.empty(), true);
        assertThat(codes(literal, 0, 10)).containsExactly("ROOF");
    }

    @Test
    void refusesAColumnTheTableDoesNotHave() {
        var bad = new TableBrowser.Query(List.of(), Optional.of("code; DROP TABLE job"), true);
        assertThatThrownBy(() -> browser.page(bad, 0, 10)).hasMessageContaining("has no column");
    }

    @Test
    void showsAForeignKeyAsTheNameOfTheRowItRefersTo() {
        store.inTransaction(c -> c.createStatement()
                .executeUpdate("INSERT INTO expense (source, external_ref, category, month_start, amount, behaviour,"
                        + " service_line_id) SELECT 't', 'E1', 'fuel', DATE '2025-01-01', 10, 'variable', id"
                        + " FROM service_line WHERE code = 'PLUMB'"));
        TableBrowser expenses = new TableBrowser(store, DomainTable.EXPENSE);
        int line = expenses.columns().stream().map(TableColumn::name).toList().indexOf("service_line_id");
        Object value = expenses.page(TableBrowser.Query.ALL, 0, 1).getFirst()[line];
        assertThat(value).isInstanceOf(TableBrowser.Named.class);
        assertThat(value).hasToString("Plumbing");
        assertThat(((TableBrowser.Named) value).id()).isPositive();
        var byName = new TableBrowser.Query(
                List.of(new TableBrowser.Filter("service_line_id", "plumb")), Optional.empty(), true);
        assertThat(expenses.count(byName)).as("filtered by the name shown").isEqualTo(1);
        var other = new TableBrowser.Query(
                List.of(new TableBrowser.Filter("service_line_id", "roof")), Optional.empty(), true);
        assertThat(expenses.count(other)).isZero();
    }
}
