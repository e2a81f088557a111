package quant.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/kpis.md lists every KPI of the registry with its target name, section and direction. */
class KpiDocsTest {
    @Test
    void everyKpiIsDocumented() throws Exception {
        Path docs = Path.of("..", "docs", "kpis.md");
        String text = Files.readString(docs);
        for (Kpi k : Kpi.values()) {
            String row = "| `" + k.id() + "` | " + k.section().key() + " | "
                    + k.unit().key() + " | " + (k.higherIsBetter() ? "higher" : "lower") + " | `" + k.targetKey() + "`";
            assertThat(text).as(k.id()).contains(row);
        }
    }
}
