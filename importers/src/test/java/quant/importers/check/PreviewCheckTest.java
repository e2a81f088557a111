package quant.importers.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import quant.core.store.ColumnType;
import quant.core.store.DomainTable;
import quant.core.store.TableColumn;
import quant.importers.mapping.ColumnMapping;
import quant.importers.read.ReaderSettings;

/** The cell checks on previewed rows that the wizard shows beside each mapped column. */
class PreviewCheckTest {
    static final List<String[]> ROWS = List.of(
            new String[] {"A1", "12.50", "2024-03-01"},
            new String[] {"A2", "twelve", ""},
            new String[] {"A3", "1e309"},
            new String[] {"A4", "7", "2024-02-30"});

    @Test
    void countsTheValuesATargetAcceptsAndExplainsTheFirstItRefuses() {
        TableColumn amount = new TableColumn("amount", ColumnType.DECIMAL, 12, 2, false, null, List.of());
        PreviewCheck.ColumnCheck c =
                PreviewCheck.column(ColumnMapping.of("Amount", "amount"), 1, ROWS, amount, ReaderSettings.DETECT);
        assertThat(c.fits()).isEqualTo(2);
        assertThat(c.refused()).isEqualTo(2);
        assertThat(c.firstProblem()).startsWith("\"twelve\" ");
    }

    @Test
    void aMissingCellOfARequiredColumnIsAProblemAnEmptyOptionalOneIsNot() {
        TableColumn required = new TableColumn("issued_on", ColumnType.DATE, 0, 0, true, null, List.of());
        PreviewCheck.ColumnCheck c =
                PreviewCheck.column(ColumnMapping.of("On", "issued_on"), 2, ROWS, required, ReaderSettings.DETECT);
        assertThat(c.fits()).isEqualTo(1);
        assertThat(c.refused()).isEqualTo(3);
        assertThat(c.firstProblem()).isEqualTo("\"\" is empty, but issued_on is required");
        TableColumn optional = new TableColumn("issued_on", ColumnType.DATE, 0, 0, false, null, List.of());
        assertThat(PreviewCheck.column(ColumnMapping.of("On", "issued_on"), 2, ROWS, optional, ReaderSettings.DETECT)
                        .refused())
                .isEqualTo(1);
    }

    @Test
    void valueAliasesAreAppliedBeforeTheCheckAndReferencesAreLeftToTheDryRun() {
        TableColumn amount = new TableColumn("amount", ColumnType.DECIMAL, 12, 2, false, null, List.of());
        ColumnMapping aliases = new ColumnMapping("Amount", "amount", Map.of("twelve", "12", "1e309", "0"), null, null);
        assertThat(PreviewCheck.column(aliases, 1, ROWS, amount, ReaderSettings.DETECT))
                .isEqualTo(new PreviewCheck.ColumnCheck(4, 0, ""));
        TableColumn customer =
                new TableColumn("customer_id", ColumnType.BIGINT, 0, 0, true, DomainTable.CUSTOMER, List.of());
        assertThat(PreviewCheck.column(ColumnMapping.of("Id", "customer_id"), 0, ROWS, customer, ReaderSettings.DETECT)
                        .fits())
                .isEqualTo(4);
    }
}
