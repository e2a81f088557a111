package quant.importers.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberParserTest {
    @ParameterizedTest(name = "[{0}] ''{1}'' = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "DOT   | 1234         | 1234",
                "DOT   | 1,234.50     | 1234.50",
                "DOT   | $1,234.50    | 1234.50",
                "DOT   | (1,234.50)   | -1234.50",
                "DOT   | -12.5        | -12.5",
                "DOT   | 12.5-        | -12.5",
                "DOT   | USD 99       | 99",
                "DOT   | .5           | 0.5",
                "DOT   | 1e3          | 1E+3",
                "COMMA | 1.234,50     | 1234.50",
                "COMMA | 1 234,50 €   | 1234.50",
                "COMMA | -0,75        | -0.75",
                "DOT   | 1'234'567.25 | 1234567.25",
            })
    void readsNumbersAsSpreadsheetsWriteThem(NumberParser.DecimalMark mark, String text, String expected) {
        assertThat(new NumberParser(mark).parse(text))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal(expected)));
    }

    @ParameterizedTest(name = "[{0}] ''{1}'' is not a number")
    @CsvSource(
            delimiter = '|',
            value = {
                "DOT   | 1.2.3",
                "COMMA | 1.2.3",
                "DOT   | 12,5",
                "DOT   | abc",
                "DOT   | =SUM(A1:A2)",
                "DOT   | 1,23,4",
                "DOT   | $",
                "DOT   | 12 apples",
            })
    void refusesTextThatIsNotExactlyOneNumber(NumberParser.DecimalMark mark, String text) {
        assertThat(new NumberParser(mark).parse(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void plainNumbersKeepTheirWrittenScaleAsEveryOtherFormDoes() {
        NumberParser dot = new NumberParser(NumberParser.DecimalMark.DOT);
        NumberParser comma = new NumberParser(NumberParser.DecimalMark.COMMA);
        assertThat(dot.parse("12.50")).contains(new BigDecimal("12.50"));
        assertThat(dot.parse("$12.50")).contains(new BigDecimal("12.50"));
        assertThat(dot.parse("-0.0")).contains(new BigDecimal("0.0"));
        assertThat(dot.parse("(0.0)")).contains(new BigDecimal("0.0"));
        assertThat(dot.parse("-007")).contains(new BigDecimal("-7"));
        assertThat(comma.parse("12,5")).contains(new BigDecimal("12.5"));
        assertThat(comma.parse("12.5")).isEmpty();
        assertThat(dot.parse("1.2.3")).isEmpty();
        assertThat(dot.parse("-")).isEmpty();
    }
}
