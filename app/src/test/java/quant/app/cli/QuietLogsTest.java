package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.ForkedQuant;

/**
 * A data folder that cannot be written (its path runs through a file, which no user, root included,
 * can make a folder in): the logging library says nothing, standard output carries only the result,
 * so {@code --json} still parses, and an error does not point at a log that cannot exist.
 */
class QuietLogsTest {
    @TempDir
    Path dir;

    private String[] run(Path home, String... args) throws Exception {
        List<String> cmd = ForkedQuant.command(home, List.of("-XX:TieredStopAtLevel=1"), List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = ForkedQuant.process(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("answered").isTrue();
        return new String[] {String.valueOf(p.exitValue()), Files.readString(out), Files.readString(err)};
    }

    @Test
    void anUnwritableDataFolderLeavesTheOutputClean() throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "not a folder");
        Path home = blocker.resolve("home"); // can never be created
        Path db = dir.resolve("shop.mv.db");
        Path profile = Files.writeString(
                dir.resolve("p.json"),
                "{\"table\": \"customer\", \"source\": \"t\", \"key\": [\"id\"],"
                        + " \"columns\": [{\"from\": \"name\", \"to\": \"name\"}]}");
        Path one = Files.writeString(dir.resolve("one.csv"), "id,name\nC1,Ada\n");
        String[] imported = run(home, "--db", db.toString(), "import", one.toString(), "--mapping", profile.toString());
        assertThat(imported[0]).as(imported[2]).isEqualTo("0");

        String[] info = run(home, "--db", db.toString(), "info", "--json");
        assertThat(info[0]).as(info[2]).isEqualTo("0");
        assertThat(info[2]).as("standard error").isEmpty();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(info[1]);
        assertThat(json.get("tables").get("customer").asLong()).isEqualTo(1);

        String[] missing = run(home, "--db", dir.resolve("none.mv.db").toString(), "info");
        assertThat(missing[0]).isEqualTo("2");
        assertThat(missing[1]).as("standard output").isEmpty();
        assertThat(missing[2].strip().lines()).hasSize(1);
    }
}
