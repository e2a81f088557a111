package quant.app.errors;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import quant.core.analysis.InvalidSpecException;
import quant.core.importing.ImportException;
import quant.core.io.UnsafeOutputException;
import quant.core.stats.ModelFitException;
import quant.core.store.StoreException;

/**
 * The one place where a failure becomes what the user reads, in the window and on the command line:
 * one plain sentence, and the command line's exit code (1 data problems, 2 usage, 3 input/output or
 * database). Exceptions from libraries are translated where our code calls them; what arrives here
 * is ours, and anything else is a bug, reported as one sentence that points to the log.
 */
public final class Failures {
    public static final int DATA = 1;
    public static final int USAGE = 2;
    public static final int IO = 3;

    private Failures() {}

    /** What the user is told, and the exit code. */
    public record Report(int exitCode, String sentence) {}

    public static Report of(Throwable e) {
        return switch (e) {
            case ImportException ie ->
                new Report(
                        switch (ie.kind()) {
                            case INVALID_DATA -> DATA;
                            case SETTINGS -> USAGE;
                            case UNREADABLE, SOURCE -> IO;
                        },
                        ie.getMessage());
            case StoreException se ->
                new Report(
                        switch (se.kind()) {
                            case REJECTED -> DATA;
                            case NOT_FOUND, REFUSED, MISSING, ENCRYPTED, DENIED -> USAGE;
                            case LOCKED, NEWER_VERSION, DAMAGED, FOREIGN, READ_ONLY, IO -> IO;
                        },
                        se.getMessage());
            case UnsafeOutputException ue -> new Report(USAGE, ue.getMessage());
            case InvalidSpecException is -> new Report(USAGE, is.getMessage());
            case ModelFitException mf -> new Report(DATA, mf.getMessage());
            case quant.core.io.CsvFiles.UnreadableFileException uf -> new Report(DATA, uf.getMessage());
            case CommandLine.ParameterException pe -> new Report(USAGE, sentence(pe.getMessage()));
            case NoSuchFileException nf -> new Report(USAGE, "There is no file " + nf.getFile() + ".");
            case AccessDeniedException ad ->
                new Report(IO, ad.getFile() + " cannot be read or written (no permission).");
            case FileSystemException fs ->
                new Report(
                        IO,
                        fs.getFile() + " cannot be used"
                                + (fs.getReason() == null ? "." : ": " + fs.getReason() + "."));
            case IOException io -> new Report(IO, "A file could not be read or written: " + io.getMessage() + ".");
            case CancellationException ce -> new Report(DATA, "The work was cancelled; nothing was written.");
            case OutOfMemoryError oom ->
                new Report(
                        IO,
                        "The command ran out of memory; give Java more with -Xmx (e.g. java -Xmx2g -jar quant.jar).");
            default ->
                diskProblem(e) != null
                        ? new Report(IO, diskProblem(e))
                        : new Report(
                                IO,
                                "An unexpected error stopped the command; nothing was written."
                                        + (quant.app.errors.Logs.file() == null
                                                ? " No log could be written (no folder for it can be written)."
                                                : " Details are in the log file " + quant.app.errors.Logs.file()
                                                        + "."));
        };
    }

    /** A sentence for a failure whose cause is a full or read-only disk, however deep; else null. */
    static String diskProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device")) {
                return "The disk is full; free some space and try again (nothing was written).";
            }
            if (m.contains("Read-only file system")) {
                return "The disk is read-only, so nothing could be written.";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The sentence alone, for the window; an import's first problem is added to a settings error. */
    public static String sentence(Throwable e) {
        if (e instanceof ImportException ie
                && !ie.problems().isEmpty()
                && ie.kind() != ImportException.Kind.INVALID_DATA) {
            return ie.getMessage() + " " + ie.problems().getFirst().describe();
        }
        return of(e).sentence();
    }

    /** Whether the failure is a bug (to be logged with its stack trace) rather than a refusal. */
    public static boolean unexpected(Throwable e) {
        return of(e).exitCode() == IO
                && !(e instanceof StoreException)
                && !(e instanceof ImportException)
                && !(e instanceof IOException);
    }

    /** Picocli's messages as a sentence: capital letter, full stop. */
    private static String sentence(String message) {
        String m = message == null ? "The command line is not valid." : message.strip();
        if (m.isEmpty()) {
            return "The command line is not valid.";
        }
        m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return m.endsWith(".") ? m : m + ".";
    }
}
