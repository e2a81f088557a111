package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static quant.app.InProcessQuant.quant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant.Run;

/** {@code quant route solomon} end to end. */
class RouteCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path C101 = Path.of("..", "..", "shared", "benchdata", "solomon_vrptw", "C101.txt");

    @Test
    void solvesASolomonInstanceAsJson() throws Exception {
        assumeTrue(Files.exists(C101), "../shared/benchdata/solomon_vrptw is absent: skipped");
        Run run = quant("route", "solomon", C101.toString(), "--seconds", "2", "--seed", "3", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("instance").asText()).isEqualTo("C101");
        assertThat(r.get("feasible").asBoolean()).isTrue();
        assertThat(r.get("problems")).isEmpty();
        assertThat(r.get("unassigned")).isEmpty();
        assertThat(r.get("seed").asLong()).isEqualTo(3);
        // the best known is 10 vehicles and 828.94
        assertThat(r.get("vehicles").asInt()).isBetween(10, 11);
        assertThat(r.get("routes")).hasSize(r.get("vehicles").asInt());
        Set<Integer> seen = new HashSet<>();
        r.get("routes")
                .forEach(route ->
                        route.forEach(c -> assertThat(seen.add(c.asInt())).isTrue()));
        assertThat(seen).hasSize(100);
        assertThat(r.get("distance").asDouble()).isBetween(828.9, 900.0);
    }

    @Test
    void printsOneLinePerRoute() throws Exception {
        assumeTrue(Files.exists(C101), "../shared/benchdata/solomon_vrptw is absent: skipped");
        Run run = quant("route", "solomon", C101.toString(), "--seconds", "1");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("C101: ").contains("feasible").contains("  route  1: [");
    }

    @Test
    void refusesAFileThatIsNotAnInstance(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("nonsense.txt");
        Files.writeString(bad, "hello\nworld\n");
        Run run = quant("route", "solomon", bad.toString(), "--seconds", "1");
        assertThat(run.code()).isEqualTo(CliErrors.DATA);
        assertThat(run.err()).contains("nonsense.txt is not a Solomon instance");
    }

    @Test
    void refusesANonsenseTimeLimit() throws Exception {
        Run run = quant("route", "solomon", "whatever.txt", "--seconds", "0");
        assertThat(run.code()).isEqualTo(QuantCommand.USAGE);
        assertThat(run.err()).contains("--seconds must be more than 0");
    }
}
