package quant.importers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cells of the rejects file: formulas are defused (OWASP CSV injection), plain numbers stay as they are. */
class RejectsCellTest {
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "=SUM(A1:A2)|'=SUM(A1:A2)",
                "+1+2|'+1+2",
                "-2+3|'-2+3",
                "@cmd|'@cmd",
                "-5|-5",
                "+5|+5",
                "-1234.50|-1234.50",
                "-1,234.50|-1,234.50",
                "1.5e3|1.5e3",
                "-|-",
                "plain text|plain text",
                "``|``"
            })
    void formulaCellsGetAnApostropheAndNumbersStay(String cell, String written) {
        assertThat(RejectsFile.defuse(cell)).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t=1+2", "\r=1+2", "\n@x", "\t-2+3"})
    void aTabOrLineBreakBeforeAFormulaIsDefusedToo(String cell) {
        assertThat(RejectsFile.defuse(cell)).isEqualTo("'" + cell);
    }
}
