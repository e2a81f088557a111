package quant.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KpiStatusTest {
    @Test
    void higherIsBetterReachesItsLevelsAtThem() {
        assertThat(KpiStatus.of(93.01, 93, 90, true)).isEqualTo(KpiStatus.OK);
        assertThat(KpiStatus.of(93, 93, 90, true)).isEqualTo(KpiStatus.WARNING);
        assertThat(KpiStatus.of(90.01, 93, 90, true)).isEqualTo(KpiStatus.WARNING);
        assertThat(KpiStatus.of(90, 93, 90, true)).isEqualTo(KpiStatus.CRITICAL);
        assertThat(KpiStatus.of(12, 93, 90, true)).isEqualTo(KpiStatus.CRITICAL);
    }

    @Test
    void lowerIsBetterIsMirrored() {
        assertThat(KpiStatus.of(37.99, 38, 45, false)).isEqualTo(KpiStatus.OK);
        assertThat(KpiStatus.of(38, 38, 45, false)).isEqualTo(KpiStatus.WARNING);
        assertThat(KpiStatus.of(45, 38, 45, false)).isEqualTo(KpiStatus.CRITICAL);
    }

    @Test
    void withoutAValueOrLevelsThereIsNoStatus() {
        assertThat(KpiStatus.of(Double.NaN, 38, 45, false)).isEqualTo(KpiStatus.NONE);
        assertThat(KpiStatus.of(40, Double.NaN, 45, false)).isEqualTo(KpiStatus.NONE);
        assertThat(KpiStatus.NONE.key()).isEqualTo("none");
        assertThat(KpiStatus.CRITICAL.worseThan(KpiStatus.WARNING)).isTrue();
        assertThat(KpiStatus.NONE.worseThan(KpiStatus.OK)).isFalse();
    }

    @Test
    void attainmentRunsFromTheCriticalLevelToTheTarget() {
        KpiTarget dso = new KpiTarget(30, 38, 45, false, false, "test");
        assertThat(dso.attainment(30)).isEqualTo(1.0);
        assertThat(dso.attainment(25)).isEqualTo(1.0);
        assertThat(dso.attainment(37.5)).isEqualTo(0.5);
        assertThat(dso.attainment(50)).isEqualTo(0.0);
        KpiTarget flat = new KpiTarget(10, 10, 10, true, false, "test");
        assertThat(flat.attainment(10)).isEqualTo(1.0);
        assertThat(flat.attainment(9)).isEqualTo(0.0);
    }
}
