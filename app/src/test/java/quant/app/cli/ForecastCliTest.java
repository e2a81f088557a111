package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static quant.app.InProcessQuant.quant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant.Run;

/** {@code quant forecast series} and {@code quant forecast evaluate} end to end. */
class ForecastCliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Four years of monthly jobs with a summer peak and a gentle trend, one month missing. */
    private Path monthly() throws Exception {
        StringBuilder csv = new StringBuilder("month,jobs,notes\n");
        for (int t = 0; t < 48; t++) {
            if (t == 20) {
                continue;
            }
            double v = 100 + t + 30 * Math.sin(2 * Math.PI * (t - 3) / 12) + ((t * 37) % 9 - 4);
            csv.append(String.format(Locale.ROOT, "%d-%02d,%.1f,x%n", 2021 + t / 12, t % 12 + 1, v));
        }
        Path file = dir.resolve("jobs.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void seriesPrintsTheModelParametersAndBandsAsJson() throws Exception {
        Run run = quant("forecast", "series", monthly().toString(), "--horizon", "6", "--model", "ets", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("frequency").asText()).isEqualTo("month");
        assertThat(r.get("season").asInt()).isEqualTo(12);
        assertThat(r.get("points").asInt()).isEqualTo(48);
        assertThat(r.get("model").asText()).startsWith("ETS(");
        assertThat(r.get("parameters").has("alpha")).isTrue();
        assertThat(r.get("checks").get(0).get("check").asText()).isEqualTo("missing");
        assertThat(r.get("checks").get(0).get("periods").get(0).asText()).isEqualTo("2022-09");
        JsonNode first = r.get("forecast").get(0);
        assertThat(first.get("period").asText()).isEqualTo("2025-01");
        double mean = first.get("mean").asDouble();
        assertThat(first.get("lower").get("95").asDouble())
                .isLessThan(first.get("lower").get("80").asDouble());
        assertThat(first.get("lower").get("80").asDouble()).isLessThan(mean);
        assertThat(first.get("upper").get("95").asDouble())
                .isGreaterThan(first.get("upper").get("80").asDouble());
        assertThat(r.get("forecast")).hasSize(6);
    }

    @Test
    void autoShowsItsBacktestAndReason() throws Exception {
        Run run = quant("forecast", "series", monthly().toString(), "--horizon", "3", "--level", "90", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("method").asText()).isEqualTo("auto");
        assertThat(r.get("reason").asText())
                .contains("had the lowest scaled error over 3 rolling origins of 3 periods");
        assertThat(r.get("backtest").size()).isGreaterThanOrEqualTo(6);
        assertThat(r.get("backtest").get(0).get("method").asText()).isEqualTo("naive");
        assertThat(r.get("forecast").get(0).get("lower").has("90")).isTrue();
        Run text = quant("forecast", "series", monthly().toString(), "--horizon", "3");
        assertThat(text.out()).contains("← chosen").contains("2025-03");
    }

    @Test
    void arimaNamesItsOrders() throws Exception {
        Run run = quant("forecast", "series", monthly().toString(), "--horizon", "2", "--model", "arima", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("model").asText())
                .matches("ARIMA\\(\\d,\\d,\\d\\)(\\(\\d,\\d,\\d\\)\\[12\\])?.*");
    }

    @Test
    void badInputIsOneSentenceAndAnExitCode() throws Exception {
        Path dup = dir.resolve("dup.csv");
        Files.writeString(dup, "month,jobs\n2024-01,10\n2024-02,11\n2024-01,12\n");
        Run run = quant("forecast", "series", dup.toString(), "--horizon", "2");
        assertThat(run.code()).isEqualTo(CliErrors.DATA);
        assertThat(run.err()).contains("row 4: the date 2024-01-01 is also on row 2");
        Path text = dir.resolve("text.csv");
        Files.writeString(text, "month,jobs\n2024-01,10\n2024-02,eleven\n2024-03,12\n");
        run = quant("forecast", "series", text.toString(), "--horizon", "2", "--value-column", "jobs");
        assertThat(run.err()).contains("row 3, column jobs: \"eleven\" is not a number");
        run = quant("forecast", "series", monthly().toString(), "--horizon", "2", "--model", "prophet");
        assertThat(run.code()).isEqualTo(CliErrors.USAGE);
        assertThat(run.err()).contains("There is no forecasting method \"prophet\"");
        run = quant(
                "forecast",
                "series",
                monthly().toString(),
                "--horizon",
                "2",
                "--model",
                "holt-winters",
                "--season",
                "40");
        assertThat(run.code()).isEqualTo(CliErrors.DATA);
        assertThat(run.err()).contains("Holt-Winters needs a season and two full seasons");
    }

    @Test
    void fileProblemsAreDataErrorsNamingRowAndColumn() throws Exception {
        java.util.Map<String, String> said = new java.util.LinkedHashMap<>();
        said.put(
                "month,jobs\n2024-01,10\n2024-02,Infinity\n2024-03,12\n",
                "row 3, column jobs: \"Infinity\" is not a finite number.");
        said.put(
                "month,jobs\n2024-01,10\n2024-02,1e308\n2024-03,12\n",
                "row 3, column jobs: \"1e308\" is beyond ±1,000,000,000,000,000, too large to forecast.");
        said.put(
                "day,jobs\n2024-02-28,10\n2024-02-30,11\n2024-03-01,12\n",
                "row 3, column day: \"2024-02-30\" is not a day of the calendar.");
        said.put("", "is empty.");
        said.put("month,jobs\n", "has a header but no rows.");
        said.put(
                "day,jobs\n2024-01-01,1\n2024-01-02,1\n2199-12-31,2\n",
                "spans 64,283 days from 2024-01-01 to 2199-12-31; a forecast takes at most 20,000 periods.");
        int k = 0;
        for (var e : said.entrySet()) {
            Path file = Files.writeString(dir.resolve("bad" + k++ + ".csv"), e.getKey());
            Run run = quant("forecast", "series", file.toString(), "--horizon", "2");
            assertThat(run.code()).as(e.getValue()).isEqualTo(CliErrors.DATA);
            assertThat(run.err().strip())
                    .startsWith("quant: " + file)
                    .endsWith(e.getValue())
                    .doesNotContain("..");
            assertThat(run.err().strip().lines()).hasSize(1);
        }
        StringBuilder many = new StringBuilder("value\n");
        for (int i = 0; i <= quant.core.forecast.SeriesFile.MAX_ROWS; i++) {
            many.append(i % 7).append('\n');
        }
        Path big = Files.writeString(dir.resolve("big.csv"), many);
        Run run = quant("forecast", "series", big.toString(), "--horizon", "2");
        assertThat(run.code()).isEqualTo(CliErrors.DATA);
        assertThat(run.err()).contains("has more than 20,000 rows; a forecast takes at most that many periods");
    }

    @Test
    void evaluateScoresInTheM4LayoutWithOwaAgainstNaive2() throws Exception {
        StringBuilder train = new StringBuilder("V1");
        for (int i = 2; i <= 41; i++) {
            train.append(",V").append(i);
        }
        train.append('\n');
        StringBuilder test = new StringBuilder("V1,V2,V3,V4,V5\n");
        for (int s = 1; s <= 3; s++) {
            train.append("W").append(s);
            for (int t = 0; t < 40; t++) {
                train.append(',').append(50 * s + 2 * t + (t * 13 % 5));
            }
            train.append('\n');
            test.append("W").append(s);
            for (int t = 40; t < 44; t++) {
                test.append(',').append(50 * s + 2 * t + (t * 13 % 5));
            }
            test.append('\n');
        }
        Path trainFile = dir.resolve("train.csv");
        Path testFile = dir.resolve("test.csv");
        Files.writeString(trainFile, train);
        Files.writeString(testFile, test);
        Run run = quant(
                "forecast",
                "evaluate",
                "--train",
                trainFile.toString(),
                "--test",
                testFile.toString(),
                "--horizon",
                "4",
                "--season",
                "1",
                "--models",
                "naive,drift",
                "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("series").asInt()).isEqualTo(3);
        JsonNode models = r.get("models");
        assertThat(models.get(0).get("model").asText()).isEqualTo("naive2");
        assertThat(models.get(0).get("owa").asDouble()).isCloseTo(1.0, within(1e-12));
        // a trending series: drift beats the naive methods
        assertThat(models.get(2).get("model").asText()).isEqualTo("drift");
        assertThat(models.get(2).get("owa").asDouble())
                .isLessThan(models.get(1).get("owa").asDouble());
        Run text = quant(
                "forecast",
                "evaluate",
                "--train",
                trainFile.toString(),
                "--test",
                testFile.toString(),
                "--horizon",
                "4",
                "--season",
                "1",
                "--models",
                "theta");
        assertThat(text.out())
                .contains("3 series, horizon 4, season 1")
                .contains("OWA")
                .contains("Theta");
    }

    @Test
    void aSeriesForecastIsWrittenToPdfXlsxAndCsvWithItsBoundsAndBacktest() throws Exception {
        Path series = monthly();
        Path pdf = dir.resolve("series.pdf");
        Path csv = dir.resolve("series.csv");
        Path xlsx = dir.resolve("series.xlsx");
        Run run = quant(
                "forecast",
                "series",
                series.toString(),
                "--horizon",
                "6",
                "--out",
                pdf.toString(),
                "--out",
                csv.toString(),
                "--out",
                xlsx.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo("Period,Forecast,80 % low,80 % high,95 % low,95 % high");
        assertThat(lines).hasSize(1 + 6);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                    .contains("Forecast of jobs")
                    .contains("Backtest of the methods")
                    .doesNotContain("as of");
        }
        assertThat(xlsx).exists();
        Run refused = quant("forecast", "series", series.toString(), "--horizon", "6", "--out", series.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("which is the file being read (jobs.csv); choose another file");
        Run input = quant(
                "forecast",
                "series",
                series.toString(),
                "--horizon",
                "6",
                "--out",
                dir.resolve("JOBS.CSV").toString());
        assertThat(input.code()).isEqualTo(2);
        assertThat(input.err()).contains("which is the file being read");
    }
}
