package quant.core.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentences beside the channel table, on three hand-made channels. */
class RecommendationsTest {
    private static MarketingResult.Channel channel(
            String code, int customers, double cac, double ltv, Integer payback, double recovered) {
        return new MarketingResult.Channel(
                code, customers * cac, customers, cac, ltv, ltv / cac, payback, recovered, 0, Double.NaN, List.of());
    }

    private static final MarketingResult.Channel REFERRAL = channel("referral", 40, 50, 500, 2, 1.5);
    private static final MarketingResult.Channel ADS = channel("google_ads", 50, 200, 400, null, 0.6);
    /** Too few customers to be compared: 5 lucky ones would otherwise be the "best" channel. */
    private static final MarketingResult.Channel SHOWS = channel("home_shows", 5, 10, 900, 1, 9.0);

    @Test
    void comparesTheSolidChannelsInNamesMonthsAndRatios() {
        List<String> said = Recommendations.of(List.of(REFERRAL, ADS, SHOWS), 3.0);

        assertThat(said)
                .containsExactly(
                        "Referral customers pay back their acquisition cost in 2 months; Google Ads customers have so"
                                + " far recovered 60 % of theirs.",
                        // 200 ÷ 50
                        "A customer won through Google Ads costs 4.0× as much as one won through Referral.",
                        // 500 ÷ 50 = 10 and 400 ÷ 200 = 2
                        "Referral customers are worth 10.0× what they cost to win, Google Ads customers 2.0×: spend"
                                + " moved from Google Ads to Referral buys more value, as far as Referral can grow.",
                        "Below the LTV:CAC target of 3.0: Google Ads (2.0).");
        assertThat(String.join(" ", said)).doesNotContain("Home Shows").doesNotContainPattern("\\d,\\d{3}");
    }

    @Test
    void saysNothingWithFewerThanTwoSolidChannels() {
        assertThat(Recommendations.of(List.of(REFERRAL, SHOWS), 3.0)).isEmpty();
    }

    @Test
    void aMetTargetIsSaidSo() {
        assertThat(Recommendations.of(List.of(REFERRAL, channel("google_ads", 50, 90, 400, 4, 1.2)), 3.0))
                .contains(
                        "Referral customers pay back in 2 months vs 4 months for Google Ads.",
                        "Every channel meets the LTV:CAC target of 3.0.");
    }
}
