package quant.app.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import quant.core.job.JobMonitor;

/**
 * Progress of a long command on standard error: a one-line bar, redrawn in place, for work that has
 * run longer than a second. Only on a terminal: when standard error is a file or a pipe nothing is
 * drawn, so scripts and logs read only the result. The line is wiped before the command prints
 * anything else, on either stream.
 */
final class CliProgress implements JobMonitor {
    /** Work shorter than this shows no bar. */
    static final long QUIET_MILLIS = 1_000;

    static final long REDRAW_MILLIS = 100;
    static final int WIDTH = 78;
    static final int BAR = 24;

    private static volatile CliProgress current = new CliProgress(null, false);

    private final PrintWriter err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    CliProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal && err != null;
    }

    /** Starts the progress of one command on {@code err}; drawn only when the console is a terminal. */
    static CliProgress start(PrintWriter err) {
        java.io.Console console = System.console();
        CliProgress p = new CliProgress(err, console != null && console.isTerminal());
        current = p;
        return p;
    }

    /** The progress of the command that is running. */
    static JobMonitor monitor() {
        return current;
    }

    /** Wipes the bar of the running command, if one is drawn. */
    static void clearCurrent() {
        current.clear();
    }

    @Override
    public synchronized void progress(long done, long total, String stage) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        long elapsed = (now - started) / 1_000_000;
        if (elapsed < QUIET_MILLIS || drawn && (now - lastDraw) / 1_000_000 < REDRAW_MILLIS) {
            return;
        }
        err.print('\r' + line(done, total, stage, elapsed));
        err.flush();
        lastDraw = now;
        drawn = true;
    }

    /** The line drawn: the stage, a bar when the total is known, the share done and the seconds so far. */
    static String line(long done, long total, String stage, long elapsedMillis) {
        String seconds = String.format(Locale.ROOT, " %ds", elapsedMillis / 1000);
        String bar = "";
        if (total > 0) {
            double share = Math.max(0, Math.min(1, (double) done / total));
            int filled = (int) Math.round(share * BAR);
            bar = " [" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] "
                    + String.format(Locale.ROOT, "%3.0f%%", 100 * share);
        }
        String text = stage == null ? "" : stage;
        int room = WIDTH - bar.length() - seconds.length();
        if (text.length() > room) {
            text = text.substring(0, Math.max(0, room - 1)) + "…";
        }
        String out = text + bar + seconds;
        return out + " ".repeat(Math.max(0, WIDTH - out.length()));
    }

    /** Wipes the bar, if one is drawn. */
    synchronized void clear() {
        if (drawn) {
            err.print('\r' + " ".repeat(WIDTH) + '\r');
            err.flush();
            drawn = false;
        }
    }

    /** A writer that wipes the running command's bar before it writes. */
    static PrintWriter clearing(PrintWriter target) {
        return new PrintWriter(
                new Writer() {
                    @Override
                    public void write(char[] buffer, int offset, int length) {
                        clearCurrent();
                        target.write(buffer, offset, length);
                    }

                    @Override
                    public void flush() {
                        target.flush();
                    }

                    @Override
                    public void close() {
                        target.flush();
                    }
                },
                true);
    }
}
