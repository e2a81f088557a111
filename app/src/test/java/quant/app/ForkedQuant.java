package quant.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of the real {@code quant} in a new JVM on the test class path, for tests that fork it. */
public final class ForkedQuant {
    private ForkedQuant() {}

    /**
     * {@code java [jvmOptions] -Dquant.home=HOME -cp … quant.app.Main ARGS…}.
     *
     * @param home the data folder the child uses (logs, settings), kept out of the user's
     */
    public static List<String> command(Path home, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Dquant.home=" + home);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("quant.app.Main");
        cmd.addAll(args);
        return cmd;
    }

    /**
     * A process for {@code cmd} whose environment carries none of the variables the JVM itself reads
     * and reports on standard error ("Picked up JAVA_TOOL_OPTIONS: …"): a test of what quant prints
     * must not depend on what a user's or a CI machine's environment makes the JVM print.
     */
    public static ProcessBuilder process(List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        for (String variable : JVM_VARIABLES) {
            pb.environment().remove(variable);
        }
        return pb;
    }

    /** The environment variables the JVM picks up and announces. */
    static final List<String> JVM_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");
}
