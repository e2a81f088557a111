package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import quant.app.InProcessQuant;
import quant.core.store.Store;

/**
 * Every command and option picocli knows, fed hostile values — empty, negative, zero, huge, not a
 * number, far and impossible dates, text that is not a choice, and paths of every kind (missing, a
 * folder, a device, an empty or binary file, a named pipe) — derived from the command model, not
 * listed by hand, so that an option added later is tried too. Each answer must be the documented
 * exit code (0, 1 data, 2 usage, 3 input/output), at most one sentence on standard error with no
 * stack frame and no class, SQL or library name, within {@value #SECONDS} seconds.
 */
class OptionCorpusTest {
    static final int SECONDS = 60;

    private static final Pattern LEAK = Pattern.compile(
            "^\\s+at [\\w.$/<>]+\\(|\\b([a-z]+\\.)+[A-Z]\\w*(Exception|Error)\\b|Caused by|\\bjava\\.[a-z]+\\.|org\\.h2"
                    + "|\\bSQL\\b|jdbc:(?!postgresql:)|picocli|NullPointer|OutOfMemory|(?<![/\\w])null\\b",
            Pattern.MULTILINE);

    @TempDir
    static Path dir;

    static Path empty;
    static Map<String, List<String>> base;
    static Map<String, List<String>> alternative;
    static List<String> paths;
    static ExecutorService runner;

