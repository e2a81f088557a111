package quant.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long the installed workbench takes to its first painted window: the app image's launcher is
 * started on a database file ({@code quant FILE}) under an X server, and the time from the process's
 * start to the moment the window has laid out and drawn its first frame (the app writes it when
 * {@code QUANT_FIRST_FRAME} names a file, then quits) is taken, after one warm-up launch, as the median
 * of the runs. Each launch has a fresh data folder ({@code QUANT_HOME}), so no saved layout helps or
 * hinders it. Without {@code DISPLAY}, an Xvfb server is started for the run.
 *
 * <p>Arguments: the launcher ({@code installer/target/image/quant/bin/quant}), a database file (the
 * sample company), runs.
 */
public final class FirstWindowBench {
    private FirstWindowBench() {}

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]).toAbsolutePath();
        Path db = Path.of(args[1]).toAbsolutePath();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            display = ":97";
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1280x800x24")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Thread.sleep(1000);
        }
        try {
            List<Double> wall = new ArrayList<>();
            List<Double> jvm = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                double[] t = launch(launcher, db, display);
                if (i > 0) {
                    wall.add(t[0]);
                    jvm.add(t[1]);
                }
            }
            System.out.printf(
                    "first painted window: median %.2f s from launch (%s), of which %.2f s in the JVM; %d runs"
                            + " after a warm-up%n",
                    Timing.median(wall), wall, Timing.median(jvm), runs);
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    /** One launch: seconds from the process's start to the first frame, and the JVM's uptime then. */
    static double[] launch(Path launcher, Path db, String display) throws Exception {
        Path home = Files.createTempDirectory("quant-first-window");
        Path marker = home.resolve("first-frame.txt");
        Path copy = home.resolve("company.mv.db");
        Files.copy(db, copy);
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), copy.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        env.put("DISPLAY", display);
        env.put("QUANT_HOME", home.toString());
        env.put("QUANT_FIRST_FRAME", marker.toString());
        env.put("QUANT_FIRST_FRAME_EXIT", "1");
        long t0 = System.nanoTime();
        Process p = pb.start();
        while (!Files.exists(marker) || Files.size(marker) == 0) {
            if (!p.isAlive()) {
                throw new IllegalStateException(
                        "the workbench ended before its first frame (exit " + p.exitValue() + ")");
            }
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(120)) {
                p.destroyForcibly();
                throw new IllegalStateException("no first frame within 120 s");
            }
            Thread.sleep(2);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double uptime = Long.parseLong(Files.readString(marker).strip()) / 1000.0;
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new double[] {seconds, uptime};
    }
}
