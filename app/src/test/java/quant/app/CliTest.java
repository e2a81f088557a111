package quant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.cli.QuantCommand;
import quant.core.store.DomainTable;

/** The headless commands, run in-process as {@code quant ...} would run them. */
class CliTest {
    @TempDir
    Path dir;

    static InProcessQuant.Run quant(String... args) {
        return InProcessQuant.quant(args);
    }

    @Test
    void infoJsonListsEveryDomainTableEvenWhenEmpty() throws Exception {
        quant.core.store.Store.open(dir.resolve("empty")).close();
        InProcessQuant.Run run = quant("--db", dir.resolve("empty").toString(), "info", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("database").asText())
                .isEqualTo(dir.resolve("empty.mv.db").toAbsolutePath().toString());
        assertThat(json.get("schemaVersion").asText()).isEqualTo("13");
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
        InProcessQuant.Run load = quant("--db", db, "sample", "--load");
        assertThat(load.code()).as(load.err()).isZero();
        assertThat(load.out()).contains("Loaded");
        JsonNode tables = new ObjectMapper()
                .readTree(quant("--db", db, "info", "--json").out())
                .get("tables");
        assertThat(tables.get("job").asLong()).isEqualTo(16_560);
        assertThat(tables.get("customer").asLong()).isEqualTo(2_957);
        assertThat(tables.get("technician").asLong()).isEqualTo(25);

        InProcessQuant.Run again = quant("--db", db, "sample", "--load");
        assertThat(again.code()).as("a usage error").isEqualTo(QuantCommand.USAGE);
        assertThat(again.err()).contains("already holds data");
    }

    @Test
    void aDatabaseFileGivenAloneIsTheOneToOpenAndTheVersionIsOneLine() throws Exception {
        InProcessQuant.Run version = quant("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out().strip()).isEqualTo("Quant Workbench 0.1.0");
        InProcessQuant.Run missing = quant(dir.resolve("missing.mv.db").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err())
                .contains("There is no database at " + dir.resolve("missing.mv.db") + "; check the path.");
        // a word that is no command is still called an unknown command
        assertThat(quant("frobnicate").err()).contains("'quant' has no command 'frobnicate'");
        java.nio.file.Path db = dir.resolve("twice.mv.db");
        quant.core.store.Store.open(db).close();
        InProcessQuant.Run twice = quant(db.toString(), "--db", db.toString());
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("Name the database once: either FILE or --db, not both.");
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            // without a display the window cannot open: one sentence, the database untouched
            InProcessQuant.Run window = quant(db.toString());
            assertThat(window.code()).isEqualTo(3);
            assertThat(window.err()).contains("There is no display to open the window on");
        }
    }

    @Test
    void sampleOutWritesTheFiles() {
        InProcessQuant.Run run = quant("sample", "--out", dir.resolve("files").toString(), "--scale", "2");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(dir.resolve("files").resolve("job.csv")).isNotEmptyFile();
        assertThat(dir.resolve("files").resolve("owner-workbook.xlsx")).isNotEmptyFile();
    }

    @Test
    void aDatabaseThatIsNotOneGivesOnePlainSentenceAndExitCodeThree() throws Exception {
        Path notes = dir.resolve("notes.mv.db");
        Files.writeString(notes, "not a database");
        InProcessQuant.Run run = quant("--db", notes.toString(), "info");
        assertThat(run.code()).isEqualTo(QuantCommand.STORE_ERROR);
        assertThat(run.err().strip())
                .startsWith("quant: ")
                .contains("is not a Quant Workbench database")
                .doesNotContain("Exception");
        assertThat(Files.readString(notes)).isEqualTo("not a database");
    }

    static final Path CRM = Path.of("..", "..", "shared", "benchdata", "crm_sales_pipeline");
    static final Path CRM_PROFILES = Path.of("..", "samples", "mappings", "crm-sales-opportunities");

