package quant.app.cli;

import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import quant.app.errors.Failures;

/** Prints a failed command's sentence on standard error and returns its exit code ({@link Failures}). */
final class CliErrors {
    static final int DATA = Failures.DATA;
    static final int USAGE = Failures.USAGE;
    static final int IO = Failures.IO;

    private CliErrors() {}

    static Failures.Report of(Throwable e) {
        return Failures.of(e);
    }

    /** Prints the sentence, logs the detail (the stack trace goes to the log file only), returns the exit code. */
    static int report(Throwable e, CommandLine cl) {
        Failures.Report r = Failures.of(e);
        if (Failures.unexpected(e)) {
            LoggerFactory.getLogger(CliErrors.class).error("Command failed: {}", r.sentence(), e);
        } else {
            LoggerFactory.getLogger(CliErrors.class).info("Command refused: {}", r.sentence(), e);
        }
        cl.getErr().println("quant: " + r.sentence());
        cl.getErr().flush();
        return r.exitCode();
    }
}
