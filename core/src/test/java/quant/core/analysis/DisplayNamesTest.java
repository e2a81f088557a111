package quant.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Codes as a person reads them, and filters that take either. */
class DisplayNamesTest {
    @ParameterizedTest
    @CsvSource({
        "google_ads, Google Ads",
        "site_visit, Site visit",
        "monthly_revenue, Monthly revenue",
        "monthly_churn_pct, Monthly churn %",
        "seo, SEO",
        "referral, Referral",
        "HVAC, HVAC",
        "Riverton, Riverton",
        "Heating & cooling, Heating & cooling",
        "trade_association, Trade association",
        "facebook_ads, Facebook Ads"
    })
    void codesReadAsNames(String code, String name) {
        assertThat(DisplayNames.of(code)).isEqualTo(name);
    }

    @Test
    void aFilterTakesTheCodeOrItsNameAndRefusesAValueTheDataDoNotHold() {
        Snapshots s = new Snapshots();
        s.customer("A", "residential", "google_ads", "Riverton", LocalDate.of(2025, 1, 1));
        s.customer("B", "commercial", "referral", "Oak Hollow", LocalDate.of(2025, 1, 1));
        Snapshot snapshot = s.build();
        CustomerFilter byName =
                new CustomerFilter(Set.of("Google Ads"), Set.of("COMMERCIAL"), Set.of(), Set.of()).resolve(snapshot);
        assertThat(byName.channels()).containsExactly("google_ads");
        assertThat(byName.segments()).containsExactly("commercial");
        assertThatThrownBy(
                        () -> new CustomerFilter(Set.of("Google Adz"), Set.of(), Set.of(), Set.of()).resolve(snapshot))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("There is no channel \"Google Adz\" in the data; the channels are Google Ads (google_ads),"
                        + " Referral (referral).");
    }
}
