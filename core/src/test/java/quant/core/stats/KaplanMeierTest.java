package quant.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {
    /**
     * The 6-MP arm of Freireich et al. (1963), weeks in remission of 21 leukaemia patients, + censored:
     * 6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+. The published estimate is
     * 0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448 at 6, 7, 10, 13, 16, 22, 23 weeks. Greenwood at 6
     * weeks by hand: 3 / (21 · 18) = 0.0079365, se = 0.857 · √0.0079365 = 0.0764, interval 0.857 ·
     * exp(∓1.96 · 0.0891) = 0.720 … 1 (capped); the other standard errors and bounds as R's survfit
     * prints them with its default log interval.
     */
    @Test
    void reproducesTheSixMpArm() {
        double[] time = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
        boolean[] event = new boolean[time.length];
        for (int i : new int[] {0, 1, 2, 4, 6, 9, 10, 14, 15}) {
            event[i] = true;
        }
        KaplanMeier km = KaplanMeier.of(time, event, null);
        List<KaplanMeier.Step> s = km.steps();
        assertThat(s).extracting(KaplanMeier.Step::time).containsExactly(6.0, 7.0, 10.0, 13.0, 16.0, 22.0, 23.0);
        assertThat(s).extracting(KaplanMeier.Step::atRisk).containsExactly(21, 17, 15, 12, 11, 7, 6);
        double[] survival = {0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448};
        double[] se = {0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346};
        double[] lower = {0.720, 0.653, 0.586, 0.510, 0.439, 0.337, 0.249};
        double[] upper = {1.000, 0.996, 0.968, 0.935, 0.896, 0.858, 0.807};
        for (int k = 0; k < s.size(); k++) {
            assertThat(s.get(k).survival()).as("S at %s", s.get(k).time()).isCloseTo(survival[k], within(0.0005));
            assertThat(s.get(k).stdErr()).isCloseTo(se[k], within(0.00005));
            assertThat(s.get(k).lower()).isCloseTo(lower[k], within(0.0005));
            assertThat(s.get(k).upper()).isCloseTo(upper[k], within(0.0005));
        }
        assertThat(km.events()).isEqualTo(9);
        assertThat(km.survivalAt(5.9)).isEqualTo(1);
        assertThat(km.survivalAt(12)).isEqualTo(s.get(2).survival());
        assertThat(km.median()).isEqualTo(23);
        assertThat(km.floor()).isCloseTo(0.448, within(0.0005));
    }

    /**
     * Delayed entry worked by hand. (entry, time, event): A (0, 2, yes), B (1, 3, yes), C (2.5, 4, no),
     * D (0, 5, yes). At 2: A, B, D at risk (C enters at 2.5), one event: S = 2/3. At 3: B, C, D, one event:
     * S = 4/9. At 5: D alone, one event: S = 0, where the interval is not defined.
     */
    @Test
    void countsADelayedEntryOnlyOnceItIsObserved() {
        KaplanMeier km = KaplanMeier.of(
                new double[] {2, 3, 4, 5}, new boolean[] {true, true, false, true}, new double[] {0, 1, 2.5, 0});
        assertThat(km.steps()).extracting(KaplanMeier.Step::atRisk).containsExactly(3, 3, 1);
        assertThat(km.survivalAt(2)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(km.survivalAt(4.5)).isCloseTo(4.0 / 9, within(1e-12));
        assertThat(km.survivalAt(5)).isZero();
        assertThat(km.steps().getLast().lower()).isNaN();
        // Greenwood at 3: 1/(3·2) + 1/(3·2) = 1/3, se = 4/9 · √(1/3)
        assertThat(km.steps().get(1).stdErr()).isCloseTo(4.0 / 9 * Math.sqrt(1.0 / 3), within(1e-12));
        // without the entry C would be at risk at 2 as well: 4 at risk, S(2) = 3/4
        KaplanMeier naive = KaplanMeier.of(new double[] {2, 3, 4, 5}, new boolean[] {true, true, false, true}, null);
        assertThat(naive.survivalAt(2)).isEqualTo(0.75);
    }

    @Test
    void refusesATimeBeforeItsEntry() {
        assertThatThrownBy(() -> KaplanMeier.of(new double[] {2}, new boolean[] {true}, new double[] {3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Subject 1 enters at 3.0");
    }

    @Test
    void wholeUnitsGiveTheSameCurve() {
        KaplanMeier km = KaplanMeier.of(new int[] {0, 1, 1, 3, 9}, new boolean[] {true, true, false, true, false}, 5);
        // at 0: 5 at risk, 1 event: 4/5; at 1: 4 at risk, 1 event: 3/5; at 3: 2 at risk, 1 event: 3/10
        assertThat(km.survivalAfter(0)).isEqualTo(0.8);
        assertThat(km.survivalAfter(2)).isCloseTo(0.6, within(1e-12));
        assertThat(km.survivalAfter(100)).isCloseTo(0.3, within(1e-12));
        assertThat(km.survivalAfter(-1)).isEqualTo(1);
    }
}
