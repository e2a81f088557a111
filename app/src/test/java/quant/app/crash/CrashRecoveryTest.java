package quant.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.job.JobMonitor;
import quant.core.runs.RunHistory;
import quant.core.store.DomainTable;
import quant.core.store.RunOutcome;
import quant.core.store.Store;
import quant.samples.SampleExporter;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/**
 * Kills the real command line ({@code quant import}, {@code quant undo}, {@code quant sample
 * --load}) in a forked JVM with {@code destroyForcibly()} at points spread over the run — early,
 * in the middle, and late, where the transaction commits — and then opens the database: it must
 * open, and hold exactly the state before the run or the state after it (every domain table
 * compared by its content, ids aside), with no run left "running" in the audit.
 *
 * <p>{@code -Dquant.crash.points=N} sets the kill points per command (default 2 in the ordinary
 * build; {@code bench/README.md} has the run with 8 per command, 24 in all).
 */
class CrashRecoveryTest {
    private static final int POINTS = Integer.getInteger("quant.crash.points", 2);

    @TempDir
    static Path dir;

    static Path loaded;
    static Path importFile;
    static Path profile;
    static Path imported;
    static long importRun;
    static Map<String, String> empty;
    static Map<String, String> beforeImport;
    static Map<String, String> afterImport;

    @BeforeAll
    static void prepare() throws Exception {
        Path emptyDb = dir.resolve("empty.mv.db");
        try (Store store = Store.open(emptyDb)) {
            empty = fingerprint(store);
        }
        loaded = dir.resolve("loaded.mv.db");
        try (Store store = Store.open(loaded)) {
            SampleLoader.load(store, new SampleSource(1), JobMonitor.NONE);
            beforeImport = fingerprint(store);
        }
        Path files = dir.resolve("files");
        SampleExporter.export(files, 1, JobMonitor.NONE);
        importFile = dir.resolve("jobs-changed.csv");
        changedAndNewJobs(files.resolve("job.csv"), importFile);
        profile = dir.resolve("job.json");
        try (InputStream in = SampleLoader.class.getResourceAsStream(SampleLoader.PROFILES + "job.json")) {
            Files.copy(in, profile);
        }
        imported = dir.resolve("imported.mv.db");
        Files.copy(loaded, imported);
        Child done = child(imported, -1, "import", importFile.toString(), "--mapping", profile.toString());
        assertThat(done.exit).as("the reference import").isZero();
        try (Store store = Store.open(imported)) {
            afterImport = fingerprint(store);
            importRun = RunHistory.runs(store, 1).getFirst().id();
        }
        assertThat(afterImport).isNotEqualTo(beforeImport);
    }

