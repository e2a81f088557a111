package quant.core.forecast.business;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MonthGridTest {
    private static int day(String d) {
        return (int) LocalDate.parse(d).toEpochDay();
    }

    @Test
    void anAsOfDateOnAMonthsLastDayCompletesThatMonth() {
        MonthGrid g = MonthGrid.of(day("2022-01-01"), LocalDate.of(2025, 12, 31));
        assertEquals(LocalDate.of(2022, 1, 1), g.first());
        assertEquals(48, g.complete());
        assertEquals(1, g.monthsAhead(30)); // to 30 January
        assertEquals(30 / 31.0, g.share(0, 30), 1e-12);
        assertEquals(3, g.monthsAhead(90)); // to 31 March
        assertEquals(1.0, g.share(1, 90), 1e-12);
        assertEquals(1.0, g.share(2, 90), 1e-12);
        assertEquals(12, g.monthsAhead(365));
        assertEquals("2026-01", g.label(48));
        assertEquals(47, g.index(day("2025-12-31")));
    }

    @Test
    void aPartialFirstMonthIsLeftOutAndTheAsOfMonthIsTheFirstAhead() {
        MonthGrid g = MonthGrid.of(day("2022-01-15"), LocalDate.of(2025, 6, 15));
        assertEquals(LocalDate.of(2022, 2, 1), g.first());
        assertEquals(40, g.complete()); // February 2022 to May 2025
        assertEquals(-1, g.index(day("2022-01-31")));
        assertEquals(1, g.monthsAhead(10)); // 16 to 25 June
        assertEquals(10 / 30.0, g.share(0, 10), 1e-12);
        assertEquals(2, g.monthsAhead(20)); // to 5 July
        assertEquals(15 / 30.0, g.share(0, 20), 1e-12);
        assertEquals(5 / 31.0, g.share(1, 20), 1e-12);
    }
}
