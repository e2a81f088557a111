package quant.app.segment;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.CustomerFilterBar;
import quant.app.analysis.Formats;
import quant.app.analysis.Tables;
import quant.core.segment.SegmentCharts;
import quant.core.segment.SegmentReport;
import quant.core.segment.SegmentResult;

/** Customer segments: the RFM grid and named segments, the k-means clusters, and every customer's scores. */
public final class SegmentView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "customers.segments";

    private final SegmentViewModel model;
    private final ChartViewer grid = new ChartViewer();
    private final ChartViewer silhouette = new ChartViewer();
    private final TableView<SegmentResult.NamedSegment> segments = new TableView<>();
    private final TableView<SegmentResult.Cluster> clusters = new TableView<>();
    private final TableView<SegmentResult.CustomerSegment> customers = new TableView<>();
    private final TabPane tabs;
    private final AnalysisFrame frame;

    public SegmentView(SegmentViewModel model) {
        this.model = model;
        setId("segment-view");
        Spinner<Integer> maxK = new Spinner<>(2, 12, model.maxClustersProperty().get());
        maxK.setPrefWidth(70);
        maxK.getValueFactory().valueProperty().addListener((o, a, b) -> model.maxClustersProperty()
                .set(b));
        maxK.setTooltip(new Tooltip("k-means tries 2 … this many clusters and keeps the best silhouette"));
        ToolBar bar = new ToolBar(new Label("Clusters up to"), maxK);
        bar.getItems().addAll(CustomerFilterBar.controls(model.filter(), "segment"));
        setTop(bar);

        segments.setId("segment-rfm");
        segments.getColumns().setAll(Tables.of(SegmentReport.segmentColumns()));
        SplitPane rfm = new SplitPane(grid, segments);
        rfm.setOrientation(Orientation.VERTICAL);
        rfm.setDividerPositions(0.55);

        clusters.setId("segment-clusters");
        clusters.getColumns().setAll(Tables.of(SegmentReport.clusterColumns()));
        SplitPane km = new SplitPane(clusters, silhouette);
        km.setOrientation(Orientation.VERTICAL);
        km.setDividerPositions(0.45);

        customers.setId("segment-customers");
        customers.getColumns().setAll(Tables.of(SegmentReport.customerColumns()));

        tabs = new TabPane(tab("RFM segments", rfm), tab("Clusters", km), tab("Customers", customers));
        tabs.setId("segment-tabs");
        frame = new AnalysisFrame(
                this, tabs, "segment", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> show(r));
        model.refresh();
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private void show(SegmentResult r) {
        if (r == null) {
            return;
        }
        frame.setDefinitions(r.definitions());
        if (r.customers() == 0) {
            frame.showEmpty("No customer with these filters has a purchase by "
                    + r.asOf().date() + ". Clear a filter, or import customers and completed jobs.");
            return;
        }
        frame.showBody();
        frame.setSummary("%s customers with a purchase · k-means chose %d clusters · as of %s"
                .formatted(Formats.count(r.customers()), r.k(), r.asOf().describe()));
        grid.setChart(SegmentCharts.rfmGrid(r));
        silhouette.setChart(r.trials().isEmpty() ? null : SegmentCharts.silhouette(r));
        segments.getItems().setAll(r.segments());
        clusters.getItems().setAll(r.clusters());
        customers.getItems().setAll(r.rows());
    }

    /** Opens a customer's page on a double click or Enter in the list of customers. */
    public SegmentView onOpenCustomer(java.util.function.LongConsumer open) {
        Tables.opensCustomer(customers, SegmentResult.CustomerSegment::id, open);
        return this;
    }

    @Override
    public java.util.Optional<quant.core.report.Report> report() {
        var r = model.resultProperty().get();
        return r == null || model.resultSpec() == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(quant.core.segment.SegmentReport.of(r, model.resultSpec()));
    }
}
