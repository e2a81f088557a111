package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;
import quant.app.InProcessQuant.Run;
import quant.core.settings.BusinessSettings;
import quant.core.settings.Setting;
import quant.core.store.Store;

class SettingsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    String db;

    @BeforeEach
    void emptyDatabase() {
        db = dir.resolve("company").toString();
        Store.open(Path.of(db)).close();
    }

    @Test
    void listsEverySettingWithItsDefault() throws Exception {
        Run run = InProcessQuant.quant("--db", db, "settings", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode rows = JSON.readTree(run.out()).get("settings");
        assertThat(rows).hasSize(Setting.values().length);
        JsonNode order = rows.get(6);
        assertThat(order.get("key").asText()).isEqualTo("pipeline.stageOrder");
        assertThat(order.get("value").isNull()).isTrue();
        assertThat(order.get("unit").asText()).isEqualTo("names");
        JsonNode cash = rows.get(5);
        assertThat(cash.get("key").asText()).isEqualTo("cash.openingBalance");
        assertThat(cash.get("value").isNull()).isTrue();
        assertThat(cash.get("defaultValue").isNull()).isTrue();
        assertThat(cash.get("unit").asText()).isEqualTo("money");
        JsonNode days = rows.get(0);
        assertThat(days.get("key").asText()).isEqualTo("customers.inactivityDays");
        assertThat(days.get("value").asInt()).isEqualTo(365);
        assertThat(days.get("defaultValue").asInt()).isEqualTo(365);
        assertThat(days.get("unit").asText()).isEqualTo("days");
        assertThat(days.get("set").asBoolean()).isFalse();
        Run text = InProcessQuant.quant("--db", db, "settings");
        assertThat(text.out())
                .contains("customers.annualDiscountRate")
                .contains("0.1")
                .contains("(default)")
                .contains("(not set)");
    }

    @Test
    void theCurrencyIsACodeCheckedAsTyped() throws Exception {
        Run eur = InProcessQuant.quant("--db", db, "settings", "set", "company.currency=eur", "--json");
        assertThat(eur.code()).as(eur.err()).isZero();
        assertThat(JSON.readTree(eur.out()).get("settings").toString()).contains("\"value\":\"EUR\"");
        Run bad = InProcessQuant.quant("--db", db, "settings", "set", "company.currency=euro");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("Currency must be a three-letter currency code such as USD, EUR or GBP");
        Run reset = InProcessQuant.quant("--db", db, "settings", "reset", "company.currency");
        assertThat(reset.code()).as(reset.err()).isZero();
    }

    @Test
    void storedSettingsBecomeTheAnalysesDefaultsAndOptionsStillWin() throws Exception {
        Run set = InProcessQuant.quant(
                "--db", db, "settings", "set", "customers.clvHorizonMonths=24", "customers.inactivityDays=180");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("(set; default 36)");
        Run order =
                InProcessQuant.quant("--db", db, "settings", "set", "pipeline.stageOrder=new, quote_sent,site_visit");
        assertThat(order.code()).as(order.err()).isZero();
        assertThat(order.out()).contains("new, quote_sent, site_visit");
        Run clvRun = InProcessQuant.quant("--db", db, "clv", "--as-of", "2025-12-31", "--json");
        assertThat(clvRun.code()).as(clvRun.err()).isZero();
        JsonNode clv = JSON.readTree(clvRun.out());
        assertThat(clv.has("horizonMonths")).as(clvRun.out()).isTrue();
        assertThat(clv.get("horizonMonths").asInt()).isEqualTo(24);
        JsonNode overridden = JSON.readTree(
                InProcessQuant.quant("--db", db, "clv", "--horizon", "12", "--as-of", "2025-12-31", "--json")
                        .out());
        assertThat(overridden.get("horizonMonths").asInt()).isEqualTo(12);
        JsonNode risk =
                JSON.readTree(InProcessQuant.quant("--db", db, "churn", "risk", "--as-of", "2025-12-31", "--json")
                        .out());
        assertThat(risk.get("inactivityDays").asInt()).isEqualTo(180);

        Run reset = InProcessQuant.quant("--db", db, "settings", "reset", "--all");
        assertThat(reset.code()).as(reset.err()).isZero();
        try (Store store = Store.openExisting(Path.of(db))) {
            assertThat(BusinessSettings.read(store)).isEqualTo(BusinessSettings.DEFAULTS);
        }
    }

    @Test
    void aBadValueOrKeyIsAUsageErrorAndChangesNothing() {
        Run bad = InProcessQuant.quant(
                "--db", db, "settings", "set", "customers.inactivityDays=200", "customers.highRiskFrom=0.1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err())
                .contains("Medium churn risk must start below high churn risk")
                .contains("Nothing was changed.");
        Run unknown = InProcessQuant.quant("--db", db, "settings", "set", "customers.colour=blue");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("There is no setting \"customers.colour\"; the settings are");
        Run form = InProcessQuant.quant("--db", db, "settings", "set", "customers.inactivityDays");
        assertThat(form.code()).isEqualTo(2);
        assertThat(form.err()).contains("Write each setting as KEY=VALUE");
        try (Store store = Store.openExisting(Path.of(db))) {
            assertThat(BusinessSettings.read(store)).isEqualTo(BusinessSettings.DEFAULTS);
        }
    }
}
