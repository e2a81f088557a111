package quant.app.cli;

import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import quant.app.errors.Failures;
import quant.core.store.DataFolder;
import quant.core.store.StoreException;

/** Prints a failed command's sentence on standard error and returns its exit code ({@link Failures}). */
final class CliErrors {
    static final int DATA = Failures.DATA;
    static final int USAGE = Failures.USAGE;
    static final int IO = Failures.IO;

    private CliErrors() {}

    static Failures.Report of(Throwable e) {
        return Failures.of(e);
    }

    /**
     * When a command finds no database and the sample company's own file is there (the window opened
     * it with --sample), a second sentence points at it; when the missing file is the sample's own,
     * it says how to load it; otherwise nothing.
     */
    static String sampleHint(Throwable e) {
        if (!(e instanceof StoreException se) || se.kind() != StoreException.Kind.MISSING) {
            return "";
        }
        java.nio.file.Path sample = DataFolder.sampleDatabase();
        if (se.getMessage().contains(sample.toString())) {
            return " Load the sample company into it with: quant --sample sample --load.";
        }
        if (!java.nio.file.Files.exists(sample)) {
            return "";
        }
        return " The sample company is in " + sample + ": add --sample to use it.";
    }

    /** Prints the sentence, logs the detail (the stack trace goes to the log file only), returns the exit code. */
    static int report(Throwable e, CommandLine cl) {
        Failures.Report r = Failures.of(e);
        if (Failures.unexpected(e)) {
            LoggerFactory.getLogger(CliErrors.class).error("Command failed: {}", r.sentence(), e);
        } else {
            LoggerFactory.getLogger(CliErrors.class).info("Command refused: {}", r.sentence(), e);
        }
        cl.getErr().println("quant: " + r.sentence() + sampleHint(e));
        cl.getErr().flush();
        return r.exitCode();
    }
}
