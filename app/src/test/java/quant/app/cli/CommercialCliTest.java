package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;

/**
 * {@code quant marketing}, {@code quant market} and the pipeline's aging and scoring on the sample
 * company: the documented keys are there and the totals agree with SQL on the same database.
 */
class CommercialCliTest {
    @TempDir
    static Path dir;

    static SampleDb sample;

    @BeforeAll
    static void loadSample() {
        sample = SampleDb.load(dir);
    }

    private static JsonNode json(String... args) throws Exception {
        return sample.json(args);
    }

    private static double sql(String query) throws SQLException {
        return sample.sql(query);
    }

    @Test
    void marketingGivesEachChannelsSpendCustomersCacLtvAndPayback() throws Exception {
        JsonNode r = json("marketing");
        assertThat(r.get("ltvMethod").asText()).isEqualTo("clv");
        JsonNode channels = r.get("channels");
        assertThat(channels).hasSize(8);
        for (JsonNode c : channels) {
            for (String key : new String[] {"spend", "newCustomers", "cac", "ltv", "ltvToCac", "paybackMonths"}) {
                assertThat(c.has(key)).as(key).isTrue();
            }
            String channel = c.get("channel").asText();
            assertThat(c.get("spend").asDouble())
                    .isCloseTo(
                            sql("SELECT SUM(amount) FROM marketing_spend WHERE channel = '" + channel + "'"),
                            within(0.01));
            assertThat(c.get("newCustomers").asDouble())
                    .isEqualTo(sql("SELECT COUNT(*) FROM customer WHERE acquisition_channel = '" + channel + "'"));
            assertThat(c.get("cac").asDouble())
                    .isCloseTo(c.get("spend").asDouble() / c.get("newCustomers").asDouble(), within(0.01));
            assertThat(c.get("ltvToCac").asDouble())
                    .isCloseTo(c.get("ltv").asDouble() / c.get("cac").asDouble(), within(0.01));
        }
        assertThat(r.get("campaigns")).hasSize(20);
        assertThat(r.get("recommendations").size()).isGreaterThanOrEqualTo(3);
        JsonNode historic = json("marketing", "--ltv", "historic");
        assertThat(historic.get("ltvMethod").asText()).isEqualTo("historic");
        assertThat(historic.get("channels").get(0).get("ltv").asDouble())
                .isLessThan(channels.get(0).get("ltv").asDouble());
    }

    @Test
    void marketShowsShareOpportunitiesCompetitorsAndSuggestions() throws Exception {
        JsonNode r = json("market");
        assertThat(r.get("periods")).hasSize(20);
        assertThat(r.get("opportunities")).hasSize(1);
        assertThat(r.get("opportunities").get(0).get("segment").asText()).isEqualTo("ELEC");
        assertThat(r.get("competitors")).hasSize(12);
        assertThat(r.get("swotPeriod").asText()).isEqualTo("2025");
        assertThat(r.get("swot").isNull()).isTrue();
        assertThat(r.get("suggestions").size()).isGreaterThanOrEqualTo(5);
        double hvac2025 = sql("SELECT SUM(revenue) FROM job j JOIN service_line l ON l.id = j.service_line_id"
                + " WHERE l.code = 'HVAC' AND j.status = 'completed' AND j.completed_at >= TIMESTAMP '2025-01-01 00:00:00'"
                + " AND j.completed_at < TIMESTAMP '2026-01-01 00:00:00'");
        for (JsonNode p : r.get("periods")) {
            if (p.get("segment").asText().equals("HVAC")
                    && p.get("start").asText().equals("2025-01-01")) {
                assertThat(p.get("ourRevenue").asDouble()).isCloseTo(hvac2025, within(0.01));
                assertThat(p.get("share").asDouble())
                        .isCloseTo(hvac2025 / p.get("marketValue").asDouble(), within(1e-9));
            }
        }
    }

    @Test
    void thePipelineAgesOpenDealsAndScoresThem() throws Exception {
        JsonNode r = json("pipeline");
        assertThat(r.get("stageTimes")).hasSize(4);
        assertThat(r.get("openDeals").size()).isEqualTo(r.get("open").asInt());
        long stalled = 0;
        for (JsonNode d : r.get("openDeals")) {
            stalled += d.get("stalled").asBoolean() ? 1 : 0;
            assertThat(d.get("drivers")).hasSize(3);
        }
        assertThat(stalled).isGreaterThanOrEqualTo(20);
        assertThat(r.get("scoring").get("rocAuc").asDouble()).isGreaterThan(0.6);
        // the sample has revenue targets but no pipeline target: no coverage rather than a misleading one
        assertThat(r.get("coverage").isNull()).isTrue();
        // deals whose expected close date has passed are one "overdue" row, not months gone by
        for (JsonNode m : r.get("weightedByMonth")) {
            String month = m.get("month").asText();
            assertThat(month.equals("overdue") || month.equals("none") || month.compareTo("2025-12") >= 0)
                    .as(month)
                    .isTrue();
        }
        InProcessQuant.Run text = InProcessQuant.quant("--db", sample.path(), "pipeline");
        assertThat(text.out()).containsPattern("Stalled deals +\\d+").contains("Win chance: a logistic model on");
    }
}
