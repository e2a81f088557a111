package quant.core.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quant.core.analysis.Snapshot;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;
import quant.core.settings.Monitors;

/**
 * Receivables on 2025-06-30 against invoices worked by hand:
 *
 * <pre>
 * inv customer issued     due        amount status  payments              at 2025-06-30
 * i0  A        2025-01-01 2025-01-31 1000   paid    1000 on 03-15         closed, 43 days late
 * i1  A        2025-05-01 2025-05-31  500   open    –                     500 open, 30 days past due
 * i2  B        2025-06-15 2025-07-15  300   open    –                     300 open, not yet due
 * i3  B        2025-02-01 2025-03-03  200   open    –                     200 open, 119 days past due
 * i4  B        2025-04-10 2025-04-25  400   open    100 on 05-01          300 open, 66 days past due
 * i5  A        2025-03-01 2025-03-31  600   void    –                     left out
 * i6  B        2025-05-20 2025-06-04  250   paid    250 on 06-01          closed, on time
 * </pre>
 */
class ReceivablesAnalysisTest {
    private static Snapshot company() {
        Snapshots s = new Snapshots();
        int a = s.customer("A", "commercial", "referral", "Springfield", LocalDate.of(2024, 1, 1));
        int b = s.customer("B", "residential", "search", "Springfield", LocalDate.of(2024, 1, 1));
        s.job(a, day(6, 30));
        s.invoice(a, day(1, 1), day(1, 31), 1000, "paid", day(3, 15));
        s.invoice(a, day(5, 1), day(5, 31), 500, "open", null);
        s.invoice(b, day(6, 15), day(7, 15), 300, "open", null);
        s.invoice(b, day(2, 1), day(3, 3), 200, "open", null);
        s.invoice(b, day(4, 10), day(4, 25), 400, "open", null);
        s.payment(4, day(5, 1), 100);
        s.invoice(a, day(3, 1), day(3, 31), 600, "void", null);
        s.invoice(b, day(5, 20), day(6, 4), 250, "paid", day(6, 1));
        return s.build();
    }

    private static LocalDate day(int month, int d) {
        return LocalDate.of(2025, month, d);
    }

    private static ReceivablesResult run() {
        return ReceivablesAnalysis.run(company(), Optional.empty(), Monitors.DEFAULTS, JobMonitor.NONE);
    }

    @Test
    void agingAndDsoAreAsWorkedByHand() {
        ReceivablesResult r = run();
        assertThat(r.asOf().date()).isEqualTo(day(6, 30));
        assertThat(r.open()).isEqualTo(1300);
        assertThat(r.pastDue()).isEqualTo(1000);
        assertThat(r.aging())
                .extracting(ReceivablesResult.Bucket::bucket)
                .containsExactly("current", "1-30", "31-60", "61-90", "90+");
        assertThat(r.aging())
                .extracting(ReceivablesResult.Bucket::amount)
                .containsExactly(300.0, 500.0, 0.0, 300.0, 200.0);
        assertThat(r.aging()).extracting(ReceivablesResult.Bucket::count).containsExactly(1, 1, 0, 1, 1);
        // 500 of 1,300 more than 60 days past due
        assertThat(r.overdue60Share()).isEqualTo(0.3846);
        // 1,300 open ÷ 1,450 invoiced since 2025-04-01 (i1, i2, i4, i6) × 90
        assertThat(r.dso()).isEqualTo(80.69);
        assertThat(r.dsoStatus()).isEqualTo("critical");
        // on 2025-03-31: i3's 200 open ÷ 1,200 invoiced in the 90 days before (i0, i3) × 90
        ReceivablesResult.DsoPoint march = r.dsoTrend().stream()
                .filter(p -> p.date().equals(day(3, 31)))
                .findFirst()
                .orElseThrow();
        assertThat(march.dso()).isEqualTo(15);
        assertThat(r.dsoTrend()).hasSize(13);
        assertThat(r.dsoTrend().getLast().date()).isEqualTo(day(6, 30));
        // nothing is more than a year past due
        assertThat(r.notes()).noneMatch(n -> n.contains("write off"));
    }

