package quant.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import quant.app.settings.Settings;
import quant.core.store.DataFolder;
import quant.core.store.StoreException;
import quant.core.store.StoreLocation;

/** {@code quant [--db PATH] [--sample] [FILE] [COMMAND]}: the window, or a headless command. */
@Command(
        name = "quant",
        mixinStandardHelpOptions = true,
        version = "Quant Workbench 0.1.0",
        description = "Quant Workbench: analytics for field-service and sales-led businesses.%n"
                + "With no command, opens the workbench window.",
        subcommands = {
            SampleCommand.class,
            InfoCommand.class,
            ImportCommand.class,
            ImportsCommand.class,
            ConnectCommand.class,
            SyncCommand.class,
            ConnectionsCommand.class,
            DisconnectCommand.class,
            UndoCommand.class,
            DbCommand.class,
            CohortCommand.class,
            ClvCommand.class,
            SegmentsCommand.class,
            ChurnCommand.class,
            ForecastCommand.class,
            PipelineCommand.class,
            MarketingCommand.class,
            MarketCommand.class,
            TechniciansCommand.class,
            ProfitabilityCommand.class,
            ReceivablesCommand.class,
            FinanceCommand.class,
            EquipmentCommand.class,
            PricingCommand.class,
            QuoteCommand.class,
            KpiCommand.class,
            HealthCommand.class,
            AlertsCommand.class,
            SummaryCommand.class,
            RouteCommand.class,
            ReportCommand.class,
            SettingsCommand.class,
            StatsCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:data problems", "2:usage error", "3:input/output or database error"})
public final class QuantCommand implements Callable<Integer> {
    /** Returned when the window was opened: the JVM stays up until the window closes. */
    public static final int OPENED_WINDOW = -1;

    /** Held so that its level stays set (the logging framework keeps loggers weakly). */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int STORE_ERROR = 3;

    @Option(
            names = "--db",
            paramLabel = "PATH|URL",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Database: a file, or a team server's jdbc:postgresql://host:port/database (default: the"
                    + " one in settings.json, else ~/.quant/quant.mv.db).")
    String db;

    @Option(
            names = "--passphrase-file",
            paramLabel = "FILE",
            scope = CommandLine.ScopeType.INHERIT,
            description = "The passphrase of an encrypted database, on the first line of FILE (else the"
                    + " QUANT_PASSPHRASE environment variable); a new database is created encrypted with it.")
    Path passphraseFile;

    @Option(
            names = "--sample",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Use the bundled sample company's own database (sample-company.mv.db in the data folder)"
                    + " unless --db names one. With no command, opens the window on it, loading the sample on"
                    + " first use; with a command, runs the command on it.")
    boolean sample;

    /** The database of {@code quant FILE}, which {@link #arguments} turns into this option. */
    @Option(names = "--open", hidden = true, paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        if (file != null && db != null) {
            throw new quant.core.analysis.InvalidSpecException(
                    "Name the database once: either FILE or --db, not both.");
        }
        if (file != null && !java.nio.file.Files.isRegularFile(quant.core.store.Store.normalise(file))) {
            throw new quant.core.analysis.InvalidSpecException(
                    "There is no database at " + quant.core.store.Store.normalise(file) + "; check the path.");
        }
        List<String> args = new ArrayList<>();
        args.add("--db=" + database().text());
        if (sample && file == null) {
            args.add("--sample");
        } else if (db != null || file != null) {
            args.add("--ask-create"); // a path the user typed is not created without asking
        }
        String noDisplay = missingDisplay();
        if (noDisplay != null) {
            throw new StoreException(StoreException.Kind.IO, noDisplay);
        }
        // from this jar JavaFX runs on the class path and would warn at every start that it is unsupported;
        // the installed image links it as modules (ADR 0024), where it does not warn
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        try {
            javafx.application.Application.launch(quant.app.WorkbenchApp.class, args.toArray(String[]::new));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            org.slf4j.LoggerFactory.getLogger(QuantCommand.class).error("The window could not open", e);
            throw new StoreException(
                    StoreException.Kind.IO,
                    "The window could not open ("
                            + (e.getMessage() == null ? "the graphics toolkit failed" : e.getMessage())
                            + "; on Linux it needs a display and GTK 3, e.g. sudo apt-get install libgtk-3-0);"
                            + " every command also works without a window, see quant --help.",
                    e);
        }
        return OK;
    }

    /** Why no window can open here (Linux without a display), or {@code null}. */
    static String missingDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        boolean unix = os.contains("linux") || os.contains("bsd");
        if (unix && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            return "There is no display to open the window on (DISPLAY is not set); every command also works"
                    + " without a window, see quant --help.";
        }
        return null;
    }

    /**
     * The database given with {@code --db}, else the sample company's file with {@code --sample}, else
     * the one in the settings, else the default.
     */
    public StoreLocation database() {
        StoreLocation chosen = db != null
                ? StoreLocation.parse(db)
                : this.file != null
                        ? StoreLocation.of(this.file)
                        : sample
                                ? StoreLocation.of(DataFolder.sampleDatabase())
                                : Settings.load().location();
        if (chosen instanceof StoreLocation.File f) {
            givePassphrase(f.path());
        } else if (chosen instanceof StoreLocation.Server server) {
            ServerLogins.give(server);
        }
        return chosen;
    }

    /** The passphrase for {@code file} from --passphrase-file, else QUANT_PASSPHRASE, when either is given. */
    private void givePassphrase(Path file) {
        char[] passphrase = null;
        if (passphraseFile != null) {
            passphrase = passphraseIn(passphraseFile, "--passphrase-file");
        } else if (System.getenv("QUANT_PASSPHRASE") != null
                && !System.getenv("QUANT_PASSPHRASE").isEmpty()) {
            passphrase = System.getenv("QUANT_PASSPHRASE").toCharArray();
        }
        if (passphrase != null) {
            quant.core.store.Passphrases.give(file, passphrase);
        }
    }

    /**
     * The passphrase on the first line of {@code file} (a line end, Windows' too, is not part of it).
     *
     * @throws quant.core.analysis.InvalidSpecException naming {@code option} when it is not text or is empty
     */
    static char[] passphraseIn(Path file, String option) {
        String text;
        try {
            text = java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new quant.core.analysis.InvalidSpecException(
                    option + " " + file + " cannot be read as text (UTF-8).");
        }
        int end = text.indexOf('\n');
        char[] chars =
                (end < 0 ? text : text.substring(0, end)).replace("\r", "").toCharArray();
        if (chars.length == 0) {
            throw new quant.core.analysis.InvalidSpecException(
                    option + " " + file + " holds no passphrase on its first line.");
        }
        return chars;
    }

    /**
     * The database for a command that may create it (loading the sample, importing). A folder the user
     * named with {@code --db} must exist: a mistyped path is refused in a sentence rather than created
     * with its folders. The default data folder is created as always.
     *
     * @throws StoreException (missing, a usage error) naming the folder
     */
    public StoreLocation databaseToWrite() {
        StoreLocation location = database();
        if (db != null && location instanceof StoreLocation.File f) {
            Path parent = f.path().getParent();
            if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
                throw new StoreException(
                        StoreException.Kind.MISSING,
                        "The folder " + parent + " of --db " + db
                                + " does not exist; check the path, or create the folder first.");
            }
        }
        return location;
    }

    /**
     * The database's file, for work only an H2 file has (encrypting, restoring a zip).
     *
     * @param what what the command does, as the end of "… cannot be …"
     * @throws StoreException (refused) when the database is on a server
     */
    public Path databaseFile(String what) {
        StoreLocation location = databaseToWrite();
        if (location instanceof StoreLocation.File f) {
            return f.path();
        }
        throw new StoreException(
                StoreException.Kind.REFUSED,
                location.describe() + " is on a server and cannot be " + what + " here; the server's administrator"
                        + " does that with the server's own tools.");
    }

    /**
     * Whether a mistyped word is close enough to a command or option to suggest it: at most a third of
     * its letters (at least two) changed, added or left out (Levenshtein distance), dashes aside.
     */
    static boolean similar(String typed, String known) {
        String a = typed.replaceFirst("^-+", "").toLowerCase(java.util.Locale.ROOT);
        String b = known.replaceFirst("^-+", "").toLowerCase(java.util.Locale.ROOT);
        int[] previous = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitute, Math.min(previous[j] + 1, row[j - 1] + 1));
            }
            int[] swap = previous;
            previous = row;
            row = swap;
        }
        return previous[b.length()] <= Math.max(2, Math.max(a.length(), b.length()) / 3);
    }

    /** The configured command line, with the error handling shared by every command. */
    /**
     * The arguments as the command line takes them: {@code quant FILE} — one argument that is neither an
     * option nor a command and names a database ({@code *.mv.db}) or an existing file — opens the window
     * on that database, as a double-clicked file arrives; anything else is left for the usual parsing
     * (an unknown command is still called one).
     */
    public static String[] arguments(String... args) {
        java.util.Set<String> commands =
                new CommandLine(new QuantCommand()).getSubcommands().keySet();
        int candidate = -1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            boolean value = i > 0 && (args[i - 1].equals("--db") || args[i - 1].equals("--passphrase-file"));
            if (a.startsWith("-") || value) {
                continue;
            }
            if (candidate >= 0 || commands.contains(a)) {
                return args;
            }
            candidate = i;
        }
        if (candidate < 0) {
            return args;
        }
        String a = args[candidate];
        boolean database = a.toLowerCase(java.util.Locale.ROOT).endsWith(".mv.db")
                || java.nio.file.Files.isRegularFile(Path.of(a));
        if (!database) {
            return args;
        }
        String[] out = args.clone();
        out[candidate] = "--open=" + a;
        return out;
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new QuantCommand());
        // a long command draws its progress on standard error; anything printed wipes the bar first
        cl.setOut(CliProgress.clearing(cl.getOut()));
        cl.setErr(CliProgress.clearing(cl.getErr()));
        cl.registerConverter(java.time.LocalDate.class, OptionBounds::date);
        cl.registerConverter(java.net.URI.class, OptionBounds::uri);
        cl.registerConverter(java.time.YearMonth.class, OptionBounds::month);
        cl.setExecutionStrategy(parseResult -> {
            OptionBounds.check(parseResult);
            OptionBounds.checkInputs(parseResult);
            CliProgress.start(new java.io.PrintWriter(new java.io.FileWriter(java.io.FileDescriptor.err), true));
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                CliProgress.clearCurrent();
            }
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> CliErrors.report(ex, commandLine));
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine where = ex.getCommandLine();
            String name = where.getCommandSpec().qualifiedName();
            String message = ex.getMessage() == null
                    ? "The command line is not valid"
                    : ex.getMessage().strip();
            if (message.endsWith(".")) {
                message = message.substring(0, message.length() - 1);
            }
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
                List<String> suggestions = unmatched.getSuggestions();
                String first = unmatched.getUnmatched().isEmpty()
                        ? ""
                        : unmatched.getUnmatched().getFirst();
                if (!where.getSubcommands().isEmpty() && !first.startsWith("-")) {
                    message = "'" + name + "' has no command '" + first + "'";
                }
                String close = suggestions.stream()
                        .filter(suggestion -> similar(first, suggestion))
                        .findFirst()
                        .orElse(null);
                if (close != null) {
                    message += "; did you mean '" + close + "'?";
                }
            }
            return CliErrors.report(
                    new CommandLine.ParameterException(where, message + " (see '" + name + " --help')"), where);
        });
        return cl;
    }
}
