package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;

/**
 * Money in the text output carries the company's currency: after each key figure's amount, and in
 * the header of each column of amounts. The sample is switched to euros so that a default cannot pass for the
 * setting.
 */
class CliMoneyTest {
    @TempDir
    static Path dir;

    static SampleDb sample;

    @BeforeAll
    static void loadSampleInEuros() {
        sample = SampleDb.load(dir);
        assertThat(text("settings", "set", "company.currency=EUR")).contains("EUR");
    }

    static String text(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = sample.path();
        System.arraycopy(args, 0, all, 2, args.length);
        InProcessQuant.Run run = InProcessQuant.quant(all);
        assertThat(run.code()).as(run.err()).isZero();
        return run.out();
    }

    private static final String AMOUNT = "-?[\\d,]+(\\.\\d\\d)? EUR";

    @Test
    void keyFiguresPutTheCurrencyAfterEachAmount() {
        assertThat(text("pipeline"))
                .containsPattern("Won value +" + AMOUNT)
                .containsPattern("Open pipeline +" + AMOUNT);
        assertThat(text("clv"))
                .containsPattern("Margin to date per customer +" + AMOUNT)
                .containsPattern("Future value per customer +" + AMOUNT);
        assertThat(text("forecast", "cashflow"))
                .containsPattern("Cash in +" + AMOUNT)
                .containsPattern("Net +" + AMOUNT);
        assertThat(text("forecast", "revenue")).containsPattern("Next 30 days +" + AMOUNT);
        assertThat(text("churn", "risk")).containsPattern("Value at risk +" + AMOUNT);
        assertThat(text("route", "day", "--date", "2025-07-01", "--seconds", "1"))
                .containsPattern("Route cost +" + AMOUNT);
    }

    @Test
    void tablesOfAmountsSayTheirCurrencyInTheHeader() {
        assertThat(text("marketing")).contains("Spend (EUR)").contains("CAC (EUR)");
        assertThat(text("cohort", "--metric", "margin")).contains("Age 0 (EUR)");
        assertThat(text("cohort")
                        .lines()
                        .filter(l -> l.startsWith("Cohort  "))
                        .findFirst()
                        .orElseThrow())
                .doesNotContain("EUR"); // the table of shares carries no currency
        assertThat(text("market")).contains("Our revenue (EUR)");
        assertThat(text("segments")).contains("Revenue (EUR)");
    }

    @Test
    void noAmountIsWrittenInAnotherCurrency() {
        for (String[] command : new String[][] {
            {"pipeline"},
            {"clv"},
            {"forecast", "cashflow"},
            {"forecast", "revenue"},
            {"marketing"},
            {"segments"},
            {"churn", "risk"},
            {"market"},
            {"report", "cohorts"}
        }) {
            assertThat(text(command)).as(String.join(" ", command)).doesNotContain("USD");
        }
    }
}
