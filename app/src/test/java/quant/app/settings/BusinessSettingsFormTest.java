package quant.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import quant.core.settings.BusinessSettings;
import quant.core.settings.Setting;

class BusinessSettingsFormTest {
    @Test
    void anUntouchedFormChangesNothing() {
        BusinessSettingsForm form = new BusinessSettingsForm(BusinessSettings.DEFAULTS);
        assertThat(form.resultProperty().get()).isEqualTo(BusinessSettings.DEFAULTS);
        assertThat(form.changed()).isFalse();
        assertThat(form.errorProperty().get()).isEmpty();
    }

    @Test
    void checksWhatIsTypedAndSaysWhy() {
        BusinessSettingsForm form = new BusinessSettingsForm(BusinessSettings.DEFAULTS);
        form.text(Setting.INACTIVITY_DAYS).set("20");
        assertThat(form.resultProperty().get()).isNull();
        assertThat(form.errorProperty().get())
                .isEqualTo("Churn inactivity window must be a whole number of days from 30 to 3650, not 20.");
        form.text(Setting.INACTIVITY_DAYS).set("180");
        form.text(Setting.HIGH_RISK_FROM).set("0.2");
        assertThat(form.errorProperty().get()).startsWith("Medium churn risk must start below high churn risk");
        form.text(Setting.MEDIUM_RISK_FROM).set("10 %");
        assertThat(form.changed()).isTrue();
        BusinessSettings next = form.resultProperty().get();
        assertThat(next.customers().inactivityDays()).isEqualTo(180);
        assertThat(next.customers().mediumRiskFrom()).isEqualTo(0.1);
        assertThat(next.isSet(Setting.CLV_HORIZON_MONTHS)).isFalse();
    }

    @Test
    void restoringDefaultsClearsStoredValues() {
        BusinessSettings stored = BusinessSettings.DEFAULTS.with(Setting.CLV_HORIZON_MONTHS, "60");
        BusinessSettingsForm form = new BusinessSettingsForm(stored);
        assertThat(form.text(Setting.CLV_HORIZON_MONTHS).get()).isEqualTo("60");
        form.restoreDefaults();
        assertThat(form.changed()).isTrue();
        assertThat(form.resultProperty().get().customers().clvHorizonMonths()).isEqualTo(36);
    }
}
