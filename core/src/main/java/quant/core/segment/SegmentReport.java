package quant.core.segment;

import java.util.List;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;

/**
 * Segmentation as a report: the named RFM segments with what to do (the main table), the k-means
 * clusters, every customer's scores and segment; the RFM grid and the silhouette charts.
 */
public final class SegmentReport {
    public static final String ID = "segments";

    private SegmentReport() {}

    public static Report of(SegmentResult r, SegmentSpec spec) {
        Report.Builder b = Report.builder(ID, "Customer segments", r.asOf())
                .spec("Clusters tried", "2 to " + spec.maxClusters())
                .spec("Filters", spec.filter().describe());
        b.figure(KeyFigure.count("customers", "Customers", r.customers(), "", "with a purchase"));
        b.figure(KeyFigure.count("segments", "RFM segments", r.segments().size(), "", "named by their scores"));
        b.figure(KeyFigure.count("clusters", "Clusters", r.k(), "", "k-means, best silhouette"));
        if (r.customers() > 0) {
            b.chart("rfm-grid", "Customers by recency and frequency score", () -> SegmentCharts.rfmGrid(r));
            b.chart("silhouette", "Silhouette by number of clusters", () -> SegmentCharts.silhouette(r));
        }
        b.table(new ReportTable<>("segments", "RFM segments", segmentColumns(), r.segments()));
        b.table(new ReportTable<>("clusters", "Clusters", clusterColumns(), r.clusters()));
        b.table(new ReportTable<>("customers", "Customers", customerColumns(), r.rows()));
        return b.definitions(r.definitions()).build();
    }

    /** The named segments' columns. */
    public static List<Column<SegmentResult.NamedSegment>> segmentColumns() {
        return List.of(
                Column.text("segment", "Segment", "The segment's name", SegmentResult.NamedSegment::name),
                Column.integer(
                        "customers",
                        "Customers",
                        "",
                        "Customers in the segment",
                        SegmentResult.NamedSegment::customers),
                Column.percent("share", "Share", "Of all customers", SegmentResult.NamedSegment::share),
                Column.decimal(
                        "days-since",
                        "Days since",
                        "days",
                        0,
                        "Mean days since the last purchase",
                        SegmentResult.NamedSegment::meanRecencyDays),
                Column.decimal(
                        "purchases",
                        "Purchases",
                        "",
                        1,
                        "Mean days with a completed job",
                        SegmentResult.NamedSegment::meanPurchases),
                Column.percent(
                        "revenue-share",
                        "Revenue share",
                        "Of all customers' revenue",
                        SegmentResult.NamedSegment::revenueShare),
                Column.text("what-to-do", "What to do", "The segment's action", SegmentResult.NamedSegment::action));
    }

    /** The clusters' columns. */
    public static List<Column<SegmentResult.Cluster>> clusterColumns() {
        return List.of(
                Column.integer("cluster", "#", "", "The cluster's number", SegmentResult.Cluster::cluster),
                Column.text(
                        "profile", "Profile", "How the cluster differs from the average", SegmentResult.Cluster::label),
                Column.integer(
                        "customers", "Customers", "", "Customers in the cluster", SegmentResult.Cluster::customers),
                Column.decimal(
                        "days-since",
                        "Days since",
                        "days",
                        0,
                        "Mean days since the last purchase",
                        SegmentResult.Cluster::meanRecencyDays),
                Column.decimal(
                        "purchases",
                        "Purchases",
                        "",
                        1,
                        "Mean days with a completed job",
                        SegmentResult.Cluster::meanPurchases),
                Column.wholeMoney(
                        "revenue", "Revenue", "Mean revenue per customer", SegmentResult.Cluster::meanRevenue),
                Column.wholeMoney("margin", "Margin", "Mean margin per customer", SegmentResult.Cluster::meanMargin),
                Column.percent(
                        "churned",
                        "Churned",
                        "Share with no purchase for longer than the churn setting",
                        SegmentResult.Cluster::churnedShare),
                Column.text(
                        "mostly",
                        "Mostly",
                        "The RFM segment most of its customers are in",
                        SegmentResult.Cluster::topSegment));
    }

    /** Every customer's columns. */
    public static List<Column<SegmentResult.CustomerSegment>> customerColumns() {
        return List.of(
                Column.text("customer", "Customer", "The customer's name", SegmentResult.CustomerSegment::name),
                Column.text("type", "Type", "Residential or commercial", SegmentResult.CustomerSegment::customerType),
                Column.text(
                        "rfm",
                        "RFM",
                        "Recency, frequency and monetary scores, 1 to 5",
                        SegmentResult.CustomerSegment::rfm),
                Column.text("segment", "Segment", "The named segment", SegmentResult.CustomerSegment::segment),
                Column.integer("cluster", "Cluster", "", "The k-means cluster", SegmentResult.CustomerSegment::cluster),
                Column.integer(
                        "days-since",
                        "Days since",
                        "days",
                        "Days since the last purchase",
                        SegmentResult.CustomerSegment::recencyDays),
                Column.integer(
                        "purchases",
                        "Purchases",
                        "",
                        "Days with a completed job",
                        SegmentResult.CustomerSegment::purchases),
                Column.wholeMoney(
                        "revenue", "Revenue", "Revenue of completed jobs", SegmentResult.CustomerSegment::revenue),
                Column.wholeMoney("margin", "Margin", "Revenue less job costs", SegmentResult.CustomerSegment::margin),
                Column.date(
                        "last-purchase",
                        "Last purchase",
                        "The last day with a completed job",
                        SegmentResult.CustomerSegment::lastPurchase));
    }
}
