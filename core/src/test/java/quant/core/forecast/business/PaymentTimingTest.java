package quant.core.forecast.business;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PaymentTimingTest {
    /**
     * Paid after 2, 5 and 9 days, one still open after 5: S(2) = 1 − 1/4 = 0.75; at 5 one of the three
     * at risk pays, S(5) = 0.75 × 2/3 = 0.5, and the open one leaves the risk set; at 9 the last one
     * pays, S(9) = 0.
     */
    @Test
    void kaplanMeierByHand() {
        PaymentTiming t = PaymentTiming.of(new int[] {2, 5, 5, 9}, new boolean[] {true, true, false, true}, 4);
        assertEquals(1.0, t.unpaidAfter(1), 1e-12);
        assertEquals(0.75, t.unpaidAfter(2), 1e-12);
        assertEquals(0.75, t.unpaidAfter(4), 1e-12);
        assertEquals(0.5, t.unpaidAfter(5), 1e-12);
        assertEquals(0.0, t.unpaidAfter(9), 1e-12);
        assertEquals(3, t.events());
        // Unpaid after 5 days: paid on day 9 for sure.
        assertArrayEquals(new double[] {0, 0, 0, 1, 0}, t.paidNext(5, 5), 1e-12);
        // Unpaid after 0 days: 1/4 on day 2, 1/4 on day 5, 1/2 on day 9.
        double[] p = t.paidNext(0, 10);
        assertEquals(0.25, p[1], 1e-12);
        assertEquals(0.25, p[4], 1e-12);
        assertEquals(0.5, p[8], 1e-12);
        assertTrue(t.informs(5));
        assertFalse(t.informs(9));
    }

    @Test
    void moneyNeverPaidStaysUnpaid() {
        // Two paid on day 1, two open after 30 days: half is never expected within what was seen.
        PaymentTiming t = PaymentTiming.of(new int[] {1, 1, 30, 30}, new boolean[] {true, true, false, false}, 4);
        assertEquals(0.5, t.floor(), 1e-12);
        assertFalse(t.informs(10));
        assertEquals(0.5, t.paidNext(-5, 10)[5], 1e-12);
    }

    @Test
    void collectionsAreTheRevenueConvolvedWithTheTiming() {
        PaymentTiming t = PaymentTiming.of(new int[] {0, 1}, new boolean[] {true, true}, 2);
        assertArrayEquals(
                new double[] {50, 75, 25, 0}, CashFlowAnalysis.collect(new double[] {100, 50, 0, 0}, t), 1e-9);
    }
}
