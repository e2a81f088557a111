package quant.core.segment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import quant.core.chart.ChartStyle;
import quant.core.chart.SequentialScale;

/** The segment charts: the RFM grid and the silhouette by k. */
public final class SegmentCharts {
    private SegmentCharts() {}

    /** Customers by R score (up) and F score (across), each cell coloured by its count and labelled with it. */
    public static JFreeChart rfmGrid(SegmentResult r) {
        double[][] cells = new double[3][25];
        int max = 1;
        int k = 0;
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 5; col++) {
                int count = r.rfmGrid()[row][col];
                cells[0][k] = col + 1;
                cells[1][k] = 5 - row;
                cells[2][k] = count;
                max = Math.max(max, count);
                k++;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("customers", cells);
        SequentialScale scale = new SequentialScale(0, max);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setPaintScale(scale);
        NumberAxis f = new NumberAxis("F: purchases (quintile, 5 = most)");
        f.setRange(0.5, 5.5);
        f.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis rec = new NumberAxis("R: recency (quintile, 5 = most recent)");
        rec.setRange(0.5, 5.5);
        rec.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, f, rec, blocks);
        for (int i = 0; i < 25; i++) {
            XYTextAnnotation label =
                    new XYTextAnnotation(String.format("%,d", (int) cells[2][i]), cells[0][i], cells[1][i]);
            label.setFont(new Font(ChartStyle.FONT, Font.BOLD, 12));
            label.setPaint(scale.isDark(cells[2][i]) ? Color.WHITE : ChartStyle.TEXT);
            plot.addAnnotation(label);
        }
        JFreeChart chart = new JFreeChart("Customers by recency and frequency", plot);
        chart.removeLegend();
        ChartStyle.apply(chart);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return chart;
    }

    /** The mean silhouette of each k tried, the chosen k marked. */
    public static JFreeChart silhouette(SegmentResult r) {
        XYSeries s = new XYSeries("Mean silhouette");
        for (KMeans.Trial t : r.trials()) {
            s.add(t.k(), t.silhouette());
        }
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, ChartStyle.series(0));
        lines.setSeriesStroke(0, new BasicStroke(2f));
        lines.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        NumberAxis k = new NumberAxis("k (clusters)");
        k.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("Mean silhouette");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), k, y, lines);
        ValueMarker chosen = new ValueMarker(r.k(), ChartStyle.MUTED, new BasicStroke(1.5f));
        chosen.setLabel("chosen k = " + r.k());
        chosen.setLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 11));
        chosen.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        chosen.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        plot.addDomainMarker(chosen);
        JFreeChart chart = new JFreeChart("Choosing k", plot);
        chart.removeLegend();
        return ChartStyle.apply(chart);
    }
}
