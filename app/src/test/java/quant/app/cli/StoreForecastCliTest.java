package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;

/**
 * {@code quant forecast demand|revenue|cashflow} on the sample company: the history each forecast
 * starts from agrees with SQL written independently, and the seasonality the generator builds in
 * (samples/README.md) comes out of the demand forecast.
 */
class StoreForecastCliTest {
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

    private static JsonNode line(JsonNode lines, String code) {
        for (JsonNode l : lines) {
            if (l.get("line").asText().equals(code)) {
                return l;
            }
        }
        throw new AssertionError("no line " + code);
    }

    /**
     * Every forecast series of the sample (demand per line, revenue, cash flow): the model that
     * forecasts has the structure the backtest scored, the bands are non-negative, and the calibration
     * says how the bands held in the backtest.
     */
    @Test
    void everySeriesIsForecastByTheModelItsBacktestScoredWithNonNegativeBands() throws Exception {
        java.util.List<JsonNode> forecasts = new java.util.ArrayList<>();
        for (String kind : java.util.List.of("demand", "revenue", "cashflow")) {
            collectForecasts(json("forecast", kind), forecasts);
        }
        assertThat(forecasts).hasSizeGreaterThanOrEqualTo(6);
        for (JsonNode f : forecasts) {
            String chosen = f.get("chosen").asText();
            for (JsonNode score : f.get("backtest")) {
                if (score.get("method").asText().equals(chosen)) {
                    assertThat(f.get("model").asText())
                            .isEqualTo(score.get("model").asText());
                }
            }
            assertThat(f.get("nonNegative").asBoolean()).isTrue();
            assertThat(f.get("calibration").get("note").asText()).isNotBlank();
            for (JsonNode p : f.get("forecast")) {
                assertThat(p.get("lower").get("95").asDouble()).isGreaterThanOrEqualTo(0);
                assertThat(p.get("mean").asDouble())
                        .isBetween(
                                p.get("lower").get("80").asDouble(),
                                p.get("upper").get("80").asDouble());
            }
        }
    }

    private static void collectForecasts(JsonNode node, java.util.List<JsonNode> out) {
        if (node.isObject() && node.has("chosen") && node.has("backtest")) {
            out.add(node);
            return;
        }
        for (JsonNode child : node) {
            collectForecasts(child, out);
        }
    }

    @Test
    void demandRecoversTheSeasonsBuiltIntoTheSample() throws Exception {
        JsonNode r = json("forecast", "demand");
        assertThat(r.get("asOf").asText()).isEqualTo("2025-12-31");
        assertThat(r.get("lines")).hasSize(5);
        JsonNode hvac = line(r.get("lines"), "HVAC").get("seasonalIndex");
        // Generator: HVAC 1.55 in January and 1.7 in July against 0.65 in April and October.
        assertThat(hvac.get(0).asDouble() + hvac.get(6).asDouble())
                .isGreaterThan(1.8 * (hvac.get(3).asDouble() + hvac.get(9).asDouble()));
        JsonNode land = line(r.get("lines"), "LAND").get("seasonalIndex");
        // Landscaping 2.0–2.1 in April–May against 0.25–0.35 in November–February.
        assertThat(land.get(3).asDouble() + land.get(4).asDouble())
                .isGreaterThan(3 * (land.get(10).asDouble() + land.get(11).asDouble()));

        // History: jobs requested in July 2025 that were not cancelled.
        JsonNode history = line(r.get("lines"), "HVAC").get("jobs").get("history");
        double july = 0;
        for (JsonNode m : history) {
            if (m.get("period").asText().equals("2025-07")) {
                july = m.get("value").asDouble();
            }
        }
        assertThat(july)
                .isEqualTo(sql("select count(*) from job j join service_line l on l.id = j.service_line_id"
                        + " where l.code = 'HVAC' and j.status <> 'cancelled'"
                        + " and j.requested_at >= '2025-07-01' and j.requested_at < '2025-08-01'"));

        // Capacity: hours recorded on HVAC jobs completed in July 2025, with their travel.
        JsonNode capacity = r.get("capacity").get(0);
        assertThat(capacity.get("skill").asText()).isEqualTo("HVAC");
        JsonNode julyCapacity = capacity.get("months").get(6);
        assertThat(julyCapacity.get("period").asText()).isEqualTo("2025-07");
        assertThat(julyCapacity.get("neededHours").asDouble())
                .isCloseTo(
                        sql(
                                "select sum(coalesce(j.actual_hours, j.estimated_hours) + coalesce(j.travel_minutes, 0) / 60.0)"
                                        + " from job j join service_line l on l.id = j.service_line_id"
                                        + " where l.code = 'HVAC' and j.status = 'completed'"
                                        + " and j.completed_at >= '2025-07-01' and j.completed_at < '2025-08-01'"),
                        within(0.01));
        assertThat(r.get("capacity").get(0).get("months")).hasSize(24);
    }

