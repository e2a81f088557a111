package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations and finance commands on the sample company, their figures recomputed with SQL over
 * the tables, without the snapshot: aging and DSO, the top-5 share, margin by service line (with
 * overhead shared out by hours), and the technicians' jobs and callbacks.
 */
class OperationsCliTest {
    @TempDir
    static Path dir;

    static SampleDb sample;

    /** Each invoice's amount open at the end of 2025 and its days past due. */
    private static final String OPEN = "SELECT i.amount - COALESCE((SELECT SUM(p.amount) FROM payment p"
            + " WHERE p.invoice_id = i.id AND p.paid_on <= DATE '2025-12-31'), 0) AS open,"
            + " DATEDIFF('DAY', i.due_on, DATE '2025-12-31') AS late, i.issued_on"
            + " FROM invoice i WHERE i.status <> 'void' AND i.issued_on <= DATE '2025-12-31'";

    /** The completed jobs of 2025 with their hours (actual, else estimated) and month. */
    private static final String JOBS = "SELECT j.*, FORMATDATETIME(j.completed_at, 'yyyy-MM') AS ym,"
            + " COALESCE(j.actual_hours, j.estimated_hours, 0) AS h FROM job j WHERE j.status = 'completed'"
            + " AND j.completed_at >= TIMESTAMP '2025-01-01 00:00:00' AND j.completed_at < TIMESTAMP '2026-01-01 00:00:00'";

    @BeforeAll
    static void load() {
        sample = SampleDb.load(dir);
    }

    @Test
    void receivablesAgeAndDsoAsSqlCountsThem() throws Exception {
        JsonNode r = sample.json("receivables");
        assertThat(r.get("asOf").asText()).isEqualTo("2025-12-31");
        double open = sample.sql("SELECT SUM(open) FROM (" + OPEN + ") WHERE open > 0.005");
        assertThat(r.get("open").asDouble()).isCloseTo(open, within(0.01));
        String[][] buckets = {
            {"current", "late <= 0"},
            {"1-30", "late BETWEEN 1 AND 30"},
            {"31-60", "late BETWEEN 31 AND 60"},
            {"61-90", "late BETWEEN 61 AND 90"},
            {"90+", "late > 90"}
        };
        for (int k = 0; k < buckets.length; k++) {
            JsonNode b = r.get("aging").get(k);
            assertThat(b.get("bucket").asText()).isEqualTo(buckets[k][0]);
            String where = " WHERE open > 0.005 AND " + buckets[k][1];
            assertThat(b.get("amount").asDouble())
                    .as(buckets[k][0])
                    .isCloseTo(sample.sql("SELECT COALESCE(SUM(open), 0) FROM (" + OPEN + ")" + where), within(0.01));
            assertThat(b.get("count").asInt()).as(buckets[k][0]).isEqualTo((int)
                    sample.sql("SELECT COUNT(*) FROM (" + OPEN + ")" + where));
        }
        double invoiced90 = sample.sql("SELECT SUM(amount) FROM invoice WHERE status <> 'void'"
                + " AND issued_on > DATE '2025-10-02' AND issued_on <= DATE '2025-12-31'");
        assertThat(r.get("dso").asDouble()).isCloseTo(open / invoiced90 * 90, within(0.01));
    }

    @Test
    void theTopFiveShareIsTheFiveLargestCustomersOfTheYear() throws Exception {
        JsonNode f = sample.json("finance");
        double year = sample.sql("SELECT SUM(amount) FROM invoice WHERE status <> 'void'"
                + " AND issued_on BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'");
        double top5 = sample.sql("SELECT SUM(s) FROM (SELECT SUM(amount) AS s FROM invoice WHERE status <> 'void'"
                + " AND issued_on BETWEEN DATE '2025-01-01' AND DATE '2025-12-31' GROUP BY customer_id"
                + " ORDER BY s DESC LIMIT 5)");
        double hhi = sample.sql("SELECT SUM((s / " + year + ") * (s / " + year + ")) FROM (SELECT SUM(amount) AS s"
                + " FROM invoice WHERE status <> 'void' AND issued_on BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'"
                + " GROUP BY customer_id)");
        assertThat(f.get("invoiced12").asDouble()).isCloseTo(year, within(0.01));
        assertThat(f.get("top5Share").asDouble()).isCloseTo(top5 / year, within(0.0001));
        assertThat(f.get("hhi").asDouble()).isCloseTo(hhi, within(0.0001));
        // the months' gross margin is the completed jobs' revenue less their costs
        JsonNode months = f.get("months");
        JsonNode december = months.get(months.size() - 1);
        assertThat(december.get("month").asText()).isEqualTo("2025-12");
        double gross =
                sample.sql("SELECT SUM(COALESCE(revenue, 0) - COALESCE(labour_cost, 0) - COALESCE(material_cost, 0)"
                        + " - COALESCE(equipment_cost, 0)) FROM (" + JOBS + ") WHERE ym = '2025-12'");
        assertThat(december.get("grossMargin").asDouble()).isCloseTo(gross, within(0.01));
    }

