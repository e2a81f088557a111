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
}
