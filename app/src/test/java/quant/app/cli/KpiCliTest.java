package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;

/** {@code quant kpi} and {@code quant health} on the sample company, checked against SQL and the analyses. */
class KpiCliTest {
    @TempDir
    static Path dir;

    static SampleDb sample;
    static Map<String, JsonNode> december = new HashMap<>();

    static final String DECEMBER = " AND completed_at >= TIMESTAMP '2025-12-01 00:00:00'"
            + " AND completed_at < TIMESTAMP '2026-01-01 00:00:00'";

    @BeforeAll
    static void load() throws Exception {
        sample = SampleDb.load(dir);
        JsonNode r = sample.json("kpi");
        for (JsonNode k : r.get("kpis")) {
            december.put(k.get("id").asText(), k);
        }
    }

    static double value(String kpi) {
        return december.get(kpi).get("value").asDouble();
    }

    @Test
    void flowsAreTheMonthsRowsInSql() throws Exception {
        assertThat(december.get("revenue").get("period").asText()).isEqualTo("2025-12");
        assertThat(value("revenue"))
                .isCloseTo(
                        sample.sql("SELECT SUM(revenue) FROM job WHERE status = 'completed'" + DECEMBER),
                        within(0.005));
        assertThat(value("new_customers"))
                .isEqualTo(sample.sql("SELECT COUNT(*) FROM customer WHERE acquired_on BETWEEN DATE '2025-12-01'"
                        + " AND DATE '2025-12-31'"));
        assertThat(value("average_rating"))
                .isCloseTo(
                        sample.sql("SELECT AVG(CAST(rating AS DOUBLE)) FROM job WHERE status = 'completed'"
                                + " AND rating IS NOT NULL" + DECEMBER),
                        within(1e-9));
        assertThat(value("callback_rate"))
                .isCloseTo(
                        sample.sql("SELECT CAST(COUNT(callback_of_job_id) AS DOUBLE) / COUNT(*) FROM job"
                                + " WHERE status = 'completed'" + DECEMBER),
                        within(1e-12));
        assertThat(value("win_rate"))
                .isCloseTo(
                        sample.sql("SELECT CAST(SUM(CASE WHEN outcome = 'won' THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*)"
                                + " FROM deal WHERE outcome IN ('won', 'lost') AND closed_on BETWEEN DATE '2025-12-01'"
                                + " AND DATE '2025-12-31'"),
                        within(1e-12));
        assertThat(value("average_deal_size"))
                .isCloseTo(
                        sample.sql("SELECT AVG(amount) FROM deal WHERE outcome = 'won' AND closed_on BETWEEN"
                                + " DATE '2025-12-01' AND DATE '2025-12-31'"),
                        within(0.005));
        double spend = sample.sql("SELECT SUM(amount) FROM marketing_spend WHERE month_start = DATE '2025-12-01'");
        assertThat(value("cac")).isCloseTo(spend / value("new_customers"), within(1e-9));
    }

    @Test
    void theAnalysesAgree() throws Exception {
        JsonNode finance = sample.json("finance");
        JsonNode dec = finance.get("months").get(finance.get("months").size() - 1);
        assertThat(dec.get("month").asText()).isEqualTo("2025-12");
        assertThat(value("gross_margin")).isCloseTo(dec.get("grossShare").asDouble(), within(1e-4));
        assertThat(value("operating_margin"))
                .isCloseTo(dec.get("operatingShare").asDouble(), within(1e-4));
        assertThat(value("top5_concentration"))
                .isCloseTo(
                        finance.get("concentration")
                                .get(4)
                                .get("cumulativeShare")
                                .asDouble(),
                        within(1e-4));
        JsonNode receivables = sample.json("receivables");
        assertThat(value("dso")).isCloseTo(receivables.get("dso").asDouble(), within(0.005));
        // LTV:CAC × CAC is the lifetime value analysis's simple formula, and its churn is the KPI's
        JsonNode simple = sample.json("clv").get("simpleFormula");
        assertThat(value("ltv_to_cac") * value("cac"))
                .isCloseTo(simple.get("clv").asDouble(), within(0.01));
        assertThat(value("churn_rate")).isCloseTo(simple.get("monthlyChurnRate").asDouble(), within(1e-12));
        assertThat(value("cac") / value("payback"))
                .isCloseTo(simple.get("marginPerCustomerMonth").asDouble(), within(1e-6));
        JsonNode team = sample.json("technicians", "--months", "1").get("team");
        assertThat(value("first_time_fix")).isCloseTo(team.get("firstTimeFix").asDouble(), within(1e-4));
        assertThat(value("utilisation")).isCloseTo(team.get("utilisation").asDouble(), within(1e-4));
    }