    @Test
    void revenueStartsFromTheRecordedMonthsAndTheClosedDeals() throws Exception {
        JsonNode r = json("forecast", "revenue");
        JsonNode history = r.get("jobRevenue").get("history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("period").asText()).isEqualTo("2025-12");
        assertThat(last.get("value").asDouble())
                .isCloseTo(
                        sql("select sum(revenue) from job where status = 'completed'"
                                + " and completed_at >= '2025-12-01' and completed_at < '2026-01-01'"),
                        within(0.01));
        JsonNode windows = r.get("windows");
        assertThat(windows).hasSize(3);
        assertThat(windows.get(0).get("days").asInt()).isEqualTo(30);
        assertThat(windows.get(2).get("days").asInt()).isEqualTo(365);
        int booked = 0;
        for (JsonNode l : r.get("lines")) {
            booked += l.get("scheduledJobs").asInt();
        }
        assertThat((double) booked)
                .isEqualTo(sql("select count(*) from job where status = 'scheduled' and estimated_hours is not null"
                        + " and callback_of_job_id is null"));
        // The first stage's rate is the overall win rate of the closed deals.
        JsonNode first = r.get("stages").get(0);
        assertThat(first.get("stage").asText()).isEqualTo("new");
        assertThat(first.get("winRate").asDouble())
                .isCloseTo(
                        sql("select 1.0 * count(case when outcome = 'won' then 1 end) / count(*) from deal"
                                + " where outcome <> 'open'"),
                        within(1e-9));
        double open = 0;
        for (JsonNode s : r.get("stages")) {
            open += s.get("openDeals").asInt();
        }
        assertThat(open).isEqualTo(sql("select count(*) from deal where outcome = 'open' and amount > 0"));
    }

    @Test
    void cashFlowShowsABalanceOnlyOnceOpeningCashIsSet() throws Exception {
        // the sample sets its opening cash: take it away first
        InProcessQuant.Run noCash =
                InProcessQuant.quant("--db", sample.path(), "settings", "reset", "cash.openingBalance");
        assertThat(noCash.code()).as(noCash.err()).isZero();
        JsonNode flows = json("forecast", "cashflow");
        assertThat(flows.get("openingCash").isNull()).isTrue();
        assertThat(flows.get("weeks").get(0).get("balance").isNull()).isTrue();
        assertThat(flows.get("notes").get(0).asText()).startsWith("No opening cash balance is set");
        assertThat(flows.get("openInvoices").get("outstanding").asDouble())
                .isCloseTo(
                        sql("select sum(i.amount - coalesce((select sum(p.amount) from payment p"
                                + " where p.invoice_id = i.id), 0)) from invoice i where i.status <> 'void'"
                                + " and i.amount - coalesce((select sum(p.amount) from payment p"
                                + " where p.invoice_id = i.id), 0) > 0.005"),
                        within(0.01));

        InProcessQuant.Run set =
                InProcessQuant.quant("--db", sample.path(), "settings", "set", "cash.openingBalance=250000");
        assertThat(set.code()).as(set.err()).isZero();
        JsonNode withCash = json("forecast", "cashflow");
        assertThat(withCash.get("openingCash").asDouble()).isEqualTo(250_000.0);
        JsonNode weeks = withCash.get("weeks");
        assertThat(weeks).hasSize(13);
        JsonNode last = weeks.get(12);
        assertThat(last.get("balance").asDouble())
                .isCloseTo(250_000 + last.get("cumulativeNet").asDouble(), within(0.02));
        // the balance's bounds widen week by week, the 95 % band outside the 80 % one
        double previous = 0;
        for (JsonNode w : weeks) {
            double width80 =
                    w.get("balanceUpper80").asDouble() - w.get("balanceLower80").asDouble();
            assertThat(width80).as(w.get("start").asText()).isGreaterThan(previous);
            assertThat(w.get("balanceLower95").asDouble())
                    .isLessThan(w.get("balanceLower80").asDouble());
            assertThat(w.get("balanceUpper95").asDouble())
                    .isGreaterThan(w.get("balanceUpper80").asDouble());
            previous = width80;
        }
        // every open invoice's money is expected in the horizon, later, or doubtful, listed by age
        JsonNode open = withCash.get("openInvoices");
        assertThat(open.get("expected").asDouble()
                        + open.get("later").asDouble()
                        + open.get("doubtful").asDouble())
                .isCloseTo(open.get("outstanding").asDouble(), within(0.05));
        double byAge = 0;
        for (JsonNode band : open.get("doubtfulByAge")) {
            byAge += band.get("amount").asDouble();
        }
        assertThat(byAge).isCloseTo(open.get("doubtful").asDouble(), within(0.05));
        assertThat(open.get("doubtful").asDouble()).isPositive();
        Map<String, Double> totals = new HashMap<>();
        withCash.get("totals")
                .fields()
                .forEachRemaining(e -> totals.put(e.getKey(), e.getValue().asDouble()));
        assertThat(totals.get("net"))
                .isCloseTo(
                        totals.get("collectionsOpen")
                                + totals.get("collectionsForecast")
                                - totals.get("jobCosts")
                                - totals.get("fixedExpenses")
                                - totals.get("variableExpenses")
                                - totals.get("marketing"),
                        within(0.05));
        // --opening-cash overrides the setting for one run; a bad amount is a usage error.
        assertThat(json("forecast", "cashflow", "--opening-cash", "1000")
                        .get("openingCash")
                        .asDouble())
                .isEqualTo(1000.0);
        InProcessQuant.Run bad =
                InProcessQuant.quant("--db", sample.path(), "forecast", "cashflow", "--opening-cash", "lots");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("Opening cash balance must be an amount of money");
        InProcessQuant.Run reset =
                InProcessQuant.quant("--db", sample.path(), "settings", "reset", "cash.openingBalance");
        assertThat(reset.code()).as(reset.err()).isZero();
    }

    @Test
    void aSavedForecastIsComparedWithTheMonthsSinceAndCanBeDeleted() throws Exception {
        InProcessQuant.Run save = InProcessQuant.quant(
                "--db",
                sample.path(),
                "forecast",
                "revenue",
                "--as-of",
                "2025-06-30",
                "--model",
                "snaive",
                "--save",
                "--note",
                "mid-year",
                "--json");
        assertThat(save.code()).as(save.err()).isZero();
        assertThat(save.err()).startsWith("Saved forecast ");
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(save.out()); // stdout stays one JSON document
        long id = Long.parseLong(save.err().replaceAll("(?s)Saved forecast (\\d+):.*", "$1"));

        JsonNode saved = json("forecast", "saved");
        assertThat(saved.get("dataAsOf").asText()).isEqualTo("2025-12-31");
        JsonNode run = null;
        for (JsonNode r : saved.get("runs")) {
            if (r.get("id").asLong() == id) {
                run = r;
            }
        }
        assertThat(run).isNotNull();
        assertThat(run.get("note").asText()).isEqualTo("mid-year");
        assertThat(run.get("compared").asInt()).isEqualTo(6);
        // Seasonal naive: July 2025 was forecast as July 2024's revenue; the actual is July 2025's.
        JsonNode july = run.get("months").get(0);
        assertThat(july.get("month").asText()).isEqualTo("2025-07");
        assertThat(july.get("mean").asDouble())
                .isCloseTo(
                        sql("select sum(revenue) from job where status = 'completed'"
                                + " and completed_at >= '2024-07-01' and completed_at < '2024-08-01'"),
                        within(0.01));
        assertThat(july.get("actual").asDouble())
                .isCloseTo(
                        sql("select sum(revenue) from job where status = 'completed'"
                                + " and completed_at >= '2025-07-01' and completed_at < '2025-08-01'"),
                        within(0.01));
        assertThat(run.get("months").get(6).get("actual").isNull()).isTrue();

        InProcessQuant.Run delete =
                InProcessQuant.quant("--db", sample.path(), "forecast", "saved", "--delete", String.valueOf(id));
        assertThat(delete.code()).as(delete.err()).isZero();
        InProcessQuant.Run again =
                InProcessQuant.quant("--db", sample.path(), "forecast", "saved", "--delete", String.valueOf(id));
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("There is no saved forecast " + id + ".");
    }
}
