package quant.core.segment;

import java.time.LocalDate;
import java.util.List;
import quant.core.analysis.AsOf;

/**
 * Customer segments: RFM scores with named segments, and k-means clusters with a profile of each.
 *
 * @param customers customers passing the filter with at least one purchase by the as-of date
 * @param rfmGrid customers by R score (rows, 5 first) and F score (columns, 1 first): rfmGrid[5 − R][F − 1]
 * @param segments the named RFM segments, in the order of {@link Rfm.Segment}
 * @param clusters the k-means clusters, largest first
 * @param trials the silhouette of every k tried
 * @param rows one per customer
 */
public record SegmentResult(
        AsOf asOf,
        int customers,
        int[][] rfmGrid,
        List<NamedSegment> segments,
        int k,
        List<KMeans.Trial> trials,
        List<Cluster> clusters,
        List<CustomerSegment> rows,
        List<String> definitions)
        implements quant.core.analysis.Dated {

    /**
     * One named RFM segment.
     *
     * @param share of the customers
     * @param revenueShare of the customers' revenue to date
     */
    public record NamedSegment(
            String name,
            String rule,
            String action,
            int customers,
            double share,
            double meanRecencyDays,
            double meanPurchases,
            double meanRevenue,
            double revenueShare) {}

    /**
     * One k-means cluster, described by its members' means on the original scales.
     *
     * @param label a readable description from how the cluster compares with all customers
     * @param churnedShare share of members with no purchase in the last 365 days
     * @param topSegment the RFM segment most of its members are in
     */
    public record Cluster(
            int cluster,
            String label,
            int customers,
            double meanRecencyDays,
            double meanPurchases,
            double meanRevenue,
            double meanMargin,
            double churnedShare,
            String topSegment) {}

    /** One customer's scores, segment and cluster. */
    public record CustomerSegment(
            long id,
            String name,
            String customerType,
            int recencyDays,
            int purchases,
            double revenue,
            double margin,
            LocalDate lastPurchase,
            int r,
            int f,
            int m,
            String rfm,
            String segment,
            int cluster) {}
}
