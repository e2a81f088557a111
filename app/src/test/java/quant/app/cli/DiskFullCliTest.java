package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;
import quant.app.InProcessQuant.Run;

/**
 * Writes that meet a full or read-only disk, on small file systems mounted for the test (as root,
 * which CI is; skipped with a message elsewhere): they end within seconds with one sentence (exit 3),
 * the database stays as it was and opens afterwards, and a new database that could not be filled is
 * not left behind.
 */
class DiskFullCliTest {
    @TempDir
    Path dir;

    private final List<Path> mounted = new ArrayList<>();

    /** A fresh tmpfs of {@code size} ("20m") at a folder of the test, read-only when asked. */
    private Path mount(String name, String size, boolean readOnly) throws Exception {
        Path at = Files.createDirectories(dir.resolve(name));
        int rc;
        try {
            rc = new ProcessBuilder(
                            "mount",
                            "-t",
                            "tmpfs",
                            "-o",
                            (readOnly ? "ro," : "") + "size=" + size,
                            "tmpfs",
                            at.toString())
                    .redirectErrorStream(true)
                    .start()
                    .waitFor();
        } catch (java.io.IOException e) {
            rc = -1;
        }
        assumeTrue(rc == 0, "a small file system cannot be mounted here (needs root): the full-disk cases are skipped");
        mounted.add(at);
        return at;
    }

    @AfterEach
    void unmount() throws Exception {
        for (Path p : mounted) {
            new ProcessBuilder("umount", "-l", p.toString()).start().waitFor();
        }
    }

    /** A mapping profile that imports a file's id and name as customers. */
    private Path customerProfile() throws java.io.IOException {
        return Files.writeString(
                dir.resolve("customers.json"),
                "{\"table\": \"customer\", \"source\": \"t\", \"key\": [\"id\"],"
                        + " \"columns\": [{\"from\": \"name\", \"to\": \"name\"}]}");
    }

    /** Imports {@code csv} into {@code db}, which must succeed. */
    private void imported(Path db, Path csv) throws java.io.IOException {
        Run r = quant(
                "--db",
                db.toString(),
                "import",
                csv.toString(),
                "--mapping",
                customerProfile().toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    /** Writes {@code disk}/filler.bin until about {@code leave} bytes are free, or until the disk is full at 0. */
    private static void fill(Path disk, long leave) throws java.io.IOException {
        long free = Files.getFileStore(disk).getUsableSpace();
        try (var out = Files.newOutputStream(disk.resolve("filler.bin"))) {
            byte[] block = new byte[1 << 16];
            for (long left = free - leave; leave <= 0 || left > 0; left -= block.length) {
                try {
                    out.write(block);
                } catch (java.io.IOException full) {
                    break;
                }
            }
        } catch (java.io.IOException full) {
            // the close could not flush the last block either: the disk is full
        }
    }

    private static Run quant(String... args) {
        long start = System.nanoTime();
        Run r = InProcessQuant.quant(args);
        assertThat((System.nanoTime() - start) / 1e9).as("seconds to answer").isLessThan(60);
        return r;
    }

    private static void oneSentence(Run r, int exit, String words) {
        assertThat(r.code()).as(r.err()).isEqualTo(exit);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("quant: ").contains(words).doesNotContain("org.h2", "Exception", "[9");
    }

    @Test
    void aLoadThatFillsTheDiskStopsAndLeavesNothing() throws Exception {
        Path disk = mount("small", "20m", false);
        Path db = disk.resolve("full.mv.db");
        oneSentence(quant("--db", db.toString(), "sample", "--load"), 3, "is full or nearly so");
        try (var left = Files.list(disk)) {
            assertThat(left)
                    .as("a new database that could not be filled is not left behind")
                    .isEmpty();
        }
    }

    @Test
    void anImportOntoAFullDiskLeavesTheDatabaseAsItWas() throws Exception {
        Path disk = mount("filled", "40m", false);
        Path db = disk.resolve("shop.mv.db");
        Path profile = customerProfile();
        Path one = Files.writeString(dir.resolve("one.csv"), "id,name\nC1,Ada\n");
        imported(db, one);
        fill(disk, 4L << 20); // to within a few megabytes
        StringBuilder many = new StringBuilder("id,name\n");
        for (int i = 0; i < 5_000; i++) {
            many.append("N").append(i).append(",Customer ").append(i).append('\n');
        }
        Path more = Files.writeString(dir.resolve("more.csv"), many);
        oneSentence(
                quant("--db", db.toString(), "import", more.toString(), "--mapping", profile.toString()), 3, "full");
        Files.delete(disk.resolve("filler.bin"));
        Run info = quant("--db", db.toString(), "info", "--json");
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).containsPattern("\"customer\"\\s*:\\s*1\\b");
    }

    @Test
    void aCrashThatCannotBePutBackForLackOfSpaceOpensReadOnlyAndSaysSo() throws Exception {
        Path disk = mount("crashed", "24m", false);
        Path db = disk.resolve("shop.mv.db");
        Path profile = customerProfile();
        Path one = Files.writeString(dir.resolve("two.csv"), "id,name\nC1,Ada\nC2,Bo\n");
        imported(db, one);
        // what a kill -9 in the middle of an import leaves in the audit: a run still running
        try (var c = java.sql.DriverManager.getConnection(
                        "jdbc:h2:file:" + disk.resolve("shop") + ";TRACE_LEVEL_FILE=0", "sa", "");
                var st = c.createStatement()) {
            st.executeUpdate("UPDATE import_run SET outcome = 'running'");
        }
        fill(disk, 12L << 20);
        Run info = quant("--db", db.toString(), "info");
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).contains("Read-only:", "left unfinished by a crash", "free some space");
        Run write = quant("--db", db.toString(), "import", one.toString(), "--mapping", profile.toString());
        oneSentence(write, 3, "open read-only");

        Files.delete(disk.resolve("filler.bin"));
        Run after = quant("--db", db.toString(), "info", "--json");
        assertThat(after.code()).as(after.err()).isZero();
        assertThat(after.out()).doesNotContain("readOnly");
        // put back, it can be written again
        imported(db, one);
    }