    @BeforeAll
    static void prepare() throws Exception {
        runner = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "option-corpus");
            t.setDaemon(true); // a command that does not answer must not keep the test JVM alive
            return t;
        });
        empty = dir.resolve("empty.mv.db");
        try (Store store = Store.open(empty)) {
            assertThat(store.file()).exists();
        }
        Path series = write("series.csv", seriesCsv());
        Path train = write("train.csv", "V1,1,2,3,4,5,6,7,8,9,10,11,12\n");
        Path test = write("test.csv", "V1,13,14\n");
        Path summary = write("summary.csv", "id,x,t_x,T\na,2,30,52\nb,0,0,40\nc,5,50,52\nd,1,10,30\n");
        Path transactions = write("tx.csv", "customer_id,date\na,2024-01-02\na,2024-03-02\nb,2024-02-01\n");
        Path table = write("churn.csv", "id,tenure,churned\n1,3,yes\n2,30,no\n3,5,yes\n4,40,no\n5,2,yes\n6,50,no\n");
        Path customers = write("customers.csv", "id,name\nC1,Ada\n");
        Path mapping = write(
                "customers.json",
                "{\"table\": \"customer\", \"source\": \"corpus\", \"key\": [\"id\"],"
                        + " \"columns\": [{\"from\": \"name\", \"to\": \"name\"}]}");
        Path solomon = write("tiny.txt", """
                TINY

                VEHICLE
                NUMBER     CAPACITY
                  2         100

                CUSTOMER
                CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

                    0      40         50          0          0       1236          0
                    1      45         68         10        912        967         90
                    2      45         70         30        825        870         90
                """);
        base = new LinkedHashMap<>();
        base.put("quant sample", List.of("--out", dir.resolve("sample-out").toString()));
        base.put("quant import", List.of(customers.toString(), "--mapping", mapping.toString()));
        base.put("quant undo", List.of("1"));
        base.put("quant clv fit", List.of("--model", "bgnbd", "--summary", summary.toString()));
        Path lives = write("lives.csv", "t,failed,entry,kind\n5,1,0,a\n8,0,2,a\n11,1,1,b\n14,1,3,b\n20,0,0,a\n");
        base.put("quant quote", List.of("--line", "HVAC", "--hours", "2"));
        base.put("quant stats survival", List.of(lives.toString(), "--time", "t", "--event", "failed"));
        base.put("quant stats weibull", List.of(lives.toString(), "--time", "t", "--event", "failed"));
        base.put("quant clv predict", List.of("--model", "bgnbd", "--summary", summary.toString(), "--horizon", "10"));
        base.put("quant churn evaluate", List.of("--table", table.toString(), "--target", "churned", "--id", "id"));
        base.put("quant forecast series", List.of(series.toString(), "--horizon", "3"));
        base.put(
                "quant forecast evaluate",
                List.of("--train", train.toString(), "--test", test.toString(), "--horizon", "2", "--season", "1"));
        base.put("quant route day", List.of("--date", "2025-07-01", "--seconds", "0.5"));
        base.put("quant route month", List.of("--month", "2025-07", "--seconds-per-day", "0.5"));
        base.put("quant route solomon", List.of(solomon.toString(), "--seconds", "0.5"));
        base.put("quant route travel-times", List.of("--clear"));
        base.put("quant settings set", List.of("customers.inactivityDays=400"));
        Path secret = write("secret.txt", "a passphrase\n");
        base.put(
                "quant db encrypt",
                List.of("--to", dir.resolve("encrypted.mv.db").toString(), "--new-passphrase-file", secret.toString()));
        base.put(
                "quant db decrypt",
                List.of("--to", dir.resolve("decrypted.mv.db").toString()));
        base.put("quant db restore", List.of(write("not-a-backup.zip", "text").toString()));
        base.put("quant settings reset", List.of("--all"));
        // the options of the other side of an either-or group
        alternative = Map.of(
                "--transactions",
                List.of("--calibration-end", "2024-06-30"),
                "--calibration-end",
                List.of("--transactions", transactions.toString()),
                "--preset",
                List.of(customers.toString()));

        paths = new ArrayList<>(List.of(
                "",
                dir.resolve("missing.csv").toString(),
                dir.toString(),
                "/dev/null",
                "/dev/zero",
                write("nothing.csv", "").toString(),
                Files.write(dir.resolve("binary.csv"), new byte[] {0, (byte) 0xff, 0x1b, 0, 10, 13, (byte) 0xc3})
                        .toString(),
                dir.resolve("sub/../missing.mv.db").toString()));
        Path fifo = dir.resolve("pipe.csv");
        try {
            if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
                paths.add(fifo.toString());
            }
        } catch (java.io.IOException e) {
            // no mkfifo here: the other kinds of path are still tried
        }
    }

    @AfterAll
    static void stop() {
        runner.shutdownNow();
    }

    private static String seriesCsv() {
        StringBuilder csv = new StringBuilder("month,value\n");
        for (int t = 0; t < 30; t++) {
            csv.append(String.format("%d-%02d,%d%n", 2023 + t / 12, t % 12 + 1, 100 + t + (t % 12 == 6 ? 30 : 0)));
        }
        return csv.toString();
    }

    private static Path write(String name, String content) throws java.io.IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** The hostile values for an argument, by what it takes. */
    static List<String> hostile(ArgSpec arg) {
        Class<?> t = arg.type();
        if (OptionBounds.numeric(arg)) {
            return List.of("", "-1", "0", "2147483648", "9223372036854775808", "1e999", "NaN", "-Infinity", "ten");
        }
        if (t == java.time.LocalDate.class) {
            return List.of("", "9999-12-31", "0001-01-01", "2025-02-30", "31/12/2025", "2199-12-31", "1900-01-01");
        }
        if (t == java.time.YearMonth.class) {
            return List.of("", "2025-13", "9999-01", "0000-01", "July");
        }
        if (t == Path.class) {
            return paths;
        }
        if (t == String.class
                && name(arg) != null
                && java.util.Set.of("--db", "--to").contains(name(arg))) {
            // a database: a path as above, or a team server's address (one that refuses at once, one without
            // a database, one with a password)
            List<String> places = new ArrayList<>(paths);
            places.addAll(List.of(
                    "jdbc:postgresql://127.0.0.1:1/quant",
                    "jdbc:postgresql://",
                    "jdbc:postgresql://127.0.0.1:1/quant?user=x&password=guess"));
            return places;
        }
        return List.of("", " ", "-", "%s%n%d", "'; DROP TABLE customer; --", "x".repeat(5_000), "ünïcödé ✓");
    }

    /** An argument's name as the command line writes it, or null for a positional. */
    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : null;
    }

    /** Every command and each of its arguments that takes a value. */
    static List<Map.Entry<CommandSpec, ArgSpec>> arguments() {
        List<Map.Entry<CommandSpec, ArgSpec>> out = new ArrayList<>();
        walk(QuantCommand.commandLine(), out);
        return out;
    }

    private static void walk(CommandLine cl, List<Map.Entry<CommandSpec, ArgSpec>> out) {
        CommandSpec spec = cl.getCommandSpec();
        for (OptionSpec o : spec.options()) {
            if (!o.usageHelp() && !o.versionHelp() && o.arity().max() > 0) {
                out.add(Map.entry(spec, o));
            }
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            out.add(Map.entry(spec, p));
        }
        cl.getSubcommands().values().forEach(sub -> walk(sub, out));
    }

    @Test
    void everyNumberOptionHasARangeAndItsHelpSaysIt() {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<CommandSpec, ArgSpec> e : arguments()) {
            ArgSpec arg = e.getValue();
            if (!OptionBounds.numeric(arg)) {
                continue;
            }
            String where = e.getKey().qualifiedName() + " " + (name(arg) == null ? arg.paramLabel() : name(arg));
            OptionBounds.Range r = OptionBounds.of(e.getKey(), arg);
            if (r == null) {
                missing.add(where + ": no range");
            } else if (!String.join(" ", arg.description()).contains(r.words())) {
                missing.add(where + ": the help does not say \"" + r.words() + "\"");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyHostileValueGetsAtMostOneSentenceAndADocumentedExitCode() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        List<String> before;
        try (var files = Files.list(here)) {
            before = files.map(Path::toString).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        int runs = 0;
        for (Map.Entry<CommandSpec, ArgSpec> e : arguments()) {
            CommandSpec command = e.getKey();
            ArgSpec arg = e.getValue();
            List<String> path = List.of(command.qualifiedName().split(" "));
            for (String value : hostile(arg)) {
                List<String> args = new ArrayList<>(path.subList(1, path.size()));
                List<String> given = new ArrayList<>(
                        name(arg) != null && alternative.containsKey(name(arg))
                                ? alternative.get(name(arg))
                                : base.getOrDefault(command.qualifiedName(), List.of()));
                String option = name(arg);
                if (option == null) {
                    // a positional takes the place of the base's first word
                    if (!given.isEmpty() && !given.getFirst().startsWith("-")) {
                        given.removeFirst();
                    }
                    args.addAll(given);
                    args.add(value);
                } else {
                    int at = given.indexOf(option);
                    if (at >= 0) {
                        given.remove(at);
                        if (at < given.size() && !given.get(at).startsWith("--")) {
                            given.remove(at);
                        }
                    }
                    args.addAll(given);
                    args.add(option);
                    args.add(value);
                }
                if (!"--db".equals(option)) {
                    Path db = dir.resolve("run.mv.db");
                    Files.copy(empty, db, StandardCopyOption.REPLACE_EXISTING);
                    args.addAll(0, List.of("--db", db.toString()));
                }
                runs++;
                String problem = check(args);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        assertThat(runs).as("runs").isGreaterThan(500);
        assertThat(problems).isEmpty();
        try (var files = Files.list(here)) {
            assertThat(files.map(Path::toString).sorted().toList())
                    .as("nothing written into the working folder (an empty path is not the current folder)")
                    .isEqualTo(before);
        }
    }

    /**
     * Dates far from the data on a database that holds some: every command with an as-of date, at the
     * furthest date accepted and beyond, before the data and at the first year accepted.
     */
    @Test
    void datesFarFromTheDataAreAnsweredOnTheSample() throws Exception {
        SampleDb sample = SampleDb.load(Files.createDirectories(dir.resolve("far")));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<CommandSpec, ArgSpec> e : arguments()) {
            ArgSpec arg = e.getValue();
            if (!"--as-of".equals(name(arg))) {
                continue;
            }
            List<String> path = List.of(e.getKey().qualifiedName().split(" "));
            for (String date : List.of("2035-12-31", "2036-01-01", "1900-01-01", "2019-06-30")) {
                List<String> args = new ArrayList<>(List.of("--db", sample.path()));
                args.addAll(path.subList(1, path.size()));
                args.addAll(List.of("--as-of", date));
                String problem = check(args);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Runs one line; what is wrong with its answer, or null. */
    private static String check(List<String> args) throws Exception {
        String line = "quant "
                + String.join(
                        " ",
                        args.stream()
                                .map(a -> a.length() > 40 ? a.substring(0, 40) + "…" : a)
                                .toList());
        Future<InProcessQuant.Run> run = runner.submit(() -> InProcessQuant.quant(args.toArray(String[]::new)));
        InProcessQuant.Run r;
        try {
            r = run.get(SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            return line + ": no answer in " + SECONDS + " s";
        } catch (java.util.concurrent.ExecutionException e) {
            return line + ": threw " + e.getCause();
        }
        String err = r.err().strip();
        if (r.code() < 0 || r.code() > 3) {
            return line + ": exit " + r.code() + " " + err;
        }
        if (r.code() != 0 && (err.isEmpty() || err.lines().count() != 1 || !err.startsWith("quant: "))) {
            return line + ": exit " + r.code() + " without one sentence: " + err;
        }
        if (LEAK.matcher(err).find()) {
            return line + ": the sentence leaks the inside: " + err;
        }
        if (err.contains("An unexpected error")) {
            return line + ": ordinary bad input met as a bug: " + err;
        }
        return null;
    }
}
