package quant.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.analysis.InvalidSpecException;
import quant.core.kpi.Alert;
import quant.core.store.Store;

class AlertLogTest {
    @TempDir
    Path dir;

    static Alert alert(String kpi, LocalDate day, LocalDate resolved) {
        return new Alert(
                0,
                "level",
                kpi,
                "warning",
                "2025-05",
                day,
                6.8,
                5.0,
                kpi + " breached.",
                "technicians",
                resolved == null ? "raised" : "resolved",
                resolved,
                null);
    }

    @Test
    void aMergeKeepsEachAlertOnceAndResolvesWhatTheRulesFoundResolved() {
        LocalDate may = LocalDate.of(2025, 5, 31);
        try (Store store = Store.open(dir.resolve("a"))) {
            AlertLog.Merge first = AlertLog.merge(store, List.of(alert("callback_rate", may, null)));
            assertThat(first.raised()).hasSize(1);
            long id = first.raised().getFirst().id();
            assertThat(id).isPositive();
            Alert acked = AlertLog.acknowledge(store, id, "  Pairing the new hire with a senior plumber. ");
            assertThat(acked.state()).isEqualTo("acknowledged");
            assertThat(acked.note()).isEqualTo("Pairing the new hire with a senior plumber.");
            // the same alert again raises nothing and keeps the note
            AlertLog.Merge again = AlertLog.merge(store, List.of(alert("callback_rate", may, null)));
            assertThat(again.raised()).isEmpty();
            assertThat(again.alerts().getFirst().note()).isEqualTo("Pairing the new hire with a senior plumber.");
            // the rules found it back within its levels at the end of June
            AlertLog.Merge resolved =
                    AlertLog.merge(store, List.of(alert("callback_rate", may, LocalDate.of(2025, 6, 30))));
            Alert a = resolved.alerts().getFirst();
            assertThat(a.state()).isEqualTo("resolved");
            assertThat(a.resolvedOn()).isEqualTo(LocalDate.of(2025, 6, 30));
            assertThat(a.note()).isEqualTo("Pairing the new hire with a senior plumber.");
            assertThatThrownBy(() -> AlertLog.acknowledge(store, id, "again"))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Alert " + id + " was resolved on 2025-06-30; there is nothing to acknowledge.");
            assertThatThrownBy(() -> AlertLog.acknowledge(store, 999, "x")).hasMessage("There is no alert 999.");
            assertThatThrownBy(() -> AlertLog.acknowledge(store, id, " "))
                    .hasMessage("Say in a note what is being done about the alert.");
            // a resolved alert the store never saw is kept as history, not announced
            AlertLog.Merge history =
                    AlertLog.merge(store, List.of(alert("dso", LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31))));
            assertThat(history.raised()).isEmpty();
            assertThat(history.alerts()).hasSize(2);
            assertThat(AlertLog.open(history.alerts())).isEmpty();
        }
    }
}