    @Test
    void onAFullDiskSmallChangesAreRefusedAndTheDataStillRead() throws Exception {
        Path disk = mount("brim", "24m", false);
        Path db = disk.resolve("shop.mv.db");
        Path one = Files.writeString(dir.resolve("three.csv"), "id,name\nC1,Ada\n");
        imported(db, one);
        // to the last byte: H2 would keep a small commit in memory, say it was done, and lose it
        fill(disk, 0);
        oneSentence(quant("--db", db.toString(), "settings", "set", "customers.inactivityDays=400"), 3, "full");
        oneSentence(quant("--db", db.toString(), "undo", "1"), 3, "full");
        Run info = quant("--db", db.toString(), "info", "--json");
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).contains("\"readOnly\"", "disk is full");

        Files.delete(disk.resolve("filler.bin"));
        Run undo = quant("--db", db.toString(), "undo", "1");
        assertThat(undo.code()).as(undo.err()).isZero();
        Run after = quant("--db", db.toString(), "settings", "--json");
        assertThat(after.code()).isZero();
    }

    @Test
    void aNewDatabaseOnAReadOnlyDiskIsOneSentence() throws Exception {
        Path disk = mount("readonly", "1m", true);
        oneSentence(quant("--db", disk.resolve("new.mv.db").toString(), "sample", "--load"), 3, "cannot be written");
    }

    @Test
    void aFirstImportThatIsAbortedLeavesNoDatabase() throws Exception {
        Path profile = Files.writeString(
                dir.resolve("dated.json"),
                "{\"table\": \"customer\", \"source\": \"t\", \"key\": [\"id\"], \"columns\": [{\"from\": \"name\","
                        + " \"to\": \"name\"}, {\"from\": \"since\", \"to\": \"acquired_on\"}]}");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "id,name,since\nC1,Ada,not a date\n");
        Path db = dir.resolve("first.mv.db");
        Run r = quant("--db", db.toString(), "import", bad.toString(), "--mapping", profile.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("nothing was written");
        assertThat(db).doesNotExist();
        assertThat(dir.resolve("first.trace.db")).doesNotExist();
    }
}