    @Test
    void collectionAndLatePaymentAreAsWorkedByHand() {
        ReceivablesResult r = run();
        // collectible since 2025-04-01: i1 500 + i3 200 + i4 400 + i6 250 = 1,350; collected 100 + 250
        assertThat(r.collection()).isEqualTo(0.2593);
        assertThat(r.collectionStatus()).isEqualTo("critical");
        // due in the last 12 months: i0 (43 days late), i1 (30), i3 (119), i4 (66), i6 (on time)
        assertThat(r.lateRate()).isEqualTo(0.8);
        assertThat(r.averageDaysLate()).isEqualTo(64.5);
        ReceivablesResult.Customer first = r.customers().getFirst();
        // A and B both owe 500 past due; B owes more in all, so B first
        assertThat(first.name()).isEqualTo("B");
        assertThat(first.open()).isEqualTo(800);
        assertThat(first.pastDue()).isEqualTo(500);
        assertThat(first.over60()).isEqualTo(500);
        assertThat(first.oldestDays()).isEqualTo(119);
        assertThat(first.invoicesDue()).isEqualTo(3);
        assertThat(first.late()).isEqualTo(2);
        assertThat(first.averageDaysLate()).isEqualTo(92.5);
        ReceivablesResult.Customer a = r.customers().get(1);
        assertThat(a.lateRate()).isEqualTo(1.0);
        assertThat(a.averageDaysLate()).isEqualTo(36.5);
        // paid in full: A's i0, 43 days beyond terms; B's i6, on time (i4 is paid in part only)
        assertThat(a.paid()).isEqualTo(1);
        assertThat(a.daysBeyondTerms()).isEqualTo(43);
        assertThat(first.paid()).isEqualTo(1);
        assertThat(first.daysBeyondTerms()).isZero();
    }

    /**
     * Slow payers pay, late; bad debtors do not pay. C pays four invoices 10, 20, 30 and 0 days late (mean
     * 15), D pays four 5 days late each (mean 5), E pays none of four: C then D, not E.
     */
    @Test
    void slowPayersAreThoseWhoPayLateNotThoseWhoDoNotPay() {
        Snapshots s = new Snapshots();
        int c = s.customer("C", "commercial", "referral", "Springfield", LocalDate.of(2024, 1, 1));
        int d = s.customer("D", "commercial", "referral", "Springfield", LocalDate.of(2024, 1, 1));
        int e = s.customer("E", "residential", "search", "Springfield", LocalDate.of(2024, 1, 1));
        s.job(c, day(6, 30));
        int[] late = {10, 20, 30, 0};
        for (int k = 0; k < 4; k++) {
            LocalDate due = day(k + 1, 10);
            s.invoice(c, due.minusDays(30), due, 100, "paid", due.plusDays(late[k]));
            s.invoice(d, due.minusDays(30), due, 100, "paid", due.plusDays(5));
            s.invoice(e, due.minusDays(30), due, 100, "open", null);
        }
        ReceivablesResult r = ReceivablesAnalysis.run(s.build(), Optional.empty(), Monitors.DEFAULTS, JobMonitor.NONE);
        assertThat(r.slowPayers()).extracting(ReceivablesResult.Customer::name).containsExactly("C", "D");
        assertThat(r.slowPayers())
                .extracting(ReceivablesResult.Customer::daysBeyondTerms)
                .containsExactly(15.0, 5.0);
        // E owes the most past due, so E heads the customers' list
        assertThat(r.customers().getFirst().name()).isEqualTo("E");
    }

    @Test
    void anEarlierAsOfDateSeesOnlyWhatWasThen() {
        ReceivablesResult r =
                ReceivablesAnalysis.run(company(), Optional.of(day(3, 10)), Monitors.DEFAULTS, JobMonitor.NONE);
        // on 2025-03-10: i0 (1,000, 38 days past due) and i3 (200, 7 days) are open; i5 is void
        assertThat(r.open()).isEqualTo(1200);
        assertThat(r.aging())
                .extracting(ReceivablesResult.Bucket::amount)
                .containsExactly(0.0, 200.0, 1000.0, 0.0, 0.0);
    }
}
