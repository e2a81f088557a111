package quant.core.segment;

import java.time.LocalDate;
import java.util.Optional;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.InvalidSpecException;

/**
 * What a segmentation is asked for.
 *
 * @param maxClusters k-means tries k = 2 … this (2 to 12) and keeps the k with the best silhouette
 * @param seed the seed of k-means++'s choices, so that the same data give the same clusters
 * @param filter which customers count
 * @param asOf the day to compute at; empty for the data's last activity date
 */
public record SegmentSpec(int maxClusters, long seed, CustomerFilter filter, Optional<LocalDate> asOf) {
    public static final SegmentSpec DEFAULT = new SegmentSpec(8, 1, CustomerFilter.ALL, Optional.empty());

    public SegmentSpec {
        if (maxClusters < 2 || maxClusters > 12) {
            throw new InvalidSpecException("The largest number of clusters must be 2 to 12, not " + maxClusters + ".");
        }
        if (filter == null || asOf == null) {
            throw new IllegalArgumentException("a segment spec needs a filter and an as-of choice");
        }
    }

    public SegmentSpec withFilter(CustomerFilter f) {
        return new SegmentSpec(maxClusters, seed, f, asOf);
    }

    public SegmentSpec withAsOf(Optional<LocalDate> d) {
        return new SegmentSpec(maxClusters, seed, filter, d);
    }
}
