package quant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import quant.app.cli.QuantCommand;
import quant.core.store.DomainTable;

/** The headless commands, run in-process as {@code quant ...} would run them. */
class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run quant(String... args) {
        CommandLine cl = QuantCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void infoJsonListsEveryDomainTableEvenWhenEmpty() throws Exception {
        Run run = quant("--db", dir.resolve("empty").toString(), "info", "--json");
        assertThat(run.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("database").asText())
                .isEqualTo(dir.resolve("empty.mv.db").toAbsolutePath().toString());
        assertThat(json.get("schemaVersion").asText()).isEqualTo("2");
        List<String> keys = new ArrayList<>();
        json.get("tables").fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
                .containsExactly(java.util.Arrays.stream(DomainTable.values())
                        .map(DomainTable::sqlName)
                        .toArray(String[]::new));
        assertThat(keys).doesNotContain("flyway_schema_history", "store_meta");
        json.get("tables").forEach(n -> assertThat(n.asLong()).isZero());
    }

    @Test
    void sampleLoadThenInfoPrintsTheSampleCompanysRowCounts() throws Exception {
        String db = dir.resolve("sample").toString();
        Run load = quant("--db", db, "sample", "--load");
        assertThat(load.code()).as(load.err()).isZero();
        assertThat(load.out()).contains("Loaded");
        JsonNode tables = new ObjectMapper()
                .readTree(quant("--db", db, "info", "--json").out())
                .get("tables");
        assertThat(tables.get("job").asLong()).isEqualTo(16_598);
        assertThat(tables.get("customer").asLong()).isEqualTo(2_957);
        assertThat(tables.get("technician").asLong()).isEqualTo(24);

        Run again = quant("--db", db, "sample", "--load");
        assertThat(again.code()).isEqualTo(QuantCommand.STORE_ERROR);
        assertThat(again.err()).contains("already holds data");
    }

    @Test
    void sampleOutWritesTheFiles() {
        Run run = quant("sample", "--out", dir.resolve("files").toString(), "--scale", "2");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(dir.resolve("files").resolve("job.csv")).isNotEmptyFile();
        assertThat(dir.resolve("files").resolve("owner-workbook.xlsx")).isNotEmptyFile();
    }

    @Test
    void aDatabaseThatIsNotOneGivesOnePlainSentenceAndExitCodeThree() throws Exception {
        Path notes = dir.resolve("notes.mv.db");
        Files.writeString(notes, "not a database");
        Run run = quant("--db", notes.toString(), "info");
        assertThat(run.code()).isEqualTo(QuantCommand.STORE_ERROR);
        assertThat(run.err().strip())
                .startsWith("quant: ")
                .contains("is not a Quant Workbench database")
                .doesNotContain("Exception");
        assertThat(Files.readString(notes)).isEqualTo("not a database");
    }

    @Test
    void aScaleBelowOneIsAUsageError() {
        assertThat(quant("sample", "--out", dir.toString(), "--scale", "0").code())
                .isEqualTo(QuantCommand.USAGE);
        assertThat(quant("sample").code()).isEqualTo(QuantCommand.USAGE);
    }
}
