package quant.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeibullTest {
    /**
     * The Lieblein–Zelen (1956) ball-bearing endurance data, millions of revolutions to failure of 23
     * bearings, all failed; the maximum-likelihood estimate is shape 2.10, scale 81.87 (Lawless 2003,
     * example 5.2.2).
     */
    @Test
    void reproducesTheBallBearings() {
        double[] t = {
            17.88, 28.92, 33.00, 41.52, 42.12, 45.60, 48.48, 51.84, 51.96, 54.12, 55.56, 67.80, 68.64, 68.64, 68.88,
            84.12, 93.12, 98.64, 105.12, 105.84, 127.92, 128.04, 173.40
        };
        boolean[] failed = new boolean[t.length];
        java.util.Arrays.fill(failed, true);
        Weibull.Fit f = Weibull.fit(t, failed, null);
        assertThat(f.model().shape()).isCloseTo(2.10, within(0.005));
        assertThat(f.model().scale()).isCloseTo(81.87, within(0.05));
        assertThat(f.events()).isEqualTo(23);
        assertThat(f.shapeLower()).isLessThan(2.10).isGreaterThan(1.3);
        assertThat(f.shapeUpper()).isGreaterThan(2.10).isLessThan(3.2);
        assertThat(f.scaleLower()).isLessThan(81.87);
        assertThat(f.scaleUpper()).isGreaterThan(81.87);
        // the profile's scale is the maximum: moving either parameter lowers the likelihood
        double at = f.logLikelihood();
        assertThat(Weibull.logLikelihood(2.10 * 1.01, f.model().scale(), t, failed, null))
                .isLessThan(at);
        assertThat(Weibull.logLikelihood(f.model().shape(), 81.87 * 1.01, t, failed, null))
                .isLessThan(at);
    }

    /**
     * A left-truncated, right-censored sample from shape 1.8, scale 100: 600 assets observed from an age
     * between 0 and 80 (each drawn given it survived to that age, by inverting S(t)/S(e)), censored 20
     * to 150 later. The fit's intervals hold the truth; the fit that ignores the entries does not.
     */
    @Test
    void recoversATruncatedCensoredSampleWithinItsInterval() {
        SplittableRandom r = new SplittableRandom(29);
        int n = 600;
        double k = 1.8;
        double theta = 100;
        double[] time = new double[n];
        double[] entry = new double[n];
        boolean[] failed = new boolean[n];
        for (int i = 0; i < n; i++) {
            entry[i] = r.nextDouble() * 80;
            double life = theta * Math.pow(Math.pow(entry[i] / theta, k) - Math.log(r.nextDouble()), 1 / k);
            double censor = entry[i] + 20 + r.nextDouble() * 130;
            time[i] = Math.min(life, censor);
            failed[i] = life <= censor;
        }
        Weibull.Fit f = Weibull.fit(time, failed, entry);
        assertThat(k).isBetween(f.shapeLower(), f.shapeUpper());
        assertThat(theta).isBetween(f.scaleLower(), f.scaleUpper());
        Weibull.Fit naive = Weibull.fit(time, failed, null);
        assertThat(k < naive.shapeLower()
                        || k > naive.shapeUpper()
                        || theta < naive.scaleLower()
                        || theta > naive.scaleUpper())
                .as("ignoring the delayed entries misses the truth")
                .isTrue();
    }

    /** For shape 2, scale 100, 30 days at risk 10 %: ((a + 30)² − a²) / 100² = −ln 0.9, so a = (10⁴ · 0.10536 − 900) / 60. */
    @Test
    void conditionalRiskAndTheAgeAtWhichItCrossesALevel() {
        Weibull w = new Weibull(2, 100);
        assertThat(w.conditionalFailure(0, 30)).isCloseTo(1 - Math.exp(-0.09), within(1e-12));
        double a = (1e4 * -Math.log(0.9) - 900) / 60;
        assertThat(w.ageAtRisk(30, 0.10)).isCloseTo(a, within(1e-6));
        assertThat(w.ageAtRisk(30, 0.05)).isZero();
        // no wear-out: the chance never grows, so there is no age to service at
        assertThat(new Weibull(0.9, 100).ageAtRisk(30, 0.9)).isInfinite();
        assertThat(w.mean()).isCloseTo(100 * Math.sqrt(Math.PI) / 2, within(1e-9));
        assertThat(w.survival(100)).isCloseTo(Math.exp(-1), within(1e-12));
    }

    @Test
    void refusesWhatTheDataCannotSupport() {
        assertThatThrownBy(() -> Weibull.fit(new double[] {5, 9, 12}, new boolean[] {true, false, false}, null))
                .isInstanceOf(ModelFitException.class)
                .hasMessage("A Weibull fit needs at least two failures; these data have 1.");
        assertThatThrownBy(() -> Weibull.fit(new double[] {10, 10, 10}, new boolean[] {true, true, true}, null))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("ran to the edge of its shape");
    }
}