    @Test
    void eachKpiSaysHowItStands() throws Exception {
        assertThat(december).hasSize(21);
        for (JsonNode k : december.values()) {
            assertThat(k.get("status").asText()).isIn("ok", "warning", "critical", "none");
            assertThat(k.get("section").asText()).isIn("finance", "operations", "customers", "sales", "risk");
            assertThat(k.get("history").size()).isEqualTo(12);
            assertThat(k.get("view").asText()).isNotBlank();
        }
        // the sample's 2025 gross margin target is in percent: read as a fraction
        JsonNode gross = december.get("gross_margin");
        assertThat(gross.get("unit").asText()).isEqualTo("fraction");
        assertThat(gross.get("target").asDouble())
                .isCloseTo(
                        sample.sql("SELECT target / 100 FROM kpi_target WHERE kpi = 'gross_margin_pct'"
                                + " AND period_start = DATE '2025-01-01'"),
                        within(1e-12));
        assertThat(gross.get("basis").asText()).isEqualTo("target");
        // a flow target is per month: December is held to the whole month's row
        assertThat(december.get("revenue").get("target").asDouble())
                .isEqualTo(sample.sql("SELECT target FROM kpi_target WHERE kpi = 'monthly_revenue'"
                        + " AND period_start = DATE '2025-01-01'"));
    }

    @Test
    void aQuarterAndTheYearToDate() throws Exception {
        JsonNode q = sample.json("kpi", "--period", "quarter");
        assertThat(q.get("window").get("label").asText()).isEqualTo("2025-Q4");
        JsonNode ytd = sample.json("kpi", "--period", "ytd", "--as-of", "2025-06-30");
        assertThat(ytd.get("window").get("from").asText()).isEqualTo("2025-01-01");
        JsonNode revenue = ytd.get("kpis").get(0);
        assertThat(revenue.get("value").asDouble())
                .isCloseTo(
                        sample.sql(
                                "SELECT SUM(revenue) FROM job WHERE status = 'completed' AND completed_at >="
                                        + " TIMESTAMP '2025-01-01 00:00:00' AND completed_at < TIMESTAMP '2025-07-01 00:00:00'"),
                        within(0.005));
    }

    @Test
    void theHealthScoreIsTheSumOfItsPoints() throws Exception {
        JsonNode h = sample.json("health");
        double points = 0;
        for (JsonNode c : h.get("contributions")) {
            points += c.get("points").asDouble();
        }
        assertThat(h.get("score").asDouble()).isBetween(0.0, 100.0).isCloseTo(points, within(1e-9));
        assertThat(h.get("sections").size()).isEqualTo(5);
        assertThat(h.get("trend").size()).isEqualTo(12);
    }

    @Test
    void aWrongPeriodIsOneSentence() {
        InProcessQuant.Run run = InProcessQuant.quant("--db", sample.path(), "kpi", "--period", "week");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("The period must be month, quarter or ytd, not \"week\"");
    }

    @Test
    void alertsAreKeptOnceAndAcknowledgedWithANote() throws Exception {
        JsonNode first = sample.json("alerts", "--all");
        JsonNode again = sample.json("alerts", "--all");
        assertThat(again.get("raised").asInt()).isZero();
        assertThat(again.get("alerts").size()).isEqualTo(first.get("alerts").size());
        assertThat(sample.sql("SELECT COUNT(*) FROM kpi_alert"))
                .isEqualTo(first.get("alerts").size());
        JsonNode open = null;
        for (JsonNode a : again.get("alerts")) {
            assertThat(a.get("rule").asText()).isIn("level", "band", "sudden");
            assertThat(a.get("level").asText()).isIn("warning", "critical");
            assertThat(a.get("message").asText()).endsWith(".");
            if (open == null && a.get("state").asText().equals("raised")) {
                open = a;
            }
        }
        assertThat(open).as("an open alert on the sample").isNotNull();
        long id = open.get("id").asLong();
        JsonNode acked = sample.json("alerts", "--ack", String.valueOf(id), "--note", "Called the customer.");
        assertThat(acked.get("state").asText()).isEqualTo("acknowledged");
        assertThat(acked.get("note").asText()).isEqualTo("Called the customer.");
        JsonNode listed = sample.json("alerts");
        boolean found = false;
        for (JsonNode a : listed.get("alerts")) {
            assertThat(a.get("state").asText()).isNotEqualTo("resolved");
            found |= a.get("id").asLong() == id && a.get("note").asText().equals("Called the customer.");
        }
        assertThat(found).isTrue();
        InProcessQuant.Run noNote = InProcessQuant.quant("--db", sample.path(), "alerts", "--ack", String.valueOf(id));
        assertThat(noNote.code()).isEqualTo(2);
        assertThat(noNote.err()).contains("--ack needs --note TEXT");
    }
}
