package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's JSON on the sample company is honest: no "NaN" or infinity anywhere (a missing
 * figure is null), and every rate, share, coverage or probability is a fraction between 0 and 1.
 */
class HonestJsonTest {
    /**
     * Keys whose numbers are fractions by docs/cli.md's conventions. Not among them: {@code
     * recoveredShare} (margin ÷ CAC, a ratio that passes 1 once the CAC is paid back), {@code
     * revenueAtHeldShare} (money) and the Gamma-Gamma parameter {@code p}.
     */
    static final Pattern FRACTION = Pattern.compile("(?i)(.*rate|.*share|coverage\\d*|nominal\\d*|probability|pAlive"
            + "|retention|.*Retention|auc|winChance|conversion|.*Conversion|toNext|churnRisk|risk)");

    static boolean fraction(String key) {
        return FRACTION.matcher(key).matches() && !key.equals("recoveredShare") && !key.equals("revenueAtHeldShare");
    }

    @TempDir
    static Path dir;

    static SampleDb sample;

    @BeforeAll
    static void loadSample() {
        sample = SampleDb.load(dir);
    }

    @Test
    void noCommandWritesNaNInfinityOrAPercentageWhereAFractionBelongs() throws Exception {
        Path series = dir.resolve("series.csv");
        StringBuilder csv = new StringBuilder("month,value\n");
        for (int t = 0; t < 36; t++) {
            csv.append(String.format("%d-%02d,%d%n", 2023 + t / 12, t % 12 + 1, 100 + t + (t % 12 == 6 ? 40 : 0)));
        }
        Files.writeString(series, csv);
        List<String[]> commands = List.of(
                new String[] {"info"},
                new String[] {"imports"},
                new String[] {"settings"},
                new String[] {"cohort"},
                new String[] {"cohort", "--metric", "margin", "--period", "quarter"},
                new String[] {"clv"},
                new String[] {"churn", "risk"},
                new String[] {"segments"},
                new String[] {"forecast", "demand"},
                new String[] {"forecast", "revenue"},
                new String[] {"forecast", "cashflow"},
                new String[] {"forecast", "saved"},
                new String[] {"forecast", "series", series.toString(), "--horizon", "6"},
                new String[] {"pipeline"},
                new String[] {"marketing"},
                new String[] {"market"},
                new String[] {"route", "day", "--date", "2025-07-01", "--seconds", "1"});
        List<String> problems = new ArrayList<>();
        for (String[] command : commands) {
            walk(String.join(" ", command), "", sample.json(command), problems);
        }
        assertThat(problems).isEmpty();
    }

    static void walk(String command, String path, JsonNode node, List<String> problems) {
        if (node.isTextual()) {
            String t = node.asText();
            if (t.equals("NaN") || t.endsWith("Infinity")) {
                problems.add(command + ": " + path + " is \"" + t + "\"");
            }
        } else if (node.isNumber()) {
            double v = node.asDouble();
            String key = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
            if (!Double.isFinite(v)) {
                problems.add(command + ": " + path + " is " + v);
            } else if (fraction(key) && (v < 0 || v > 1)) {
                problems.add(command + ": " + path + " = " + v + " is not a fraction");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(command, path + "." + e.getKey(), e.getValue(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(command, path + "[" + i + "]", node.get(i), problems);
            }
        }
    }
}
