package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;

/** {@code quant pricing} and {@code quant quote} on the sample company, checked against SQL and their own parts. */
class PricingCliTest {
    @TempDir
    static Path dir;

    static SampleDb sample;

    @BeforeAll
    static void load() {
        sample = SampleDb.load(dir);
    }

    @Test
    void theQuoteHistoryIsTheDecidedDealsThatReachedTheQuote() throws Exception {
        JsonNode r = sample.json("pricing");
        String decided = " FROM deal d JOIN product p ON p.id = d.product_id WHERE d.outcome IN ('won', 'lost')"
                + " AND d.amount > 0 AND p.list_price > 0 AND (d.outcome = 'won' OR EXISTS (SELECT 1 FROM"
                + " deal_stage_history h WHERE h.deal_id = d.id AND h.stage IN ('quote_sent', 'negotiation')))";
        assertThat(r.get("quotes").asInt()).isEqualTo((int) sample.sql("SELECT COUNT(*)" + decided));
        assertThat(r.get("won").asInt())
                .isEqualTo((int) sample.sql("SELECT COUNT(*)" + decided + " AND d.outcome = 'won'"));
        assertThat(r.get("refusal").isNull()).isTrue();
        assertThat(r.get("slopeLower").asDouble()).isPositive();
        JsonNode rec = r.get("recommendations").get(0);
        assertThat(rec.get("bestRatio").asDouble())
                .isBetween(rec.get("lowRatio").asDouble(), rec.get("highRatio").asDouble());
        assertThat(r.get("curves").get(0).get("points").size()).isPositive();
    }

    @Test
    void aQuoteIsTheSumOfItsPartsTimesItsFactors() throws Exception {
        JsonNode q = sample.json("quote", "--line", "HVAC", "--hours", "3", "--priority", "high", "--materials", "120");
        double sum = 0;
        for (JsonNode p : q.get("parts")) {
            sum += p.get("amount").asDouble();
        }
        assertThat(q.get("beforeAdjustments").asDouble()).isCloseTo(sum, within(1e-6));
        double price = q.get("beforeAdjustments").asDouble();
        for (JsonNode a : q.get("adjustments")) {
            price *= a.get("factor").asDouble();
        }
        assertThat(q.get("price").asDouble()).isCloseTo(price, within(1e-6));
        assertThat(q.get("adjustments").get(0).get("factor").asDouble()).isEqualTo(1.15);
        // materials: 120 × 1.05 waste, marked up 35 %
        assertThat(q.get("parts").get(5).get("amount").asDouble()).isCloseTo(126, within(1e-9));
        assertThat(q.get("parts").get(6).get("amount").asDouble()).isCloseTo(126 * 0.35, within(1e-9));
        // the going rate: (revenue − materials × 1.35) ÷ estimated hours of 2025's normal-priority first visits
        double rate = sample.sql("SELECT SUM(j.revenue - j.material_cost * 1.35) / SUM(j.estimated_hours) FROM job j"
                + " JOIN service_line l ON l.id = j.service_line_id WHERE l.code = 'HVAC' AND j.status = 'completed'"
                + " AND j.priority = 'normal' AND j.callback_of_job_id IS NULL"
                + " AND j.completed_at >= TIMESTAMP '2025-01-01 00:00:00'");
        assertThat(q.get("goingRate").asDouble()).isCloseTo(rate, within(0.01));
        // labour: the line's labour cost over its actual hours of the 12 months × 3 h
        double labourRate = sample.sql("SELECT SUM(j.labour_cost) / SUM(j.actual_hours) FROM job j JOIN service_line l"
                + " ON l.id = j.service_line_id WHERE l.code = 'HVAC' AND j.status = 'completed'"
                + " AND j.completed_at >= TIMESTAMP '2025-01-01 00:00:00'");
        assertThat(q.get("parts").get(0).get("amount").asDouble()).isCloseTo(3 * labourRate, within(0.01));
    }

    @Test
    void aBadQuoteIsOneSentence() {
        InProcessQuant.Run line =
                InProcessQuant.quant("--db", sample.path(), "quote", "--line", "POOL", "--hours", "2");
        assertThat(line.code()).isEqualTo(2);
        assertThat(line.err().strip())
                .isEqualTo("quant: No service line has the code POOL (the lines are HVAC, PLUMB, ELEC, LAND, ROOF).");
        InProcessQuant.Run hours =
                InProcessQuant.quant("--db", sample.path(), "quote", "--line", "HVAC", "--hours", "0");
        assertThat(hours.code()).isEqualTo(2);
        assertThat(hours.err().strip())
                .isEqualTo("quant: --hours must be more than 0, at most 1,000; not 0 (see 'quant quote --help').");
        InProcessQuant.Run priority = InProcessQuant.quant(
                "--db", sample.path(), "quote", "--line", "HVAC", "--hours", "2", "--priority", "asap");
        assertThat(priority.code()).isEqualTo(2);
        assertThat(priority.err()).contains("low, normal, high or emergency, not asap");
    }
}
