package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;

/**
 * {@code quant pipeline --json} on the public CRM data, against figures computed here from the raw
 * CSV with no part of the workbench: stage counts, won, lost, win rate, won value and the average
 * days from engagement to close (the data have no creation dates).
 */
class PipelineCliTest {
    static final Path CRM = Path.of("..", "..", "shared", "benchdata", "crm_sales_pipeline");
    static final Path PROFILES = Path.of("..", "samples", "mappings", "crm-sales-opportunities");

    @TempDir
    Path dir;

    /** The raw file's figures. */
    record Raw(Map<String, Integer> stages, int won, int lost, double wonValue, double daysWon, double daysAll) {}

    static Raw raw() throws Exception {
        List<String> lines = Files.readAllLines(CRM.resolve("sales_pipeline.csv"));
        DateTimeFormatter mdy = DateTimeFormatter.ofPattern("M/d/yyyy");
        Map<String, Integer> stages = new TreeMap<>();
        int won = 0;
        int lost = 0;
        double wonValue = 0;
        double wonDays = 0;
        double allDays = 0;
        for (String line : lines.subList(1, lines.size())) {
            // opportunity_id, sales_agent, product, account, deal_stage, engage_date, close_date, close_value
            String[] f = line.split(",", -1);
            String stage = f[4];
            stages.merge(stage.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            if (stage.equals("Won") || stage.equals("Lost")) {
                long days = ChronoUnit.DAYS.between(LocalDate.parse(f[5], mdy), LocalDate.parse(f[6], mdy));
                allDays += days;
                if (stage.equals("Won")) {
                    won++;
                    wonDays += days;
                    wonValue += Double.parseDouble(f[7]);
                } else {
                    lost++;
                }
            }
        }
        return new Raw(stages, won, lost, wonValue, wonDays / won, allDays / (won + lost));
    }

    @Test
    void theCrmPipelineAgreesWithTheRawFile() throws Exception {
        Assumptions.assumeTrue(
                Files.isDirectory(CRM),
                "../shared/benchdata/crm_sales_pipeline is absent: the CRM pipeline test is skipped");
        String db = dir.resolve("crm").toString();
        for (String stem : List.of("accounts", "products", "sales_teams", "sales_pipeline")) {
            InProcessQuant.Run run = InProcessQuant.quant(
                    "--db",
                    db,
                    "import",
                    CRM.resolve(stem + ".csv").toString(),
                    "--mapping",
                    PROFILES.resolve(stem + ".json").toString());
            assertThat(run.code()).as(stem + ": " + run.err()).isZero();
        }
        InProcessQuant.Run run = InProcessQuant.quant("--db", db, "pipeline", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode p = new ObjectMapper().readTree(run.out());
        Raw raw = raw();

        assertThat(p.get("dealCount").asInt()).isEqualTo(8_800);
        Map<String, Integer> stages = new TreeMap<>();
        p.get("stageCounts")
                .properties()
                .forEach(e -> stages.put(e.getKey(), e.getValue().asInt()));
        assertThat(stages).isEqualTo(raw.stages());
        assertThat(p.get("won").asInt()).isEqualTo(raw.won());
        assertThat(p.get("lost").asInt()).isEqualTo(raw.lost());
        assertThat(p.get("open").asInt()).isEqualTo(8_800 - raw.won() - raw.lost());
        assertThat(p.get("winRate").asDouble()).isCloseTo(raw.won() / (double) (raw.won() + raw.lost()), within(1e-12));
        assertThat(p.get("wonValue").asDouble()).isCloseTo(raw.wonValue(), within(0.005));
        assertThat(p.get("avgDaysToCloseWon").asDouble()).isCloseTo(raw.daysWon(), within(1e-9));
        assertThat(p.get("avgDaysToCloseAll").asDouble()).isCloseTo(raw.daysAll(), within(1e-9));
        assertThat(p.has("weightedOpenValue")).isTrue();

        InProcessQuant.Run byRep = InProcessQuant.quant("--db", db, "pipeline", "--by", "rep", "--json");
        JsonNode groups = new ObjectMapper().readTree(byRep.out()).get("groups");
        assertThat(groups).hasSize(30);
        int won = 0;
        for (JsonNode g : groups) {
            won += g.get("summary").get("won").asInt();
        }
        assertThat(won).isEqualTo(raw.won());
    }

    @Test
    void anUnknownBreakdownIsAUsageProblemInOneSentence() {
        InProcessQuant.Run run =
                InProcessQuant.quant("--db", dir.resolve("none").toString(), "pipeline", "--by", "region");
        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("rep, source, product or quarter");
    }
}
