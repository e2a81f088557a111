package quant.app;

import picocli.CommandLine;
import quant.app.cli.QuantCommand;

/**
 * Entry point of {@code quant.jar}: with no sub-command it opens the workbench window; with one it
 * runs headless and never starts the JavaFX toolkit. Not a JavaFX {@code Application} itself, so
 * the jar runs from the classpath.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        quant.app.errors.Logs.configure();
        int code = QuantCommand.commandLine().execute(QuantCommand.arguments(args));
        if (code != QuantCommand.OPENED_WINDOW) {
            System.exit(code);
        }
    }

    static CommandLine commandLine() {
        return QuantCommand.commandLine();
    }
}
