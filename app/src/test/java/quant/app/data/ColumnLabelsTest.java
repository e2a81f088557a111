package quant.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quant.core.store.ColumnType;
import quant.core.store.DomainTable;
import quant.core.store.TableColumn;

class ColumnLabelsTest {
    @ParameterizedTest(name = "{0} reads \"{2}\"")
    @CsvSource({
        "acquired_on, false, Acquired on",
        "customer_id, true, Customer",
        "external_ref, false, Reference",
        "lat, false, Latitude",
        "id, false, #",
        "callback_of_job_id, true, Callback of job",
        "revenue, false, Revenue"
    })
    void columnNamesReadAsWords(String name, boolean reference, String label) {
        TableColumn column =
                new TableColumn(name, ColumnType.TEXT, 0, 0, false, reference ? DomainTable.CUSTOMER : null, List.of());
        assertThat(ColumnLabels.of(column)).isEqualTo(label);
    }
}
