package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;
import quant.core.store.Store;

/** The analysis commands on the sample company, checked against SQL written independently of the analyses. */
class AnalysisCliTest {
    private static final Path CDNOW = Path.of("..", "..", "shared", "benchdata", "cdnow");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static String db;

    static InProcessQuant.Run quant(String... args) {
        return InProcessQuant.quant(args);
    }

    @BeforeAll
    static void loadSample() {
        db = dir.resolve("sample").toString();
        InProcessQuant.Run load = quant("--db", db, "sample", "--load");
        assertThat(load.code()).as(load.err()).isZero();
    }

    @Test
    void cohortSizesAndFirstMonthRevenueAgreeWithSql() throws Exception {
        InProcessQuant.Run run = quant("--db", db, "cohort", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("asOf").get("date").asText()).isEqualTo("2025-12-31");
        assertThat(json.get("partialPeriod").isNull()).isTrue();

        // cohort month = acquired_on, else the first completed job's month
        Map<String, Integer> sizes = new TreeMap<>();
        Map<String, Double> firstRevenue = new TreeMap<>();
        try (Store store = Store.openExisting(Path.of(db));
                Connection c = store.readConnection();
                Statement st = c.createStatement()) {
            String cohort = """
                    select c.id, formatdatetime(coalesce(c.acquired_on,
                        (select min(cast(j.completed_at as date)) from job j
                          where j.customer_id = c.id and j.status = 'completed')), 'yyyy-MM') as m
                    from customer c""";
            try (ResultSet rs =
                    st.executeQuery("select m, count(*) from (" + cohort + ") where m is not null group by m")) {
                while (rs.next()) {
                    sizes.put(rs.getString(1), rs.getInt(2));
                }
            }
            try (ResultSet rs = st.executeQuery("select k.m, sum(j.revenue) from (" + cohort + ") k join job j"
                    + " on j.customer_id = k.id and j.status = 'completed' and j.revenue > 0"
                    + " and formatdatetime(j.completed_at, 'yyyy-MM') = k.m group by k.m")) {
                while (rs.next()) {
                    firstRevenue.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        Map<String, Integer> ours = new TreeMap<>();
        int total = 0;
        for (JsonNode cohort : json.get("cohorts")) {
            String label = cohort.get("label").asText();
            ours.put(label, cohort.get("size").asInt());
            total += cohort.get("size").asInt();
            JsonNode first = cohort.get("cells").get(0);
            assertThat(first.get("revenue").asDouble())
                    .as(label)
                    .isCloseTo(firstRevenue.getOrDefault(label, 0.0), within(0.005));
            assertThat(first.get("active").asInt())
                    .isLessThanOrEqualTo(cohort.get("size").asInt());
        }
        assertThat(ours).isEqualTo(sizes);
        assertThat(json.get("customers").asInt()).isEqualTo(total);
    }

    @Test
    void aMidMonthAsOfMarksTheLastMonthPartial() throws Exception {
        InProcessQuant.Run run = quant("--db", db, "cohort", "--as-of", "2025-06-15", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("asOf").get("fromData").asBoolean()).isFalse();
        assertThat(json.get("partialPeriod").asText()).isEqualTo("2025-06");
        JsonNode cohorts = json.get("cohorts");
        JsonNode last = cohorts.get(cohorts.size() - 1);
        assertThat(last.get("label").asText()).isEqualTo("2025-06");
        assertThat(last.get("cells").get(0).get("partial").asBoolean()).isTrue();
        InProcessQuant.Run text = quant("--db", db, "cohort", "--as-of", "2025-06-15", "--period", "quarter");
        assertThat(text.out())
                .contains("* 2025-Q2 is not over at the as-of date: its figures are partial, not a drop.");
        // the monthly table of four years stays readable in a terminal: no line past 160 characters
        InProcessQuant.Run monthly = quant("--db", db, "cohort");
        assertThat(monthly.out().lines().mapToInt(String::length).max().orElse(0))
                .isLessThanOrEqualTo(quant.core.report.TextReport.LINE_WIDTH);
        assertThat(monthly.out())
                .containsPattern("\\(Age \\d+ to Age \\d+\\)")
                .contains("more rows: --out FILE.csv --table cohorts");
    }

    @Test
    void badSpecsAreOneSentenceAndExitTwo() throws Exception {
        InProcessQuant.Run period = quant("--db", db, "cohort", "--period", "week");
        assertThat(period.code()).isEqualTo(2);
        assertThat(period.err().strip().lines()).hasSize(1);
        assertThat(period.err()).contains("week");
        java.nio.file.Path summary = java.nio.file.Files.createTempFile("summary", ".csv");
        InProcessQuant.Run model = quant("clv", "fit", "--model", "bgnbd2", "--summary", summary.toString());
        java.nio.file.Files.delete(summary);
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).contains("bgnbd2");
    }

    @Test
    void clvFitReproducesTheCdnowEstimatesFromTheTransactionLog() throws Exception {
        Path sample = CDNOW.resolve("CDNOW_sample.txt");
        assumeTrue(Files.exists(sample), "../shared/benchdata/cdnow is absent: skipped");
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        for (String line : Files.readAllLines(sample)) {
            String[] f = line.strip().split("\\s+");
            csv.append(f[1]).append(',').append(f[2]).append(',').append(f[4]).append('\n');
        }
        Path log = Files.writeString(dir.resolve("cdnow.csv"), csv);
        InProcessQuant.Run run = quant(
                "clv",
                "fit",
                "--model",
                "bgnbd",
                "--transactions",
                log.toString(),
                "--calibration-end",
                "1997-09-30",
                "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("customers").asInt()).isEqualTo(2357);
        // Fader, Hardie & Lee (2005): r = 0.243, α = 4.414, a = 0.793, b = 2.426 (from summaries rounded to 0.01 week)
        assertThat(json.get("params").get("r").asDouble()).isCloseTo(0.243, within(0.002));
        assertThat(json.get("params").get("alpha").asDouble()).isCloseTo(4.414, within(0.02));
        assertThat(json.get("params").get("a").asDouble()).isCloseTo(0.793, within(0.005));
        assertThat(json.get("params").get("b").asDouble()).isCloseTo(2.426, within(0.02));

        InProcessQuant.Run predict = quant(
                "clv",
                "predict",
                "--model",
                "pareto-nbd",
                "--summary",
                CDNOW.resolve("cdnow_customers_summary.csv").toString(),
                "--horizon",
                "39",
                "--json");
        assertThat(predict.code()).as(predict.err()).isZero();
        JsonNode p = JSON.readTree(predict.out());
        assertThat(p.get("customers")).hasSize(2357);
        double sum = 0;
        for (JsonNode c : p.get("customers")) {
            assertThat(c.get("pAlive").asDouble()).isBetween(0.0, 1.0);
            sum += c.get("expectedTransactions").asDouble();
        }
        assertThat(p.get("totalExpectedTransactions").asDouble()).isCloseTo(sum, within(1e-6));
    }

    @Test
    void clvOnTheSampleCompanyValuesCommercialCustomersAboveResidentialOnes() throws Exception {
        InProcessQuant.Run run = quant("--db", db, "clv", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("customers").asInt()).isPositive();
        // the sample's commercial accounts buy more often and spend more (samples/README.md)
        Map<String, Double> bySegment = new TreeMap<>();
        for (JsonNode s : json.get("bySegment")) {
            bySegment.put(s.get("segment").asText(), s.get("meanClv").asDouble());
        }
        assertThat(bySegment.get("commercial")).isGreaterThan(bySegment.get("residential"));
        // the transaction model passes its own holdout check and is recommended
        JsonNode holdout = json.get("holdout");
        double predicted = holdout.get("predictedHoldout").asDouble();
        double actual = holdout.get("actualHoldout").asDouble();
        assertThat(predicted).isCloseTo(actual, within(0.2 * actual));
        assertThat(json.get("recommended").asText()).isEqualTo("probabilistic");
        // In the sample, leaving depends on events (a callback, a late payment), not on a lasting trait
        // of each customer (samples/README.md): Pareto/NBD's dropout rates lose their spread (s, β → ∞
        // along a flat ridge). Whether the search stops on that ridge or at its edge, the note says so
        // and BG/NBD is the model used.
        assertThat(json.get("probabilistic").get("note").asText())
                .contains("customers hardly differ in how fast they drop out");
        assertThat(json.get("probabilistic").get("model").asText()).isEqualTo("bgnbd");
        // one fit for all gets the total right and each segment wrong; the segment fits get each right
        JsonNode segments = json.get("segmentFit");
        assertThat(segments.get("bySegment").asBoolean()).isTrue();
        assertThat(segments.get("segmentError").asDouble())
                .isLessThan(segments.get("pooledError").asDouble());
        for (JsonNode row : segments.get("rows")) {
            assertThat(row.get("ownFit").asDouble())
                    .as(row.get("segment").asText())
                    .isCloseTo(
                            row.get("actual").asDouble(),
                            within(0.1 * row.get("actual").asDouble()));
        }
        JsonNode first = json.get("customerValues").get(0);
        assertThat(first.get("pAlive").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.get("clv").asDouble()).isPositive();
        assertThat(json.get("simpleFormula").get("clv").asDouble()).isPositive();
        assertThat(json.get("cohortCurve").get("clv").asDouble()).isPositive();

        InProcessQuant.Run text = quant("--db", db, "clv", "--method", "simple", "--top", "3");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("Simple formula")
                .doesNotContain("Cohort curve")
                .contains("Customers by future value")
                .contains("more rows: --out FILE.csv --table customers");
        InProcessQuant.Run bad = quant("--db", db, "clv", "--discount", "10");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("0.1 for 10 %");
    }

    /** One definition of the average cumulative margin per customer: cohorts, lifetime value and marketing agree. */
    @Test
    void theCohortLifetimeValueAndMarketingCurvesAgree() throws Exception {
        JsonNode cohort = JSON.readTree(
                quant("--db", db, "cohort", "--metric", "margin", "--json").out());
        JsonNode clv = JSON.readTree(quant("--db", db, "clv", "--json").out());
        JsonNode marketing =
                JSON.readTree(quant("--db", db, "marketing", "--json").out());
        for (int age = 0; age < 12; age++) {
            double c = cohort.get("average")
                    .get(age)
                    .get("cumulativeMarginPerCustomer")
                    .asDouble();
            assertThat(clv.get("cohortCurve")
                            .get("points")
                            .get(age)
                            .get("cumulativeMargin")
                            .asDouble())
                    .as("clv at age %d", age)
                    .isCloseTo(c, within(0.01));
            assertThat(marketing.get("total").get("cumulativeMargin").get(age).asDouble())
                    .as("marketing at age %d", age)
                    .isCloseTo(c, within(0.01));
        }
    }

    @Test
    void churnRiskFindsTheExperiencesTheSampleWasBuiltWith() throws Exception {
        InProcessQuant.Run run = quant("--db", db, "churn", "risk", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        Map<String, JsonNode> factors = new TreeMap<>();
        json.get("factors").forEach(f -> factors.put(f.get("name").asText(), f));
        // samples/README.md: churn ×7 after a callback, ×2.5 after a rating of 1–2, ×6 after a late payment
        for (String f : java.util.List.of("callbacks", "lowRatings", "lateInvoices")) {
            assertThat(factors.get(f).get("weight").asDouble()).as(f).isPositive();
        }
        double perMonth =
                factors.get("daysSinceLastPurchase").get("oddsRatioPerUnit").asDouble();
        double perDrop = factors.get("frequencyDrop").get("oddsRatioPerUnit").asDouble();
        // a low rating's effect lasts: it shows in the recent factor or in the lasting one, whichever carries it
        for (String[] f : java.util.List.of(
                new String[] {"callbacks", "everCallback"}, new String[] {"lowRatings", "everLowRating"})) {
            double strongest = Math.max(
                    factors.get(f[0]).get("oddsRatioPerUnit").asDouble(),
                    factors.containsKey(f[1])
                            ? factors.get(f[1]).get("oddsRatioPerUnit").asDouble()
                            : 0);
            assertThat(strongest).as(f[0]).isGreaterThan(perMonth).isGreaterThan(perDrop);
        }
        assertThat(json.get("validation").get("auc").asDouble()).isGreaterThan(0.65);
        // the causes the generator carries beyond the last year: a bad experience for good, and the segment
        Map<String, Boolean> kept = new TreeMap<>();
        json.get("candidates")
                .forEach(c -> kept.put(c.get("factor").asText(), c.get("kept").asBoolean()));
        assertThat(kept).containsEntry("everCallback", true).containsEntry("segment", true);
        // and keeping them shows on the time split (0.711 without them, 0.746 with them on the sample)
        assertThat(json.get("validation").get("auc").asDouble()).isGreaterThan(0.72);
        assertThat(factors.get("segment:commercial").get("weight").asDouble())
                .as("commercial customers churn less")
                .isNegative();
        // customers with a late or disputed invoice are scored riskier than those without
        double[] late = new double[2];
        double[] onTime = new double[2];
        for (JsonNode c : json.get("customers")) {
            double[] acc = c.get("factors").get(2).asDouble() > 0 ? late : onTime;
            acc[0] += c.get("churnProbability").asDouble();
            acc[1]++;
            if (c.get("level").asText().equals("high")) {
                assertThat(c.get("intervention").asText()).isEqualTo("immediate outreach");
            }
        }
        assertThat(late[0] / late[1]).isGreaterThan(onTime[0] / onTime[1]);
        JsonNode first = json.get("customers").get(0);
        assertThat(first.get("reasons")).isNotEmpty();

        InProcessQuant.Run evaluate = quant("churn", "evaluate", "--table", "missing.csv", "--target", "Churn");
        assertThat(evaluate.code()).isEqualTo(2);
        assertThat(evaluate.err().strip())
                .isEqualTo(
                        "quant: --table names missing.csv, which does not exist (see 'quant churn evaluate --help').");
    }

    @Test
    void segmentsPartitionTheBuyers() throws Exception {
        InProcessQuant.Run run = quant("--db", db, "segments", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        int customers = json.get("customers").asInt();
        int inSegments = 0;
        Map<String, JsonNode> segments = new TreeMap<>();
        for (JsonNode s : json.get("segments")) {
            inSegments += s.get("customers").asInt();
            segments.put(s.get("name").asText(), s);
        }
        assertThat(inSegments).isEqualTo(customers);
        int inClusters = 0;
        for (JsonNode c : json.get("clusters")) {
            inClusters += c.get("customers").asInt();
        }
        assertThat(inClusters).isEqualTo(customers);
        assertThat(json.get("trials")).hasSize(7);
        assertThat(json.get("rows")).hasSize(customers);
        // champions bought more recently and more often than the hibernating
        assertThat(segments.get("Champions").get("meanRecencyDays").asDouble())
                .isLessThan(segments.get("Hibernating").get("meanRecencyDays").asDouble());
        assertThat(segments.get("Champions").get("meanPurchases").asDouble())
                .isGreaterThan(segments.get("Hibernating").get("meanPurchases").asDouble());
        InProcessQuant.Run bad = quant("--db", db, "segments", "--max-k", "40");
        assertThat(bad.code()).isEqualTo(2);
    }
}
