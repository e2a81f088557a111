package quant.importers.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateParserTest {
    @ParameterizedTest(name = "[{0}] ''{1}'' = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "MDY | 2024-03-05           | 2024-03-05T00:00",
                "DMY | 2024-03-05           | 2024-03-05T00:00",
                "MDY | 3/5/2024             | 2024-03-05T00:00",
                "DMY | 3/5/2024             | 2024-05-03T00:00",
                "DMY | 05.03.2024           | 2024-03-05T00:00",
                "MDY | 10/20/16             | 2016-10-20T00:00",
                "MDY | 2024/03/05           | 2024-03-05T00:00",
                "MDY | 5 Mar 2024           | 2024-03-05T00:00",
                "MDY | Mar 5, 2024          | 2024-03-05T00:00",
                "MDY | 5-Mar-2024           | 2024-03-05T00:00",
                "MDY | 2024-03-05T08:30     | 2024-03-05T08:30",
                "MDY | 2024-03-05 08:30:15  | 2024-03-05T08:30:15",
                "MDY | 3/5/2024 8:30 PM     | 2024-03-05T20:30",
                "MDY | 2024-03-05T08:30:00Z | 2024-03-05T08:30",
                "MDY | 2024-03-05T08:30+02:00 | 2024-03-05T06:30",
                "MDY | 45356                | 2024-03-05T00:00",
                "MDY | 45356.5              | 2024-03-05T12:00",
            })
    void readsCommonDateForms(DateOrder order, String text, String expected) {
        assertThat(new DateParser(order, ZoneOffset.UTC).parseDateTime(text)).contains(LocalDateTime.parse(expected));
    }

    @ParameterizedTest(name = "''{0}'' is not a date")
    @CsvSource({"31/02/2024", "2024-02-30", "13/13/2024", "hello", "1.2.3.4", "0"})
    void refusesImpossibleDates(String text) {
        assertThat(new DateParser(DateOrder.DMY, ZoneOffset.UTC).parseDate(text))
                .isEmpty();
    }

    @Test
    void aColumnProvesItsOrderOnlyWhenSomeDayIsAboveTwelve() {
        assertThat(DateOrder.prove(List.of("3/4/2024", "10/20/2016"))).contains(DateOrder.MDY);
        assertThat(DateOrder.prove(List.of("3/4/2024", "20/10/2016"))).contains(DateOrder.DMY);
        assertThat(DateOrder.prove(List.of("3/4/2024", "5/6/2016"))).isEmpty();
        assertThat(DateOrder.isAmbiguous(List.of("3/4/2024", "5/6/2016"))).isTrue();
        assertThat(DateOrder.prove(List.of("2024-03-04"))).contains(DateOrder.YMD);
        assertThat(DateOrder.isAmbiguous(List.of("2024-03-04"))).isFalse();
    }

    @Test
    void readsTimesOfDay() {
        assertThat(DateParser.parseTime("08:30")).contains(java.time.LocalTime.of(8, 30));
        assertThat(DateParser.parseTime("5:05 pm")).contains(java.time.LocalTime.of(17, 5));
        assertThat(DateParser.parseTime("25:00")).isEmpty();
        assertThat(new DateParser(DateOrder.MDY, ZoneOffset.UTC).parseDate("2024-03-05T23:59"))
                .contains(LocalDate.of(2024, 3, 5));
    }

    @Test
    void theDigitByDigitIsoPathAgreesWithJavasParserOnEveryForm() {
        List<String> forms = List.of(
                "2024-03-05",
                "2024-03-05T08:30",
                "2024-03-05 08:30",
                "2024-03-05T08:30:59",
                "2024-03-05 08:30:59.5",
                "2024-03-05T08:30:59.123456789",
                "2024-03-05T08:30:59.1234567890",
                "2024-02-29",
                "2023-02-29",
                "2024-13-01",
                "2024-04-31T10:00",
                "2024-03-05T24:00",
                "2024-03-05T23:60",
                "2024-03-05T08:30:00.",
                "2024-03-05T08:30:00Z",
                "2024-03-05T08:30+01:00",
                "2024-03-05T8:30",
                "2024-3-05",
                "0000-01-01",
                "2024-03-05X08:30",
                "2024-03-05T08:30:0",
                "２０２４-03-05");
        for (String f : forms) {
            LocalDateTime expected;
            try {
                expected = LocalDateTime.parse(f.replace(' ', 'T'));
            } catch (java.time.format.DateTimeParseException e) {
                expected = f.length() == 10 ? isoDateOrNull(f) : null;
            }
            assertThat(DateParser.plainIso(f)).as(f).isEqualTo(expected);
        }
    }

    private static LocalDateTime isoDateOrNull(String f) {
        try {
            return LocalDate.parse(f).atStartOfDay();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
