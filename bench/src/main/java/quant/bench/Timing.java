package quant.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Times a piece of work: one warm-up run, then {@code runs} measured runs; reports the median.
 * Benchmarks report ratios against a reference engine measured in the same run, never bare times.
 */
public final class Timing {
    private Timing() {}

    /** A measured result: the median wall time and the peak heap seen after each run. */
    public record Result(String name, Duration median, long peakHeapBytes) {
        public double ratioTo(Result reference) {
            return (double) median.toNanos() / reference.median().toNanos();
        }
    }

    /** Runs {@code setup} before every run (not timed) and {@code work} timed. */
    public static Result measure(String name, int runs, Callable<?> setup, Callable<?> work) throws Exception {
        List<Long> times = new ArrayList<>();
        long peak = 0;
        for (int i = 0; i <= runs; i++) {
            setup.call();
            System.gc();
            long start = System.nanoTime();
            work.call();
            long took = System.nanoTime() - start;
            Runtime rt = Runtime.getRuntime();
            peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
            if (i > 0) {
                times.add(took);
            }
        }
        times.sort(Long::compare);
        return new Result(name, Duration.ofNanos(times.get(times.size() / 2)), peak);
    }

    /** The median of some measurements (the mean of the middle two for an even count). */
    public static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.size() % 2 == 1
                ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }
}
