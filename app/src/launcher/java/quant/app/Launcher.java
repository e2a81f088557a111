package quant.app;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point, compiled for Java 8 so that an older Java runtime reads it: it answers a
 * runtime older than 25 with one sentence (instead of a class-version error) and otherwise hands
 * over to {@code quant.app.Main}.
 */
public final class Launcher {
    private static final int NEEDED = 25;

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        int feature = feature(System.getProperty("java.specification.version", "0"));
        if (feature < NEEDED) {
            System.err.println("quant: Quant Workbench needs Java " + NEEDED + " or newer, but this is Java "
                    + System.getProperty("java.specification.version") + " (" + System.getProperty("java.home")
                    + "); run it with a JDK 25, e.g. \"$JAVA_HOME/bin/java -jar app/target/quant.jar\" or \"sh"
                    + " app/target/quant\" (which uses the JDK that built it).");
            System.exit(3);
        }
        try {
            Class.forName("quant.app.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static int feature(String version) {
        String v = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }
}
