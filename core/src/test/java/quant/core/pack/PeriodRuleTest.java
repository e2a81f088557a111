package quant.core.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import quant.core.analysis.InvalidSpecException;

class PeriodRuleTest {
    static PeriodRule.Period at(String rule, String day) {
        return PeriodRule.parse(rule).resolve(LocalDate.parse(day));
    }

    @Test
    void lastMonthIsTheLastCompleteMonthAtTheDate() {
        // the data end on a month's last day: that month is complete
        assertThat(at("last-month", "2025-12-31"))
                .isEqualTo(new PeriodRule.Period(
                        LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31), "2025-12", PeriodRule.Kind.MONTH));
        // in the middle of a month, the one before; across a year
        assertThat(at("last-month", "2026-01-15").label()).isEqualTo("2025-12");
        assertThat(at("Last-Month", "2024-03-01").to()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void namedMonthsQuartersAndTheYearToDate() {
        assertThat(at("month:2025-11", "2025-12-31"))
                .isEqualTo(new PeriodRule.Period(
                        LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30), "2025-11", PeriodRule.Kind.MONTH));
        assertThat(at("quarter:2025-Q4", "2025-12-31"))
                .isEqualTo(new PeriodRule.Period(
                        LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31), "2025-Q4", PeriodRule.Kind.QUARTER));
        assertThat(at("quarter:2024-q1", "2025-12-31").to()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(at("ytd", "2025-06-15"))
                .isEqualTo(new PeriodRule.Period(
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 6, 15),
                        "2025 to 2025-06-15",
                        PeriodRule.Kind.YTD));
    }

    @Test
    void lastWeekIsTheLastCompleteMondayToSundayWeek() {
        // 2025-12-31 is a Wednesday: the week before, 22 to 28 December
        PeriodRule.Period w = at("last-week", "2025-12-31");
        assertThat(w.from()).isEqualTo(LocalDate.of(2025, 12, 22));
        assertThat(w.to()).isEqualTo(LocalDate.of(2025, 12, 28));
        assertThat(w.label()).isEqualTo("week 2025-W52");
        assertThat(w.kind()).isEqualTo(PeriodRule.Kind.WEEK);
        // on a Sunday its own week; ISO weeks across a year end (2024-12-30 lies in 2025-W01)
        assertThat(at("last-week", "2025-01-05").label()).isEqualTo("week 2025-W01");
        assertThat(at("last-week", "2025-01-05").from()).isEqualTo(LocalDate.of(2024, 12, 30));
    }

    @Test
    void aWrongRuleIsOneSentence() {
        assertThatThrownBy(() -> PeriodRule.parse("last-fortnight"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("The period must be last-month, month:YYYY-MM, quarter:YYYY-Qn, ytd or last-week, not"
                        + " \"last-fortnight\".");
        assertThatThrownBy(() -> PeriodRule.parse("month:2025-13"))
                .hasMessage("A month period is written month:YYYY-MM, e.g. month:2025-11, not \"month:2025-13\".");
        assertThatThrownBy(() -> PeriodRule.parse("quarter:2025-Q5"))
                .hasMessage(
                        "A quarter period is written quarter:YYYY-Qn, e.g. quarter:2025-Q4, not \"quarter:2025-Q5\".");
        assertThatThrownBy(() -> PeriodRule.parse("month:0999-01"))
                .hasMessage("A month period lies in the years 1900 to 2199, not 0999-01.");
    }
}
