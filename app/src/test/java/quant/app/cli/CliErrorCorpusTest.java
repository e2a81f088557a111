package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import quant.core.store.DomainTable;
import quant.core.store.Store;

/**
 * Walks bad inputs — the broken-file corpus, broken mapping profiles, broken XLSX files, unsafe
 * output paths, broken option combinations and unusable databases — through the real command line
 * in a forked JVM, and asserts for each: the documented exit code (1 data, 2 usage, 3 input/output
 * or database), one plain sentence on standard error with no stack frame and no exception class
 * name, and the database's row counts unchanged.
 */
class CliErrorCorpusTest {
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w.$/<>]+\\(.*\\)\\s*$", Pattern.MULTILINE);
    private static final Pattern EXCEPTION_NAME =
            Pattern.compile("\\b([a-z]+\\.)*[A-Z]\\w*(Exception|Error)\\b|Caused by:");

    @TempDir
    static Path dir;

    static Path base;
    static Path profile;
    static Path lines;

    @BeforeAll
    static void prepare() throws Exception {
        base = dir.resolve("base.mv.db");
        profile = write("customers.json", """
                {"table": "customer", "source": "cli", "key": ["id"],
                 "columns": [{"from": "name", "to": "name"}, {"from": "since", "to": "acquired_on"},
                             {"from": "lat", "to": "lat"}]}""");
        lines = write("lines.csv", "id,name,since,lat\nC1,Ada,2024-01-02,45.1\n");
        try (Store store = Store.open(base)) {
            new quant.importers.engine.Importer(store)
                    .run(
                            lines,
                            quant.importers.mapping.MappingProfile.read(profile),
                            quant.importers.engine.ImportOptions.DEFAULT,
                            quant.core.job.JobMonitor.NONE);
        }
    }

    static Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsOneSentenceWithTheDocumentedExitCode() throws Exception {
        List<CliErrorCases.Case> cases = new CliErrorCases(dir, profile, lines).all();
        assertThat(cases).as("distinct bad inputs").hasSizeGreaterThanOrEqualTo(60);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(CliErrorCases.Case c) throws Exception {
        Path db = dir.resolve("case.mv.db");
        Files.copy(base, db, StandardCopyOption.REPLACE_EXISTING);
        Map<DomainTable, Long> before;
        try (Store store = Store.open(db)) {
            before = withoutAudit(store.rowCounts());
        }
        List<String> args = new ArrayList<>();
        boolean lock = false;
        if (c.withDb()) {
            args.add("--db");
            args.add(db.toString());
        }
        for (String a : c.args()) {
            switch (a) {
                case "@LOCK" -> lock = true;
                case "@DB" -> args.add(db.toString());
                case "@DBDOTDOT" ->
                    args.add(db.getParent()
                            .resolve("x")
                            .resolve("..")
                            .resolve("case.mv.db")
                            .toString());
                case "@DBLOCK" -> args.add(db.resolveSibling("case.lock.db").toString());
                case "@DBUPPER" -> args.add(db.resolveSibling("CASE.MV.DB").toString());
                case "@DBLINK" -> {
                    Path link = dir.resolve("link-to-db.csv");
                    Files.deleteIfExists(link);
                    Files.createSymbolicLink(link, db);
                    args.add(link.toString());
                }
                default -> args.add(a);
            }
        }
        Result r;
        if (lock) {
            try (Store holder = Store.open(db)) {
                r = runInForkedJvm(args);
            }
        } else if (args.contains("&&")) {
            int split = args.indexOf("&&");
            List<String> first = new ArrayList<>(args.subList(0, split));
            List<String> second = new ArrayList<>(args.subList(0, 2));
            second.addAll(args.subList(split + 1, args.size()));
            assertThat(runInForkedJvm(first).exit).as("the first command").isZero();
            try (Store store = Store.open(db)) {
                before = withoutAudit(store.rowCounts());
            }
            r = runInForkedJvm(second);
        } else {
            r = runInForkedJvm(args);
        }
        String where = c.name() + " → exit " + r.exit + ", stderr: " + r.err + ", stdout: " + r.out;
        assertThat(r.exit).as(where).isEqualTo(c.exit());
        assertThat(r.err.strip().lines().count()).as(where + ": one line").isEqualTo(1);
        assertThat(r.err).as(where).startsWith("quant: ").contains(c.expect());
        assertThat(STACK_FRAME.matcher(r.err).find())
                .as(where + ": a stack frame")
                .isFalse();
        assertThat(EXCEPTION_NAME.matcher(r.err).find())
                .as(where + ": an exception name")
                .isFalse();
        if (c.args().contains("--json")) {
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out);
            assertThat(json.get("outcome").asText()).as(where).isEqualTo("failed");
            assertThat(json.get("problems").get(0).get("reason").asText())
                    .as(where)
                    .contains(c.expect());
        }
        try (Store store = Store.open(db)) {
            assertThat(withoutAudit(store.rowCounts()))
                    .as(where + ": row counts")
                    .isEqualTo(before);
        }
    }

    private static Map<DomainTable, Long> withoutAudit(Map<DomainTable, Long> counts) {
        Map<DomainTable, Long> m = new java.util.EnumMap<>(counts);
        m.remove(DomainTable.IMPORT_RUN);
        return m;
    }

    record Result(int exit, String out, String err) {}

    static Result runInForkedJvm(List<String> args) throws Exception {
        List<String> cmd = quant.app.ForkedQuant.command(dir.resolve("home"), List.of("-XX:TieredStopAtLevel=1"), args);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = quant.app.ForkedQuant.process(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("quant " + args + " did not end in 2 minutes");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
