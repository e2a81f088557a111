package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static quant.app.InProcessQuant.quant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;

/** {@code quant stats survival|weibull} on the textbook data sets, and their refusals. */
class StatsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The 6-MP arm of Freireich et al. (1963) and its placebo arm (all relapsed), weeks in remission. */
    private Path leukaemia() throws Exception {
        StringBuilder csv = new StringBuilder("weeks,relapse,arm\n");
        String[] mp = {
            "6", "6", "6", "6+", "7", "9+", "10", "10+", "11+", "13", "16", "17+", "19+", "20+", "22", "23", "25+",
            "32+", "32+", "34+", "35+"
        };
        for (String t : mp) {
            csv.append(t.replace("+", ""))
                    .append(',')
                    .append(t.endsWith("+") ? "no" : "yes")
                    .append(",6-MP\n");
        }
        for (int t : new int[] {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23}) {
            csv.append(t).append(",yes,placebo\n");
        }
        return Files.writeString(dir.resolve("leukaemia.csv"), csv);
    }

    @Test
    void survivalReproducesTheSixMpCurveByGroup() throws Exception {
        InProcessQuant.Run run = quant(
                "stats",
                "survival",
                leukaemia().toString(),
                "--time",
                "weeks",
                "--event",
                "relapse",
                "--group",
                "arm",
                "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode groups = JSON.readTree(run.out()).get("groups");
        assertThat(groups).hasSize(2);
        JsonNode mp = groups.get(0);
        assertThat(mp.get("group").asText()).isEqualTo("6-MP");
        assertThat(mp.get("events").asInt()).isEqualTo(9);
        assertThat(mp.get("median").asDouble()).isEqualTo(23);
        double[] published = {0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448};
        for (int k = 0; k < published.length; k++) {
            assertThat(mp.get("steps").get(k).get("survival").asDouble()).isCloseTo(published[k], within(0.0005));
        }
        // every placebo patient relapsed: the curve reaches 0 at 23 weeks, median 8
        JsonNode placebo = groups.get(1);
        assertThat(placebo.get("median").asDouble()).isEqualTo(8);
        assertThat(placebo.get("steps")
                        .get(placebo.get("steps").size() - 1)
                        .get("survival")
                        .asDouble())
                .isZero();
        InProcessQuant.Run text = quant(
                "stats", "survival", leukaemia().toString(), "--time", "weeks", "--event", "relapse", "--group", "arm");
        assertThat(text.out()).contains("Median, 6-MP").contains("0.4482");
    }

    @Test
    void weibullReproducesTheBallBearings() throws Exception {
        StringBuilder csv = new StringBuilder("mrev,failed\n");
        for (double t : new double[] {
            17.88, 28.92, 33.00, 41.52, 42.12, 45.60, 48.48, 51.84, 51.96, 54.12, 55.56, 67.80, 68.64, 68.64, 68.88,
            84.12, 93.12, 98.64, 105.12, 105.84, 127.92, 128.04, 173.40
        }) {
            csv.append(t).append(",1\n");
        }
        Path file = Files.writeString(dir.resolve("bearings.csv"), csv);
        InProcessQuant.Run run =
                quant("stats", "weibull", file.toString(), "--time", "mrev", "--event", "failed", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode w = JSON.readTree(run.out());
        assertThat(w.get("shape").asDouble()).isCloseTo(2.10, within(0.005));
        assertThat(w.get("scale").asDouble()).isCloseTo(81.87, within(0.05));
        assertThat(w.get("shapeLower").asDouble()).isLessThan(2.10);
        assertThat(w.get("shapeUpper").asDouble()).isGreaterThan(2.10);
        assertThat(w.get("logLikelihood").isNumber()).isTrue();
        assertThat(w.get("events").asInt()).isEqualTo(23);
    }

    @Test
    void delayedEntriesAreReadAndChecked() throws Exception {
        Path ok = Files.writeString(dir.resolve("entries.csv"), "age,failed,since\n2,1,0\n3,1,1\n4,0,2.5\n5,1,0\n");
        InProcessQuant.Run run = quant(
                "stats", "survival", ok.toString(), "--time", "age", "--event", "failed", "--entry", "since", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode steps = JSON.readTree(run.out()).get("groups").get(0).get("steps");
        // at age 2 the subject entering at 2.5 is not yet at risk: 3 at risk, S = 2/3
        assertThat(steps.get(0).get("atRisk").asInt()).isEqualTo(3);
        assertThat(steps.get(0).get("survival").asDouble()).isCloseTo(2.0 / 3, within(1e-9));

        Path bad = Files.writeString(dir.resolve("bad.csv"), "age,failed,since\n2,1,0\n3,1,4\n");
        InProcessQuant.Run before =
                quant("stats", "survival", bad.toString(), "--time", "age", "--event", "failed", "--entry", "since");
        assertThat(before.code()).isEqualTo(2);
        assertThat(before.err().strip())
                .isEqualTo("quant: bad.csv, line 3: the entry 4 is not before the time 3 (a subject"
                        + " is observed from its entry to its time).");
    }

    @Test
    void badInputIsOneSentence() throws Exception {
        Path file = Files.writeString(dir.resolve("lives.csv"), "t,failed\n5,1\n8,maybe\n");
        InProcessQuant.Run flag = quant("stats", "weibull", file.toString(), "--time", "t", "--event", "failed");
        assertThat(flag.code()).isEqualTo(2);
        assertThat(flag.err().strip())
                .isEqualTo(
                        "quant: lives.csv, line 3: failed 'maybe' is not an event flag (1 or 0, true or false, yes or no).");
        InProcessQuant.Run column = quant("stats", "survival", file.toString(), "--time", "hours", "--event", "failed");
        assertThat(column.code()).isEqualTo(2);
        assertThat(column.err().strip()).isEqualTo("quant: lives.csv has no column hours (its header is t,failed).");
        Path one = Files.writeString(dir.resolve("one.csv"), "t,failed\n5,1\n8,0\n9,0\n");
        InProcessQuant.Run thin = quant("stats", "weibull", one.toString(), "--time", "t", "--event", "failed");
        assertThat(thin.code()).isEqualTo(1);
        assertThat(thin.err().strip())
                .isEqualTo("quant: A Weibull fit needs at least two failures; these data have 1.");
    }
}
