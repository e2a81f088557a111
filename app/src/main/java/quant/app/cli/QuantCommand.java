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

/** {@code quant [--db PATH] [--sample] [COMMAND]}: the window, or a headless command. */
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
            UndoCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:data problems", "2:usage error", "3:input/output or database error"})
public final class QuantCommand implements Callable<Integer> {
    /** Returned when the window was opened: the JVM stays up until the window closes. */
    public static final int OPENED_WINDOW = -1;

    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int STORE_ERROR = 3;

    @Option(
            names = "--db",
            paramLabel = "PATH",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Database file (default: the one in settings.json, else ~/.quant/quant.mv.db).")
    Path db;

    @Option(
            names = "--sample",
            description = "Open the window on the bundled sample company (its own database file, loaded on first use).")
    boolean sample;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        args.add("--db=" + (sample ? DataFolder.sampleDatabase() : database()).toAbsolutePath());
        if (sample) {
            args.add("--sample");
        }
        javafx.application.Application.launch(quant.app.WorkbenchApp.class, args.toArray(String[]::new));
        return OK;
    }

    /** The database given with {@code --db}, else the one in the settings, else the default. */
    public Path database() {
        return db != null ? db : Settings.load().databaseOrDefault();
    }

    /** The configured command line, with the error handling shared by every command. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new QuantCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof StoreException se) {
                commandLine.getErr().println("quant: " + se.getMessage());
                return STORE_ERROR;
            }
            commandLine.getErr().println("quant: " + ex.getMessage());
            org.slf4j.LoggerFactory.getLogger(QuantCommand.class).error("Command failed", ex);
            return STORE_ERROR;
        });
        return cl;
    }
}
