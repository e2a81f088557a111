package quant.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The summary of the hand-worked company of {@link KpiBoardTest}, June 2025. */
class SummaryWriterTest {
    static SummaryResult summary() {
        KpiResult k = KpiBoardTest.run(KpiPeriod.MONTH);
        Outlooks none = new Outlooks(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of("no analyses"));
        return SummaryWriter.write(k, KpiBoardTest.company(), none);
    }

    @Test
    void theHeadlineComesFromTheNumbers() {
        SummaryResult s = summary();
        // 1,800 against 1,200 a year earlier and a target of 2,000
        assertThat(s.sentences().getFirst().text())
                .isEqualTo("Revenue for 2025-06 was 1,800 USD, 50 % up on the same days a year earlier"
                        + " (1,200 USD), and 10 % below its target of 2,000 USD.");
        assertThat(s.sentences().getFirst().view()).isEqualTo("finance");
        assertThat(s.notes()).containsExactly("no analyses");
    }

    @Test
    void whatMovedItIsNamed() {
        // all of it in HVAC, the only line: 1,800 against 1,200
        assertThat(summary().sentences())
                .extracting(SummaryResult.Sentence::text)
                .contains("The rise of +600.00 USD came most from HVAC (+600.00 USD).");
    }

    @Test
    void offTargetKpisAreNamedWithTheirLevels() {
        List<String> texts = summary().sentences().stream()
                .filter(x -> x.topic().equals("off-target"))
                .map(SummaryResult.Sentence::text)
                .toList();
        // revenue is at its warning level (1,800 is the warning level itself)
        assertThat(texts).contains("Revenue is at its warning level: 1,800 USD against a target of 2,000 USD.");
        // first-time fix fell from 1 (no callback in June 2024) to 2/3, far past the 20 % critical change, and
        // the callbacks' why follows: the one callback went back to an HVAC job (no technician is recorded)
        assertThat(texts)
                .contains("First-time fix rate is critical: 66.7 %, 33 % below the same days a year earlier"
                        + " (100.0 %).");
        assertThat(texts).contains("Callbacks rose most in HVAC (1 against 0 a year earlier).");
    }
}