    @Test
    void marginByLineIsRevenueLessDirectTravelAndOverheadByHours() throws Exception {
        JsonNode p = sample.json("profitability", "--by", "line");
        assertThat(p.get("overheadBy").asText()).isEqualTo("hours");
        String hvac = "(SELECT id FROM service_line WHERE code = 'HVAC')";
        double revenue =
                sample.sql("SELECT SUM(COALESCE(revenue, 0)) FROM (" + JOBS + ") WHERE service_line_id = " + hvac);
        double direct = sample.sql("SELECT SUM(COALESCE(labour_cost, 0) + COALESCE(material_cost, 0)"
                + " + COALESCE(equipment_cost, 0)) FROM (" + JOBS + ") WHERE service_line_id = " + hvac);
        double travel = sample.sql("SELECT SUM(COALESCE(j.travel_minutes, 0) / 60.0 * COALESCE(t.hourly_cost, 0))"
                + " FROM (" + JOBS + ") j LEFT JOIN technician t ON t.id = j.technician_id WHERE j.service_line_id = "
                + hvac);
        String expenses = " FROM expense WHERE month_start BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'";
        double overhead = sample.sql("WITH j AS (" + JOBS + "),"
                + " hm AS (SELECT ym, SUM(h) AS h FROM j GROUP BY ym),"
                + " hl AS (SELECT ym, service_line_id AS l, SUM(h) AS h FROM j GROUP BY ym, service_line_id),"
                + " g AS (SELECT FORMATDATETIME(month_start, 'yyyy-MM') AS ym, SUM(amount) AS a" + expenses
                + " AND service_line_id IS NULL GROUP BY FORMATDATETIME(month_start, 'yyyy-MM')),"
                + " le AS (SELECT FORMATDATETIME(month_start, 'yyyy-MM') AS ym, service_line_id AS l, SUM(amount) AS a"
                + expenses + " AND service_line_id IS NOT NULL"
                + " GROUP BY FORMATDATETIME(month_start, 'yyyy-MM'), service_line_id)"
                + " SELECT SUM(COALESCE(g.a, 0) * hl.h / hm.h + COALESCE(le.a, 0)) FROM hl JOIN hm ON hm.ym = hl.ym"
                + " LEFT JOIN g ON g.ym = hl.ym LEFT JOIN le ON le.ym = hl.ym AND le.l = hl.l WHERE hl.l = " + hvac);
        JsonNode row = null;
        for (JsonNode r : p.get("rows")) {
            if (r.get("key").asText().equals("HVAC")) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("revenue").asDouble()).isCloseTo(revenue, within(0.01));
        assertThat(row.get("directCost").asDouble()).isCloseTo(direct, within(0.01));
        assertThat(row.get("travelCost").asDouble()).isCloseTo(travel, within(0.01));
        assertThat(row.get("overhead").asDouble()).isCloseTo(overhead, within(0.05));
        assertThat(row.get("margin").asDouble()).isCloseTo(revenue - direct - travel - overhead, within(0.05));
        // a drill-down keeps the line's figures: its customers add up to it
        JsonNode customers = sample.json("profitability", "--by", "customer", "--where", "line=HVAC");
        assertThat(customers.get("total").get("margin").asDouble())
                .isCloseTo(row.get("margin").asDouble(), within(0.05));
    }

    @Test
    void techniciansCountTheJobsAndCallbacksSqlFinds() throws Exception {
        JsonNode t = sample.json("technicians");
        double jobs = sample.sql("SELECT COUNT(*) FROM (" + JOBS + ") WHERE technician_id IS NOT NULL");
        assertThat(t.get("team").get("jobs").asInt()).isEqualTo((int) jobs);
        double called = sample.sql("SELECT COUNT(*) FROM (" + JOBS + ") j WHERE j.technician_id IS NOT NULL"
                + " AND j.callback_of_job_id IS NULL AND EXISTS (SELECT 1 FROM job c WHERE c.callback_of_job_id = j.id"
                + " AND c.requested_at < TIMESTAMP '2026-01-01 00:00:00')");
        assertThat(t.get("team").get("callbacks").asInt()).isEqualTo((int) called);
        // the 24 technicians and the 2025 poor hire
        assertThat(t.get("technicians")).hasSize(25);
        assertThat(t.get("weights").get("quality").asDouble()).isEqualTo(0.4);
        JsonNode trades = sample.json("technicians", "--by", "trade");
        assertThat(trades.get("technicians")).hasSize(5);
    }
}
