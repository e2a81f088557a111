package quant.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.job.JobMonitor;
import quant.core.runs.RunHistory;
import quant.core.store.Store;
import quant.core.store.StoreLocation;
import quant.core.store.TestServers;
import quant.samples.SampleExporter;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/**
 * {@link CrashRecoveryTest} on a PostgreSQL server: the real command line importing into, and undoing
 * on, a server database is killed at points spread over the run; once the server has seen the client
 * go, the database opens with exactly the state before the run or after it, and no run left running.
 * Each kill point gets a copy of the loaded database made by the server ({@code CREATE DATABASE …
 * TEMPLATE}).
 */
class ServerCrashTest {
    private static final int POINTS = Integer.getInteger("quant.crash.points", 2);

    @TempDir
    static Path dir;

    static TestServers.Scratch loaded;
    static TestServers.Scratch imported;
    static Path importFile;
    static Path profile;
    static long importRun;
    static Map<String, String> beforeImport;
    static Map<String, String> afterImport;

    @BeforeAll
    static void prepare() throws Exception {
        loaded = TestServers.fresh("crash_loaded");
        try (Store store = Store.open(loaded.location())) {
            SampleLoader.load(store, new SampleSource(1), JobMonitor.NONE);
            beforeImport = CrashRecoveryTest.fingerprint(store);
        }
        Path files = dir.resolve("files");
        SampleExporter.export(files, 1, JobMonitor.NONE);
        importFile = dir.resolve("jobs-changed.csv");
        CrashRecoveryTest.changedAndNewJobs(files.resolve("job.csv"), importFile);
        profile = dir.resolve("job.json");
        try (InputStream in = SampleLoader.class.getResourceAsStream(SampleLoader.PROFILES + "job.json")) {
            Files.copy(in, profile);
        }
        imported = copyOf(loaded, "crash_imported");
        CrashRecoveryTest.Child done = CrashRecoveryTest.child(
                dir, imported.location().url(), -1, "import", importFile.toString(), "--mapping", profile.toString());
        assertThat(done.exit()).as("the reference import").isZero();
        try (Store store = Store.open(imported.location())) {
            afterImport = CrashRecoveryTest.fingerprint(store);
            importRun = RunHistory.runs(store, 1).getFirst().id();
        }
        assertThat(afterImport).isNotEqualTo(beforeImport);
    }

    @AfterAll
    static void drop() {
        if (imported != null) {
            imported.close();
        }
        if (loaded != null) {
            loaded.close();
        }
    }

    @Test
    void anImportKilledAnywhereLeavesTheStateBeforeOrAfter() throws Exception {
        killAtPoints(
                "import",
                loaded,
                beforeImport,
                afterImport,
                "import",
                importFile.toString(),
                "--mapping",
                profile.toString());
    }

    @Test
    void anUndoKilledAnywhereLeavesTheStateBeforeOrAfter() throws Exception {
        killAtPoints("undo", imported, afterImport, beforeImport, "undo", Long.toString(importRun));
    }

    private static void killAtPoints(
            String name,
            TestServers.Scratch base,
            Map<String, String> before,
            Map<String, String> after,
            String... command)
            throws Exception {
        CrashRecoveryTest.killAtPoints(
                name, " on the server", dir, purpose -> serverCopy(base, purpose), before, after, command);
    }

    private static CrashRecoveryTest.Copy serverCopy(TestServers.Scratch base, String purpose) {
        TestServers.Scratch copy = copyOf(base, "crash_" + purpose);
        return new CrashRecoveryTest.Copy() {
            @Override
            public String address() {
                return copy.location().url();
            }

            @Override
            public Store openAfterKill() throws Exception {
                awaitGone(copy.location());
                return Store.open(copy.location());
            }

            @Override
            public void close() {
                copy.close();
            }
        };
    }

    /** A new scratch database holding what {@code base} holds, copied by the server. */
    private static TestServers.Scratch copyOf(TestServers.Scratch base, String purpose) {
        TestServers.Scratch copy = TestServers.fresh(purpose);
        String name = copy.location().database();
        TestServers.run(
                copy.admin(),
                "DROP DATABASE " + name,
                "CREATE DATABASE " + name + " TEMPLATE " + base.location().database());
        return copy;
    }

    /** Waits until the server has ended the killed client's session (and with it, its locks). */
    private static void awaitGone(StoreLocation.Server db) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Connection c = TestServers.connect(db);
                    PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
                            + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
                st.setString(1, db.database());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The killed client's session on " + db.database() + " did not end in 10 s");
    }
}
