package quant.app.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The range of every number the command line takes, checked once the line is parsed and before any
 * command runs: a value outside it is a usage error (exit 2) in one sentence that gives the accepted
 * form. Dates are read by {@link #date} and {@link #month}, which say what a date looks like instead
 * of naming the parser's classes, and keep to the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}.
 * A file the line names to be read must be a regular file: a folder is refused, and so are a device
 * or a pipe, which could block the read or never end it ({@link #checkInputs}).
 *
 * <p>Ranges are looked up by the command's qualified name and the option ({@code "quant clv
 * --horizon"}), then by the option alone ({@code "--top"}), so that one name means one range unless a
 * command says otherwise. Every option's help states its range; {@code OptionCorpusTest} checks that
 * each numeric option has one here and that its help says it.
 */
final class OptionBounds {
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;

    /**
     * An accepted range.
     *
     * @param above whether {@code min} itself is refused (a time limit must be more than 0)
     * @param whole whether only whole numbers are meant (for the sentence)
     */
    record Range(double min, double max, boolean above, boolean whole, String example) {
        static Range whole(long min, long max) {
            return new Range(min, max, false, true, null);
        }

        static Range number(double min, double max) {
            return new Range(min, max, false, false, null);
        }

        static Range above(double min, double max) {
            return new Range(min, max, true, false, null);
        }

        /** The range with an example of the accepted form, said with a refusal: "0.1 for 10 %". */
        Range example(String text) {
            return new Range(min, max, above, whole, text);
        }

        boolean holds(double v) {
            return (above ? v > min : v >= min) && v <= max;
        }

        /** The range in words, as the help and the error say it: "1 to 100,000", "more than 0, at most 3,600". */
        String words() {
            boolean unbounded = max >= Long.MAX_VALUE / 2.0;
            if (unbounded && min <= Long.MIN_VALUE / 2.0) {
                return "any whole number";
            }
            if (unbounded) {
                return text(min) + " or more";
            }
            return above ? "more than " + text(min) + ", at most " + text(max) : text(min) + " to " + text(max);
        }

        private static String text(double v) {
            return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.valueOf(v);
        }
    }

    private static final long MANY = Long.MAX_VALUE;

    /** Ranges of one command's option. */
    private static final Map<String, Range> BY_COMMAND = Map.ofEntries(
            Map.entry("quant clv --horizon", Range.whole(1, 240)),
            Map.entry("quant clv predict --horizon", Range.above(0, 10_000)),
            Map.entry("quant forecast demand --horizon", Range.whole(7, 730)),
            Map.entry("quant forecast revenue --horizon", Range.whole(7, 730)),
            Map.entry("quant forecast cashflow --horizon", Range.whole(7, 730)),
            Map.entry("quant forecast series --horizon", Range.whole(1, 1_000)),
            Map.entry("quant forecast evaluate --horizon", Range.whole(1, 1_000)),
            Map.entry("quant route month --seconds-per-day", Range.above(0, 600)),
            Map.entry("quant technicians --months", Range.whole(1, 120)),
            Map.entry("quant profitability --months", Range.whole(1, 120)),
            Map.entry("quant quote --hours", Range.above(0, 1_000)),
            Map.entry("quant quote --materials", Range.number(0, 10_000_000)),
            Map.entry("quant undo RUN", Range.whole(1, MANY)),
            Map.entry("quant alerts --ack", Range.whole(1, MANY)));

    /** Ranges of an option wherever it appears. */
    private static final Map<String, Range> BY_OPTION = Map.ofEntries(
            Map.entry("--top", Range.whole(0, 100_000)),
            Map.entry("--limit", Range.whole(1, 100_000)),
            Map.entry("--redirect-port", Range.whole(0, 65_535)),
            Map.entry("--keep", Range.whole(1, 1_000)),
            Map.entry("--scale", Range.whole(1, 100)),
            Map.entry("--deal-copies", Range.whole(1, 1_000)),
            Map.entry("--discount", Range.number(0, 1).example("a yearly fraction: 0.1 for 10 %")),
            Map.entry("--inactivity-days", Range.whole(30, 3_650)),
            Map.entry("--holdout-weeks", Range.whole(4, 260)),
            Map.entry("--max-k", Range.whole(2, 20)),
            Map.entry("--folds", Range.whole(2, 100)),
            Map.entry("--season", Range.whole(1, 1_000)),
            Map.entry("--delete", Range.whole(1, MANY)),
            Map.entry("--seconds", Range.above(0, 3_600)),
            Map.entry("--seed", Range.whole(Long.MIN_VALUE, MANY)));

    private OptionBounds() {}

    /** The range of {@code arg} in {@code command}, or null when it is not a number. */
    static Range of(CommandSpec command, ArgSpec arg) {
        String name = arg instanceof OptionSpec o ? o.longestName() : ((PositionalParamSpec) arg).paramLabel();
        Range r = BY_COMMAND.get(command.qualifiedName() + " " + name);
        return r != null ? r : BY_OPTION.get(name);
    }

    /** Whether {@code arg} takes a number. */
    static boolean numeric(ArgSpec arg) {
        Class<?> t = arg.type();
        return t == int.class
                || t == Integer.class
                || t == long.class
                || t == Long.class
                || t == double.class
                || t == Double.class;
    }

    /**
     * Checks every number given on the command line, in every command of the line.
     *
     * @throws CommandLine.ParameterException naming the option, the value and the range
     */
    static void check(ParseResult line) {
        for (ParseResult p = line; p != null; p = p.subcommand()) {
            CommandSpec command = p.commandSpec();
            for (ArgSpec arg : p.matchedArgs()) {
                if (namesPaths(arg) && arg.originalStringValues().stream().anyMatch(String::isBlank)) {
                    // an empty path is the current folder: never what was meant
                    throw new CommandLine.ParameterException(
                            p.commandSpec().commandLine(),
                            (arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel())
                                    + " needs a path, not an empty value");
                }
                if (!numeric(arg)) {
                    continue;
                }
                Range r = of(command, arg);
                Object v = arg.getValue();
                if (r != null && v instanceof Number n && !r.holds(n.doubleValue())) {
                    String name =
                            arg instanceof OptionSpec o ? o.longestName() : ((PositionalParamSpec) arg).paramLabel();
                    throw new CommandLine.ParameterException(
                            p.commandSpec().commandLine(),
                            name + " must be " + (r.whole() && !r.words().startsWith("any") ? "a whole number, " : "")
                                    + r.words() + (r.example() == null ? "" : " (" + r.example() + ")") + "; not "
                                    + String.join(",", arg.originalStringValues()));
                }
            }
        }
    }

    /** Whether an option or parameter takes paths: one, or a list of them (a repeatable {@code --out}). */
    private static boolean namesPaths(ArgSpec arg) {
        return arg.type() == java.nio.file.Path.class
                || java.util.Arrays.asList(arg.auxiliaryTypes()).contains(java.nio.file.Path.class);
    }

    /** The path options that name something to write or the database, not a file to read. */
    private static final java.util.Set<String> NOT_INPUTS =
            java.util.Set.of("--db", "--rejects", "--out", "--to", "--sheets", "--xlsx", "--pptx", "--open");

    /**
     * Checks every file the line names to be read: it exists and is a regular file.
     *
     * @throws CommandLine.ParameterException naming the option and what the path is instead
     */
    static void checkInputs(ParseResult line) {
        for (ParseResult p = line; p != null; p = p.subcommand()) {
            for (ArgSpec arg : p.matchedArgs()) {
                String name = arg instanceof OptionSpec o ? o.longestName() : ((PositionalParamSpec) arg).paramLabel();
                if (arg.type() != java.nio.file.Path.class || NOT_INPUTS.contains(name)) {
                    continue;
                }
                java.nio.file.Path path = arg.getValue();
                if (path == null) {
                    continue;
                }
                String problem = null;
                if (!java.nio.file.Files.exists(path)) {
                    problem = "does not exist";
                } else if (java.nio.file.Files.isDirectory(path)) {
                    problem = "is a folder; give a file in it";
                } else if (!java.nio.file.Files.isRegularFile(path)) {
                    problem = "is " + quant.core.io.OutputPath.kind(path) + ", not a file to read";
                } else if (!java.nio.file.Files.isReadable(path)) {
                    problem = "cannot be read (no permission)";
                }
                if (problem != null) {
                    throw new CommandLine.ParameterException(
                            p.commandSpec().commandLine(), name + " names " + path + ", which " + problem);
                }
            }
        }
    }

    /** Reads a date as YYYY-MM-DD in the years the product works with. */
    /** An http or https address, e.g. {@code --base-url https://api.example.com}. */
    static java.net.URI uri(String text) {
        java.net.URI u;
        try {
            u = new java.net.URI(text.strip());
        } catch (java.net.URISyntaxException e) {
            u = null;
        }
        if (u == null
                || u.getHost() == null
                || !("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is not a web address; write it as https://host[:port][/path]");
        }
        return u;
    }

    static LocalDate date(String text) {
        LocalDate d;
        try {
            d = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is not a date; write it as YYYY-MM-DD, e.g. 2025-12-31");
        }
        if (d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is outside the years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return d;
    }

    /** Reads a month as YYYY-MM in the years the product works with. */
    static YearMonth month(String text) {
        YearMonth m;
        try {
            m = YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is not a month; write it as YYYY-MM, e.g. 2025-12");
        }
        if (m.getYear() < FIRST_YEAR || m.getYear() > LAST_YEAR) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is outside the years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return m;
    }
}