    @Test
    void theCrmPipelineDataImportsWithZeroRejectsThroughItsCommittedProfiles() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isDirectory(CRM),
                "../shared/benchdata/crm_sales_pipeline is absent: the CRM reference import is skipped");
        String db = dir.resolve("crm").toString();
        for (String stem : List.of("accounts", "products", "sales_teams", "sales_pipeline")) {
            InProcessQuant.Run run = quant(
                    "--db",
                    db,
                    "import",
                    CRM.resolve(stem + ".csv").toString(),
                    "--mapping",
                    CRM_PROFILES.resolve(stem + ".json").toString(),
                    "--json");
            assertThat(run.code()).as(stem + ": " + run.err()).isZero();
            JsonNode result = new ObjectMapper().readTree(run.out());
            assertThat(result.get("rejected").asLong()).as(stem).isZero();
            assertThat(result.get("outcome").asText()).isEqualTo("imported");
        }
        JsonNode tables = new ObjectMapper()
                .readTree(quant("--db", db, "info", "--json").out())
                .get("tables");
        assertThat(tables.get("customer").asLong()).isEqualTo(85);
        assertThat(tables.get("product").asLong()).isEqualTo(7);
        assertThat(tables.get("sales_rep").asLong()).isEqualTo(35);
        assertThat(tables.get("deal").asLong()).isEqualTo(8_800);

        InProcessQuant.Run again = quant(
                "--db",
                db,
                "import",
                CRM.resolve("sales_pipeline.csv").toString(),
                "--mapping",
                CRM_PROFILES.resolve("sales_pipeline.json").toString(),
                "--json");
        JsonNode unchanged = new ObjectMapper().readTree(again.out());
        assertThat(unchanged.get("inserted").asLong()).isZero();
        assertThat(unchanged.get("updated").asLong()).isZero();
    }

    @Test
    void importProblemsComeAsJsonWithTheRowTheUserSeesAndExitCodeOne() throws Exception {
        Path profile = dir.resolve("lines.json");
        Files.writeString(profile, """
                {"table": "service_line", "source": "t", "key": ["code"],
                 "columns": [{"from": "code", "to": "code"}, {"from": "name", "to": "name"}]}""");
        Path file = dir.resolve("lines.csv");
        Files.writeString(file, "code,name\nHVAC,Heating\nPLUMB,\n");
        InProcessQuant.Run run = quant(
                "--db",
                dir.resolve("db").toString(),
                "import",
                file.toString(),
                "--mapping",
                profile.toString(),
                "--json");
        assertThat(run.code()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("outcome").asText()).isEqualTo("aborted");
        assertThat(json.get("read").asLong()).isEqualTo(2);
        JsonNode problem = json.get("problems").get(0);
        assertThat(problem.get("row").asLong()).isEqualTo(3);
        assertThat(problem.get("column").asText()).isEqualTo("name");
        assertThat(problem.get("reason").asText()).isEqualTo("is empty, but name is required");
        // the first import into a new path wrote nothing, and leaves no empty database behind
        assertThat(dir.resolve("db.mv.db")).doesNotExist();
        assertThat(quant("--db", dir.resolve("db").toString(), "info").err()).contains("There is no database");
    }

    @Test
    void theImportHistoryListsRunsAndUndoTakesOneBack() throws Exception {
        Path profile = dir.resolve("lines.json");
        Files.writeString(profile, """
                {"table": "service_line", "source": "t", "key": ["code"],
                 "columns": [{"from": "code", "to": "code"}, {"from": "name", "to": "name"}]}""");
        Path file = dir.resolve("lines.csv");
        Files.writeString(file, "code,name\nHVAC,Heating\n");
        String db = dir.resolve("db").toString();
        assertThat(quant("--db", db, "import", file.toString(), "--mapping", profile.toString())
                        .code())
                .isZero();
        JsonNode runs = new ObjectMapper()
                .readTree(quant("--db", db, "imports", "--json").out());
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("fileName").asText()).isEqualTo("lines.csv");
        assertThat(runs.get(0).get("inserted").asLong()).isEqualTo(1);
        long run = runs.get(0).get("id").asLong();

        InProcessQuant.Run undo = quant("--db", db, "undo", Long.toString(run));
        assertThat(undo.code()).as(undo.err()).isZero();
        assertThat(undo.out()).contains("deleted 1 rows");
        assertThat(quant("--db", db, "imports").out()).contains("(undone)");
        InProcessQuant.Run again = quant("--db", db, "undo", Long.toString(run));
        assertThat(again.code()).as("a data outcome").isEqualTo(1);
        assertThat(again.err()).contains("undone already");
        InProcessQuant.Run unknown = quant("--db", db, "undo", "999");
        assertThat(unknown.code()).as("a usage error").isEqualTo(QuantCommand.USAGE);
        assertThat(unknown.err()).contains("There is no import run 999");
    }

    @Test
    void aPresetImportsItsExportAndAnUnknownOneIsAUsageError() throws Exception {
        String db = dir.resolve("preset").toString();
        Path fixture =
                Path.of("..", "importers", "src", "test", "resources", "presets", "salesforce-opportunities.csv");
        Path accounts = dir.resolve("accounts.csv");
        Files.writeString(accounts, "Account Name\nRidgeview Dental\nMaple Street Bakery\n");
        Path accountProfile = dir.resolve("accounts.json");
        Files.writeString(accountProfile, """
                {"table": "customer", "source": "salesforce", "key": ["Account Name"],
                 "columns": [{"from": "Account Name", "to": "name"}]}""");
        assertThat(quant("--db", db, "import", accounts.toString(), "--mapping", accountProfile.toString())
                        .code())
                .isZero();
        InProcessQuant.Run run =
                quant("--db", db, "import", fixture.toString(), "--preset", "salesforce-opportunities", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).get("inserted").asLong())
                .isEqualTo(3);

        InProcessQuant.Run unknown = quant("--db", db, "import", fixture.toString(), "--preset", "nope");
        assertThat(unknown.code()).isEqualTo(QuantCommand.USAGE);
        assertThat(unknown.err()).contains("There is no preset \"nope\"");
    }

    @Test
    void theQuickBooksAndHubSpotPresetsImportTheirFixturesWithZeroRejects() throws Exception {
        String db = dir.resolve("vendors").toString();
        Path fixtures = Path.of("..", "importers", "src", "test", "resources", "presets");
        for (String preset : List.of("qbo-customers", "qbo-invoices", "hubspot-deals")) {
            InProcessQuant.Run run = quant(
                    "--db", db, "import", fixtures.resolve(preset + ".csv").toString(), "--preset", preset, "--json");
            assertThat(run.code()).as(preset + ": " + run.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("rejected").asLong()).as(preset).isZero();
            assertThat(json.get("inserted").asLong()).as(preset).isEqualTo(4);
        }
        JsonNode tables = new ObjectMapper()
                .readTree(quant("--db", db, "info", "--json").out())
                .get("tables");
        assertThat(tables.get("customer").asLong()).isEqualTo(4);
        assertThat(tables.get("invoice").asLong()).isEqualTo(4);
        assertThat(tables.get("deal").asLong()).isEqualTo(4);
    }

    @Test
    void aScaleBelowOneIsAUsageError() {
        assertThat(quant("sample", "--out", dir.toString(), "--scale", "0").code())
                .isEqualTo(QuantCommand.USAGE);
        assertThat(quant("sample").code()).isEqualTo(QuantCommand.USAGE);
    }
}
