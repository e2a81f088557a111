package quant.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quant.core.analysis.Snapshot;
import quant.core.analysis.Snapshots;

class AlertRulesTest {
    static final LocalDate D = LocalDate.of(2025, 3, 2);

    static AlertRules.Finding finding(int day, KpiStatus status) {
        return new AlertRules.Finding(
                "level", "dso", "receivables", "p" + day, D.plusDays(day), status, 1, 1, "DSO on day " + day + ".");
    }

    @Test
    void oneBreachMakesOneAlertAndTheCooldownHoldsBackARelapse() {
        List<AlertRules.Finding> f = new ArrayList<>(List.of(
                finding(0, KpiStatus.WARNING),
                finding(7, KpiStatus.WARNING),
                finding(14, KpiStatus.OK),
                // back within 30 days of the first: held back
                finding(21, KpiStatus.WARNING),
                finding(28, KpiStatus.OK),
                // 35 days after the first was raised: a new one
                finding(35, KpiStatus.CRITICAL),
                finding(42, KpiStatus.CRITICAL),
                finding(49, KpiStatus.NONE)));
        List<Alert> alerts = AlertRules.timeline(f, 30);
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).level()).isEqualTo("warning");
        assertThat(alerts.get(0).raisedAt()).isEqualTo(D);
        assertThat(alerts.get(0).state()).isEqualTo("resolved");
        assertThat(alerts.get(0).resolvedOn()).isEqualTo(D.plusDays(14));
        assertThat(alerts.get(1).level()).isEqualTo("critical");
        assertThat(alerts.get(1).raisedAt()).isEqualTo(D.plusDays(35));
        assertThat(alerts.get(1).isOpen()).isTrue();
        assertThat(alerts.get(1).message()).isEqualTo("DSO on day 35.");
    }

    @Test
    void aWarningThatTurnsCriticalGivesWayToACriticalAlert() {
        List<Alert> alerts = AlertRules.timeline(
                new ArrayList<>(List.of(
                        finding(0, KpiStatus.WARNING), finding(7, KpiStatus.CRITICAL), finding(14, KpiStatus.WARNING))),
                30);
        assertThat(alerts).extracting(Alert::level).containsExactly("warning", "critical");
        assertThat(alerts.get(0).resolvedOn()).isEqualTo(D.plusDays(7));
        // falling back to a warning keeps the critical alert open
        assertThat(alerts.get(1).isOpen()).isTrue();
    }

    @Test
    void aWeekFarFromTheEightBeforeIsSudden() {
        Snapshots s = new Snapshots();
        int c = s.customer("A", "residential", "search", "Springfield", LocalDate.of(2024, 1, 1));
        // Mondays from 2025-01-06: ten jobs of 100 a week for nine weeks, then twenty in the week of 2025-03-10
        LocalDate monday = LocalDate.of(2025, 1, 6);
        for (int w = 0; w < 10; w++) {
            int jobs = w == 9 ? 20 : 10;
            for (int k = 0; k < jobs; k++) {
                s.job(c, monday.plusWeeks(w).plusDays(k % 5));
            }
        }
        Snapshot snap = s.build();
        List<AlertRules.Finding> f = AlertRules.sudden(snap, LocalDate.of(2025, 3, 16), 0.4, "USD");
        AlertRules.Finding last = f.getLast();
        assertThat(last.period()).isEqualTo("week of 2025-03-10");
        assertThat(last.subject()).isEqualTo("weekly_jobs");
        // 20 against a mean of 10: +100 %, past twice 40 %
        assertThat(last.status()).isEqualTo(KpiStatus.CRITICAL);
        assertThat(last.message())
                .isEqualTo("Jobs completed in the week of 2025-03-10 rose 100 % against the mean of the 8 weeks before"
                        + " (20 against 10).");
        // the week before was like the eight before it
        assertThat(f.get(f.size() - 3).status()).isEqualTo(KpiStatus.OK);
    }
}
