package quant.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.store.Store;
import quant.core.store.StoreException;

class BusinessSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        CustomerSettings c = BusinessSettings.DEFAULTS.customers();
        assertThat(c).isEqualTo(new CustomerSettings(365, 0.10, 36, 0.5, 0.25));
        assertThat(CustomerSettings.DEFAULTS).isEqualTo(c);
    }

    @Test
    void readsNumbersPercentagesAndThousandsSeparators() {
        assertThat(Setting.ANNUAL_DISCOUNT_RATE.parse("12.5 %")).isEqualByComparingTo("0.125");
        assertThat(Setting.ANNUAL_DISCOUNT_RATE.parse(" 0.08 ")).isEqualByComparingTo("0.08");
        assertThat(Setting.INACTIVITY_DAYS.parse("1,000")).isEqualByComparingTo("1000");
        assertThat(Setting.INACTIVITY_DAYS.parse("270.0")).isEqualByComparingTo("270");
        assertThat(Setting.show(new BigDecimal("1E+3"))).isEqualTo("1000");
    }

    @Test
    void refusesValuesOutsideTheirRangeWithOneSentence() {
        assertThatThrownBy(() -> Setting.INACTIVITY_DAYS.parse("10"))
                .hasMessage("Churn inactivity window must be a whole number of days from 30 to 3650, not 10.");
        assertThatThrownBy(() -> Setting.INACTIVITY_DAYS.parse("90.5"))
                .hasMessage("Churn inactivity window must be a whole number of days from 30 to 3650, not 90.5.");
        assertThatThrownBy(() -> Setting.INACTIVITY_DAYS.parse("90%"))
                .hasMessage("Churn inactivity window must be a whole number of days from 30 to 3650, not \"90%\".");
        assertThatThrownBy(() -> Setting.ANNUAL_DISCOUNT_RATE.parse("ten"))
                .hasMessage(
                        "Discount rate for future value must be a yearly rate (0.1 or 10 %) from 0 to 1, not \"ten\".");
        assertThatThrownBy(() -> Setting.ANNUAL_DISCOUNT_RATE.parse("150 %"))
                .hasMessage("Discount rate for future value must be a yearly rate (0.1 or 10 %) from 0 to 1, not 1.5.");
    }

    @Test
    void theStageOrderIsAListOfNamesStoredAsText() {
        try (Store store = Store.open(dir.resolve("o"))) {
            assertThat(BusinessSettings.DEFAULTS.stageOrder()).isEmpty();
            BusinessSettings set =
                    BusinessSettings.DEFAULTS.with(Setting.STAGE_ORDER, " prospecting ,engaging,, proposal ");
            assertThat(set.text(Setting.STAGE_ORDER)).isEqualTo("prospecting, engaging, proposal");
            set.save(store);
            assertThat(BusinessSettings.read(store).stageOrder())
                    .containsExactly("prospecting", "engaging", "proposal");
            assertThatThrownBy(() -> BusinessSettings.DEFAULTS.with(Setting.STAGE_ORDER, "new, quote, New"))
                    .hasMessage("Pipeline stage order names a stage twice: \"new, quote, New\".");
            assertThatThrownBy(() -> BusinessSettings.DEFAULTS.with(Setting.STAGE_ORDER, " , "))
                    .hasMessage("Pipeline stage order must name at least one stage.");
            assertThatThrownBy(() -> set.value(Setting.STAGE_ORDER)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void checksSettingsThatMustAgreeTogether() {
        assertThatThrownBy(() -> BusinessSettings.DEFAULTS.with(Setting.HIGH_RISK_FROM, "0.2"))
                .hasMessageStartingWith("Medium churn risk must start below high churn risk");
        BusinessSettings both =
                BusinessSettings.DEFAULTS.with(Map.of(Setting.HIGH_RISK_FROM, "0.2", Setting.MEDIUM_RISK_FROM, "0.1"));
        assertThat(both.customers().highRiskFrom()).isEqualTo(0.2);
        assertThat(both.customers().mediumRiskFrom()).isEqualTo(0.1);
        assertThatThrownBy(() -> both.reset(List.of(Setting.MEDIUM_RISK_FROM)))
                .hasMessageStartingWith("Medium churn risk must start below high churn risk");
        assertThat(both.reset(List.of(Setting.values()))).isEqualTo(BusinessSettings.DEFAULTS);
    }

    @Test
    void savedSettingsComeBackAndResetOnesAreRemoved() {
        try (Store store = Store.open(dir.resolve("s"))) {
            assertThat(BusinessSettings.read(store)).isEqualTo(BusinessSettings.DEFAULTS);
            BusinessSettings changed = BusinessSettings.DEFAULTS.with(
                    Map.of(Setting.INACTIVITY_DAYS, "270", Setting.ANNUAL_DISCOUNT_RATE, "8 %"));
            changed.save(store);
            BusinessSettings read = BusinessSettings.read(store);
            assertThat(read).isEqualTo(changed);
            assertThat(read.customers().inactivityDays()).isEqualTo(270);
            assertThat(read.customers().annualDiscountRate()).isEqualTo(0.08);
            assertThat(read.isSet(Setting.CLV_HORIZON_MONTHS)).isFalse();
            read.reset(List.of(Setting.INACTIVITY_DAYS)).save(store);
            assertThat(rows(store)).isEqualTo(1);
            assertThat(BusinessSettings.read(store).customers().inactivityDays())
                    .isEqualTo(365);
        }
    }

    @Test
    void keysOfANewerVersionAreKeptAndAValueEditedByHandIsRefusedByName() {
        try (Store store = Store.open(dir.resolve("k"))) {
            store.inTransaction(
                    c -> c.createStatement()
                            .executeUpdate(
                                    "INSERT INTO business_setting VALUES ('alerts.someFutureThreshold', '0.6', CURRENT_TIMESTAMP)"));
            BusinessSettings.DEFAULTS.with(Setting.CLV_HORIZON_MONTHS, "24").save(store);
            assertThat(rows(store)).isEqualTo(2);
            store.inTransaction(c -> c.createStatement()
                    .executeUpdate("UPDATE business_setting SET setting_value = 'soon'"
                            + " WHERE setting_key = 'customers.clvHorizonMonths'"));
            assertThatThrownBy(() -> BusinessSettings.read(store))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("The business setting customers.clvHorizonMonths in k.mv.db is not valid")
                    .hasMessageContaining("not \"soon\"");
        }
    }

    private static int rows(Store store) {
        return store.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM business_setting")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
