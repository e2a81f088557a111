package quant.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Money on screen carries the company's currency. */
class FormatsTest {
    @AfterEach
    void backToDollars() {
        Formats.useCurrency(Currency.getInstance("USD"));
    }

    @Test
    void moneyIsWrittenWithTheCurrencysSymbolOrCode() {
        Formats.useCurrency(Currency.getInstance("USD"));
        String usd = Formats.currencySymbol();
        assertThat(Formats.money(1363.4)).isEqualTo(usd + "1,363");
        assertThat(Formats.money(-50)).isEqualTo("−" + usd + "50");
        assertThat(Formats.cents(1363.4)).isEqualTo(usd + "1,363.40");
        assertThat(Formats.money(Double.NaN)).isEqualTo("–");
        Formats.useCurrency(Currency.getInstance("CHF"));
        assertThat(Formats.money(10)).startsWith("CHF").endsWith("10");
    }
}
