package quant.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.job.JobMonitor;

/** A migration backs the database up first; a backup restores; the integrity check reads every index. */
class BackupsTest {
    @TempDir
    Path dir;

    private String home;

    @BeforeEach
    void ownDataFolder() {
        home = System.getProperty("quant.home");
        System.setProperty("quant.home", dir.resolve("home").toString());
    }

    @AfterEach
    void restoreDataFolder() {
        if (home == null) {
            System.clearProperty("quant.home");
        } else {
            System.setProperty("quant.home", home);
        }
    }

    @Test
    void aMigrationBacksTheDatabaseUpFirst() throws Exception {
        Path db = dir.resolve("old.mv.db");
        // an older database, migrated as versions before the team server kept them: every script in one
        // folder (H2's version of V2 now lives in db/vendor/h2, and the history must still match)
        Path flat = Files.createDirectories(dir.resolve("migrations"));
        for (String folder : new String[] {"db/migration", "db/vendor/h2"}) {
            Path from = Path.of(getClass().getClassLoader().getResource(folder).toURI());
            try (var scripts = Files.list(from)) {
                for (Path script : scripts.toList()) {
                    Files.copy(script, flat.resolve(script.getFileName()));
                }
            }
        }
        Flyway.configure()
                .dataSource("jdbc:h2:file:" + dir.resolve("old") + ";TRACE_LEVEL_FILE=0", "sa", "")
                .locations("filesystem:" + flat)
                .target("10")
                .load()
                .migrate();
        try (Store store = Store.open(db)) {
            assertThat(store.schemaVersion()).isEqualTo("13");
        }
        try (var kept = Files.list(Backups.folder())) {
            assertThat(kept.map(p -> p.getFileName().toString()))
                    .singleElement()
                    .satisfies(n -> assertThat(n).startsWith("old-").endsWith("-before-v13.zip"));
        }
        // a database already up to date is not backed up again
        try (Store store = Store.open(db)) {
            assertThat(store.isEmpty()).isTrue();
        }
        try (var kept = Files.list(Backups.folder())) {
            assertThat(kept).hasSize(1);
        }
    }

    @Test
    void aNewDatabaseIsSoundAndItsBackupRestores() throws Exception {
        Path db = dir.resolve("new.mv.db");
        Path zip = dir.resolve("new.zip");
        try (Store store = Store.open(db)) {
            IntegrityCheck check = IntegrityCheck.run(store, JobMonitor.NONE);
            assertThat(check.sound()).isTrue();
            assertThat(check.tables()).isNotEmpty().allSatisfy(t -> assertThat(t.rows())
                    .isGreaterThanOrEqualTo(0));
            Backups.backup(store, zip, Backups.KEEP);
        }
        Path other = dir.resolve("restored.mv.db");
        IntegrityCheck restored = Backups.restore(zip, other, JobMonitor.NONE);
        assertThat(restored.sound()).isTrue();
        assertThat(other).exists();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains(".restore.") || n.endsWith(".part"));
        }
    }

    @Test
    void theVerdictNamesWhatDisagrees() {
        IntegrityCheck damaged = new IntegrityCheck(
                java.util.List.of(new IntegrityCheck.Table("job", 10, java.util.Map.of("idx_job_customer", 9L))),
                java.util.List.of("the index idx_job_customer of table job has 9 entries where the table has 10 rows"));
        assertThat(damaged.sound()).isFalse();
        assertThat(damaged.verdict("shop.mv.db"))
                .isEqualTo(
                        "shop.mv.db is damaged: the index idx_job_customer of table job has 9 entries where the table"
                                + " has 10 rows; restore a backup (quant db restore) or open it to let recovery rebuild it.");
    }
}
