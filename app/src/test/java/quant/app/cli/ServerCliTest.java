package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;
import quant.core.store.ServerPasswords;
import quant.core.store.Store;
import quant.core.store.StoreCopy;
import quant.core.store.StoreLocation;
import quant.core.store.TestServers;

/**
 * The command line on a PostgreSQL server: the sample company loaded with {@code --db jdbc:postgresql://…},
 * every analysis giving the same figures as on an H2 file, {@code db copy} there and back exact, and
 * the roles refusing in one sentence what a viewer may not do.
 */
class ServerCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every analysis command that reads the database, with its arguments. */
    private static final List<List<String>> ANALYSES = List.of(
            List.of("cohort"),
            List.of("clv"),
            List.of("segments"),
            List.of("churn", "risk"),
            List.of("forecast", "demand"),
            List.of("forecast", "revenue"),
            List.of("forecast", "cashflow"),
            List.of("pipeline"),
            List.of("marketing"),
            List.of("market"),
            List.of("technicians"),
            List.of("profitability"),
            List.of("receivables"),
            List.of("finance"),
            List.of("equipment"),
            List.of("pricing"),
            List.of("kpi"),
            List.of("health"),
            List.of("alerts"),
            List.of("summary"),
            List.of("settings"));

    @TempDir
    static Path dir;

    static String file;
    static TestServers.Scratch server;

    @BeforeAll
    static void loadBoth() {
        server = TestServers.fresh("cli");
        file = dir.resolve("sample").toString();
        ok("--db", file, "sample", "--load");
        InProcessQuant.Run load = ok("--db", server.location().url(), "sample", "--load");
        assertThat(load.out()).contains("into database " + server.location().database() + " on ");
    }

    @AfterAll
    static void drop() {
        if (server != null) {
            server.close();
        }
    }

    private static InProcessQuant.Run ok(String... args) {
        InProcessQuant.Run run = InProcessQuant.quant(args);
        assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return run;
    }

    private static JsonNode json(String db, List<String> command) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--db", db));
        args.addAll(command);
        args.add("--json");
        return JSON.readTree(ok(args.toArray(String[]::new)).out());
    }

    @Test
    void everyAnalysisGivesTheSameFiguresOnTheServerAsOnAFile() throws Exception {
        for (List<String> command : ANALYSES) {
            assertThat(json(server.location().url(), command))
                    .as(String.join(" ", command))
                    .isEqualTo(json(file, command));
        }
        JsonNode info = json(server.location().url(), List.of("info"));
        assertThat(info.get("engine").asText()).isEqualTo("postgresql");
        assertThat(info.get("role").asText()).isEqualTo("admin");
        assertThat(info.get("schemaVersion").asText()).isEqualTo("13");
        assertThat(info.get("tables")).isEqualTo(json(file, List.of("info")).get("tables"));
        // what only a file has is refused on a server in one sentence
        InProcessQuant.Run check =
                InProcessQuant.quant("--db", server.location().url(), "db", "check");
        assertThat(check.code()).isEqualTo(2);
        assertThat(check.err().strip())
                .isEqualTo(
                        "quant: " + server.location().describe() + " is on a server and cannot be checked index by"
                                + " index here; the server keeps its own indexes (its administrator checks them with amcheck).");
    }

    @Test
    void aCopyToAnotherServerDatabaseAndBackToAFileIsExact() throws Exception {
        try (TestServers.Scratch target = TestServers.fresh("cli_copy")) {
            JsonNode there =
                    json(file, List.of("db", "copy", "--to", target.location().url()));
            assertThat(there.get("rows").asLong()).isGreaterThan(60_000);
            String back = dir.resolve("back").toString();
            InProcessQuant.Run home = ok("--db", target.location().url(), "db", "copy", "--to", back);
            assertThat(home.out()).contains("every table's row count and checksum agree");
            try (Store original = Store.openExisting(Path.of(file));
                    Store copied = Store.openExisting(Path.of(back))) {
                assertThat(StoreCopy.checks(copied)).isEqualTo(StoreCopy.checks(original));
            }
            InProcessQuant.Run again = InProcessQuant.quant(
                    "--db", file, "db", "copy", "--to", target.location().url());
            assertThat(again.code()).isEqualTo(2);
            assertThat(again.err()).contains("already holds data; nothing was copied");
            assertThat(json(back, List.of("cohort"))).isEqualTo(json(file, List.of("cohort")));
        }
    }

    @Test
    void aViewerReadsAndExportsButAnImportIsRefusedInASentence() throws Exception {
        char[] secret = "viewer-password".toCharArray();
        String viewer = TestServers.user(server, "cli_viewer", secret);
        ok("--db", server.location().url(), "db", "roles", "--init");
        InProcessQuant.Run granted =
                ok("--db", server.location().url(), "db", "roles", "--grant", viewer, "--role", "viewer");
        assertThat(granted.out()).contains("Gave " + viewer + " the role viewer.");
        StoreLocation.Server asViewer = server.as(viewer);
        ServerPasswords.give(asViewer, secret);
        assertThat(json(asViewer.url(), List.of("cohort"))).isEqualTo(json(file, List.of("cohort")));
        // a viewer's figures are today's, not a stale copy's: no read-only note beside them
        assertThat(ok("--db", asViewer.url(), "cohort").err()).isEmpty();
        Path out = dir.resolve("cohort.xlsx");
        ok("--db", asViewer.url(), "cohort", "--out", out.toString());
        assertThat(out).exists();
        Path customers = dir.resolve("customers.csv");
        java.nio.file.Files.writeString(customers, "Customer,Email\nNew Customer LLC,new@example.com\n");
        InProcessQuant.Run refused = InProcessQuant.quant(
                "--db", asViewer.url(), "import", customers.toString(), "--preset", "qbo-customers");
        assertThat(refused.code()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err().strip())
                .isEqualTo("quant: " + server.location().database() + " is open read-only (your role is viewer, which"
                        + " reads and exports but changes nothing); it cannot be changed.");
        assertThat(json(asViewer.url(), List.of("info")).get("role").asText()).isEqualTo("viewer");
    }
}
