package quant.core.forecast.business;

import java.time.LocalDate;
import quant.core.analysis.Snapshots;

/**
 * A small company built by hand for the store forecasts: HVAC jobs growing by one a month (month k
 * of 2024–2025 has k + 1 jobs of revenue 100, cost 60, two hours and 30 minutes of travel, done the
 * day they are asked for), one scheduled job, two technicians, twenty closed deals and one open.
 */
final class StoreFixture {
    static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    private StoreFixture() {}

    static Snapshots jobs() {
        Snapshots s = new Snapshots();
        int c = s.customer("Ada", "residential", "referral", "Riverton", LocalDate.of(2024, 1, 1));
        for (int k = 0; k < 24; k++) {
            LocalDate month = LocalDate.of(2024, 1, 1).plusMonths(k);
            for (int j = 0; j <= k; j++) {
                LocalDate d = month.plusDays(j % 28);
                s.workJob(c, "HVAC", "completed", d, d, d, 100, 60, 2.5, 2.0, 30);
            }
        }
        // On the calendar at the as-of date: 3 estimated hours on 5 January.
        s.workJob(
                c,
                "HVAC",
                "scheduled",
                LocalDate.of(2025, 12, 20),
                LocalDate.of(2026, 1, 5),
                null,
                0,
                0,
                3.0,
                Double.NaN,
                -1);
        // Cancelled: neither demand nor booked work.
        s.workJob(c, "HVAC", "cancelled", LocalDate.of(2025, 12, 21), null, null, 0, 0, 4.0, Double.NaN, -1);
        s.technician("Only HVAC", "HVAC", "08:00", "16:30", "MTWTF..", LocalDate.of(2020, 1, 1), null);
        s.technician("HVAC and plumbing", "HVAC;PLUMB", "09:00", "17:00", ".TWTFS.", LocalDate.of(2021, 3, 1), null);
        s.technician(
                "Left in June",
                "HVAC",
                "08:00",
                "16:00",
                "MTWTF..",
                LocalDate.of(2020, 1, 1),
                LocalDate.of(2025, 6, 30));
        return s;
    }

    /**
     * Twenty closed deals — six won after a quote, six lost after a quote, eight lost when new — and
     * one open deal of 1,000 created on 2025-12-01, at the quote stage since 2025-12-08,
     * expected to close on 2026-01-20.
     */
    static Snapshots withDeals(Snapshots s) {
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int k = 0; k < 20; k++) {
            LocalDate created = start.plusDays(7L * k);
            boolean quoted = k < 12;
            boolean won = k < 6;
            int d = s.deal(
                    500,
                    won ? "won" : "lost",
                    won ? "won" : "lost",
                    created,
                    created.plusDays(30),
                    created.plusDays(20));
            s.move(d, "new", created);
            if (quoted) {
                s.move(d, "quote", created.plusDays(10));
            }
            s.move(d, won ? "won" : "lost", created.plusDays(20));
        }
        int open = s.deal(1000, "quote", "open", LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 20), null);
        s.move(open, "new", LocalDate.of(2025, 12, 1));
        s.move(open, "quote", LocalDate.of(2025, 12, 8));
        return s;
    }
}
