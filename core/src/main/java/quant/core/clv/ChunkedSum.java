package quant.core.clv;

import java.util.stream.IntStream;

/**
 * Sums a function over 0 … n−1 in fixed chunks of {@value #CHUNK}, the chunks in parallel when there
 * are several, added in chunk order: the result is the same whatever the number of processors (and,
 * for n up to one chunk, the same as a plain loop). Likelihoods over many customers use it.
 */
final class ChunkedSum {
    static final int CHUNK = 1024;

    /** The sum of one range of terms. */
    @FunctionalInterface
    interface RangeSum {
        double sum(int from, int to);
    }

    private ChunkedSum() {}

    static double sum(int n, RangeSum terms) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        if (chunks <= 1) {
            return terms.sum(0, n);
        }
        double[] parts = new double[chunks];
        IntStream.range(0, chunks)
                .parallel()
                .forEach(c -> parts[c] = terms.sum(c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
        double total = 0;
        for (double p : parts) {
            total += p;
        }
        return total;
    }
}