    /** Every job with one more unit of revenue (updates), and each again under a new key (inserts). */
    static void changedAndNewJobs(Path jobs, Path out) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(jobs);
                CsvWriter writer = CsvWriter.builder().build(out)) {
            List<String> header = null;
            List<List<String>> copies = new ArrayList<>();
            for (CsvRecord r : reader) {
                List<String> fields = new ArrayList<>(r.getFields());
                if (header == null) {
                    header = fields;
                    writer.writeRecord(fields);
                    continue;
                }
                int revenue = header.indexOf("revenue");
                if (!fields.get(revenue).isEmpty()) {
                    fields.set(
                            revenue,
                            new BigDecimal(fields.get(revenue))
                                    .add(BigDecimal.ONE)
                                    .toPlainString());
                }
                writer.writeRecord(fields);
                List<String> copy = new ArrayList<>(fields);
                int key = header.indexOf("external_ref");
                copy.set(key, copy.get(key) + "-copy");
                copies.add(copy);
            }
            for (List<String> copy : copies) {
                writer.writeRecord(copy);
            }
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

    @Test
    void aSampleLoadKilledAnywhereLeavesTheStateBeforeOrAfter() throws Exception {
        Map<String, String> sample = beforeImport;
        Path fresh = dir.resolve("fresh.mv.db");
        try (Store store = Store.open(fresh)) {
            assertThat(fingerprint(store)).isEqualTo(empty);
        }
        killAtPoints("sample", fresh, empty, sample, "sample", "--load");
    }

    private static void killAtPoints(
            String name, Path base, Map<String, String> before, Map<String, String> after, String... command)
            throws Exception {
        killAtPoints(name, "", dir, purpose -> fileCopy(base, dir.resolve(purpose + ".mv.db")), before, after, command);
    }

    private static Copy fileCopy(Path base, Path db) throws IOException {
        Files.copy(base, db, StandardCopyOption.REPLACE_EXISTING);
        return new Copy() {
            @Override
            public String address() {
                return db.toString();
            }

            @Override
            public Store openAfterKill() {
                return Store.open(db);
            }

            @Override
            public void close() throws IOException {
                Files.deleteIfExists(db);
            }
        };
    }

    /** A copy of the database a run starts from; closing it removes it. */
    interface Copy extends AutoCloseable {
        /** The copy as {@code --db} takes it. */
        String address();

        /** Opens the copy once the killed child is gone (and recovery, if any, has run). */
        Store openAfterKill() throws Exception;
    }

    /** Makes a fresh copy of the base database, for the purpose named (no spaces). */
    @FunctionalInterface
    interface Copies {
        Copy copy(String purpose) throws Exception;
    }

    /**
     * Runs {@code quant COMMAND…} once to time it, then kills it on fresh copies at {@link #POINTS}
     * points spread over that time, and checks each copy afterwards: the state before or after, and
     * no run left running. {@code where} is added to the printed summary (" on the server"); the
     * children's home and log are in {@code work}.
     */
    static void killAtPoints(
            String name,
            String where,
            Path work,
            Copies copies,
            Map<String, String> before,
            Map<String, String> after,
            String... command)
            throws Exception {
        long millis;
        try (Copy timing = copies.copy(name + "_timing")) {
            Child full = child(work, timing.address(), -1, command);
            assertThat(full.exit).as(name + " without a kill").isZero();
            millis = full.millis;
        }
        int befores = 0;
        for (int k = 0; k < POINTS; k++) {
            // spread from just after the JVM started to just before the end, where the commit runs
            double fraction = POINTS == 1 ? 0.8 : 0.15 + 0.83 * k / (POINTS - 1);
            long at = Math.round(millis * fraction);
            try (Copy db = copies.copy(name + "_" + k)) {
                child(work, db.address(), at, command);
                try (Store store = db.openAfterKill()) {
                    Map<String, String> state = fingerprint(store);
                    String point = name + " killed at " + at + " of " + millis + " ms";
                    assertThat(state).as(point).isIn(before, after);
                    befores += state.equals(before) ? 1 : 0;
                    assertThat(RunHistory.runs(store, 1000))
                            .as(point + ": no run is left running")
                            .noneMatch(r -> r.outcome() == RunOutcome.RUNNING);
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%s%s: %d kill points, %d left the state before, %d the state after%n",
                name,
                where,
                POINTS,
                befores,
                POINTS - befores);
    }

    record Child(int exit, long millis) {}

    /** Runs {@code quant --db DB COMMAND…} in a new JVM; kills it after {@code killAfterMillis} (or lets it end). */
    static Child child(Path db, long killAfterMillis, String... command) throws Exception {
        return child(dir, db.toString(), killAfterMillis, command);
    }

    /**
     * {@link #child(Path, long, String...)} for a database named as {@code --db} takes it, with the
     * child's home and log in {@code dir}.
     */
    static Child child(Path dir, String db, long killAfterMillis, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("--db", db));
        args.addAll(List.of(command));
        List<String> cmd = quant.app.ForkedQuant.command(dir.resolve("home"), List.of("-Xmx512m"), args);
        long start = System.nanoTime();
        Process p = quant.app.ForkedQuant.process(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        if (killAfterMillis >= 0) {
            if (!p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
            }
            p.waitFor();
            return new Child(-9, killAfterMillis);
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("quant " + String.join(" ", command) + " did not end in 5 minutes");
        }
        return new Child(p.exitValue(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Every domain table's rows by content (ids and foreign-key ids left out, order ignored), hashed. */
    static Map<String, String> fingerprint(Store store) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = store.readConnection();
                Statement st = c.createStatement()) {
            for (DomainTable t : DomainTable.values()) {
                if (t == DomainTable.IMPORT_RUN) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + t.sqlName())) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder b = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String col = md.getColumnName(i).toLowerCase(Locale.ROOT);
                            if (!col.equals("id") && !col.endsWith("_id")) {
                                b.append(rs.getString(i)).append('\u0001');
                            }
                        }
                        rows.add(b.toString());
                    }
                }
                rows.sort(null);
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (String r : rows) {
                    sha.update(r.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                out.put(t.sqlName(), rows.size() + ":" + HexFormat.of().formatHex(sha.digest()));
            }
        }
        return out;
    }
}
