package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;
import quant.app.InProcessQuant.Run;

/** {@code quant db check|backup|restore} on the sample company: round trips, and backups that are refused. */
class DbCommandTest {
    @TempDir
    static Path dir;

    static SampleDb sample;

    @BeforeAll
    static void load() {
        sample = SampleDb.load(dir);
    }

    private static Run quant(String... args) {
        return InProcessQuant.quant(args);
    }

    @Test
    void theSampleIsSoundAndEveryIndexIsRead() throws Exception {
        Run check = quant("--db", sample.path(), "db", "check", "--json");
        assertThat(check.code()).as(check.err()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(check.out());
        assertThat(json.get("sound").asBoolean()).isTrue();
        assertThat(json.get("verdict").asText()).contains("is sound", "every index agrees with its table");
        long jobs = (long) sample.sql("SELECT COUNT(*) FROM job");
        for (var t : json.get("tables")) {
            if (t.get("name").asText().equals("job")) {
                assertThat(t.get("rows").asLong()).isEqualTo(jobs);
                assertThat(t.get("indexes").size())
                        .as("the job table's indexes")
                        .isGreaterThan(1);
                t.get("indexes").forEach(n -> assertThat(n.asLong()).isEqualTo(jobs));
            }
        }
    }

    @Test
    void aBackupRestoresTheDatabaseAsItWas() throws Exception {
        Path db = dir.resolve("copy.mv.db");
        Files.copy(Path.of(sample.path() + ".mv.db"), db);
        Path zip = dir.resolve("copy-backup.zip");
        Run backup = quant("--db", db.toString(), "db", "backup", "--to", zip.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        String before = quant("--db", db.toString(), "info", "--json").out();

        // change the data: one more customer
        Path profile = Files.writeString(
                dir.resolve("p.json"),
                "{\"table\": \"customer\", \"source\": \"t\", \"key\": [\"id\"],"
                        + " \"columns\": [{\"from\": \"name\", \"to\": \"name\"}]}");
        Path one = Files.writeString(dir.resolve("one.csv"), "id,name\nX1,Ada\n");
        Run added = quant("--db", db.toString(), "import", one.toString(), "--mapping", profile.toString());
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(quant("--db", db.toString(), "info", "--json").out()).isNotEqualTo(before);

        Run restore = quant("--db", db.toString(), "db", "restore", zip.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored copy-backup.zip", "sound");
        assertThat(quant("--db", db.toString(), "info", "--json").out()).isEqualTo(before);
        // the file it replaced was kept, in the data folder's backups
        try (var kept = Files.list(quant.core.store.Backups.folder())) {
            assertThat(kept.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("copy-") && n.endsWith("-before-restore.zip"));
        }
    }

    @Test
    void backupsInTheDataFolderAreKeptInARotation() throws Exception {
        Path db = dir.resolve("rotated.mv.db");
        Files.copy(Path.of(sample.path() + ".mv.db"), db);
        // the rotation is the database's business setting, unless --keep says otherwise
        assertThat(quant("--db", db.toString(), "settings", "set", "backups.keep=2")
                        .code())
                .isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(quant("--db", db.toString(), "db", "backup").code()).isZero();
            Thread.sleep(1_100); // the names carry the second
        }
        try (var kept = Files.list(quant.core.store.Backups.folder())) {
            assertThat(kept.filter(p -> p.getFileName().toString().startsWith("rotated-")))
                    .hasSize(2);
        }
        assertThat(quant("--db", db.toString(), "db", "backup", "--keep", "1").code())
                .isZero();
        try (var kept = Files.list(quant.core.store.Backups.folder())) {
            assertThat(kept.filter(p -> p.getFileName().toString().startsWith("rotated-")))
                    .hasSize(1);
        }
    }

    @Test
    void aBackupThatIsNotOneIsRefusedAndNothingChanges() throws Exception {
        Path db = dir.resolve("kept.mv.db");
        Files.copy(Path.of(sample.path() + ".mv.db"), db);
        String before = quant("--db", db.toString(), "info", "--json").out();

        Path notZip = Files.writeString(dir.resolve("notes.zip"), "just text");
        Run r = quant("--db", db.toString(), "db", "restore", notZip.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("is not a backup");

        Path empty = dir.resolve("empty.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(empty))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes());
        }
        r = quant("--db", db.toString(), "db", "restore", empty.toString());
        assertThat(r.err()).contains("holds no database file");

        // a backup from a newer version of the workbench
        Path newer = dir.resolve("newer.mv.db");
        Files.copy(Path.of(sample.path() + ".mv.db"), newer);
        try (var c = java.sql.DriverManager.getConnection(
                        "jdbc:h2:file:" + dir.resolve("newer") + ";TRACE_LEVEL_FILE=0", "sa", "");
                var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'sa', 0, TRUE)");
        }
        Path newerZip = dir.resolve("newer.zip");
        assertThat(quant("--db", newer.toString(), "db", "backup", "--to", newerZip.toString())
                        .code())
                .isNotEqualTo(0); // a newer database is not even opened to be backed up
        try (var out = new ZipOutputStream(Files.newOutputStream(newerZip))) {
            out.putNextEntry(new ZipEntry("newer.mv.db"));
            Files.copy(newer, out);
        }
        r = quant("--db", db.toString(), "db", "restore", newerZip.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("cannot be restored", "newer").doesNotContain(".restore.mv.db");
        assertThat(r.err().strip().lines()).hasSize(1);

        assertThat(quant("--db", db.toString(), "info", "--json").out()).isEqualTo(before);
    }
}
