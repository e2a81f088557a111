package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;

/**
 * Money in the text output carries the company's currency: after each amount in a sentence, once
 * in the caption of a table. The sample is switched to euros so that a default cannot pass for the
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

    private static final String AMOUNT = "−?-?[\\d,]+(\\.\\d\\d)? EUR";

    @Test
    void sentencesPutTheCurrencyAfterEachAmount() {
        assertThat(text("pipeline"))
                .containsPattern("won value " + AMOUNT + " \\(average " + AMOUNT + "\\)")
                .containsPattern("Open value " + AMOUNT + ", weighted " + AMOUNT + "; sales velocity " + AMOUNT)
                .contains("Open deals by expected close month (amounts in EUR)");
        assertThat(text("clv"))
                .containsPattern("Historic \\(to date\\): revenue " + AMOUNT + " and margin " + AMOUNT)
                .containsPattern("mean future CLV " + AMOUNT + " per customer, " + AMOUNT + " in all")
                .contains("By segment (amounts in EUR)");
        assertThat(text("forecast", "cashflow"))
                .containsPattern("collections " + AMOUNT + " on open invoices and " + AMOUNT + " on new revenue")
                .containsPattern("Open invoices: \\d+ with " + AMOUNT + " outstanding")
                .containsPattern("doubtful, over 365 days past due: \\d+ invoices, " + AMOUNT)
                .contains("(amounts in EUR)");
        assertThat(text("forecast", "revenue"))
                .containsPattern("Overdue deals, past their expected close date and in no window: \\d+, " + AMOUNT)
                .contains("(amounts in EUR)");
        assertThat(text("segments")).containsPattern("revenue " + AMOUNT + ", margin " + AMOUNT);
        assertThat(text("churn", "risk")).containsPattern(AMOUNT + " at risk");
        assertThat(text("route", "day", "--date", "2025-07-01", "--seconds", "1"))
                .containsPattern("cost " + AMOUNT + " \\(time at hourly cost and km at " + AMOUNT + "\\)");
    }

    @Test
    void tablesOfAmountsSayTheirCurrencyOnce() {
        assertThat(text("marketing")).contains("(amounts in EUR)");
        assertThat(text("cohort", "--metric", "margin")).contains("(amounts in EUR)");
        assertThat(text("cohort")).doesNotContain("EUR"); // shares, not money
        assertThat(text("market")).contains("revenue EUR");
    }

    @Test
    void noAmountIsWrittenInAnotherCurrency() {
        for (String[] command : new String[][] {
            {"pipeline"}, {"clv"}, {"forecast", "cashflow"}, {"forecast", "revenue"}, {"marketing"}, {"segments"}
        }) {
            assertThat(text(command)).as(String.join(" ", command)).doesNotContain("USD");
        }
    }
}
