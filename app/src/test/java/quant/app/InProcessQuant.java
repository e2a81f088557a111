package quant.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import quant.app.cli.QuantCommand;

/** Runs the command line in this JVM and keeps what it printed, for tests. */
public final class InProcessQuant {
    private InProcessQuant() {}

    /** An exit code and what went to standard output and standard error. */
    public record Run(int code, String out, String err) {}

    public static Run quant(String... args) {
        var cl = QuantCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(QuantCommand.arguments(args));
        return new Run(code, out.toString(), err.toString());
    }

    /** As {@link #quant}, with {@code input} on standard input (a token for {@code quant connect}). */
    public static synchronized Run quantWithInput(String input, String... args) {
        java.io.InputStream before = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return quant(args);
        } finally {
            System.setIn(before);
        }
    }
}
