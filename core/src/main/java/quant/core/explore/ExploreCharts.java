package quant.core.explore;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedAreaRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import quant.core.chart.ChartStyle;
import quant.core.chart.SequentialScale;

/** The chart builder's charts, one definition for the screen and for PDF. */
public final class ExploreCharts {
    private ExploreCharts() {}

    /** The chart of the data in its spec's type; a table has none (null). */
    public static JFreeChart chart(ChartData d) {
        String title = d.spec().name().isBlank()
                ? d.measureLabel() + " by " + lower(d.xLabel())
                : d.spec().name();
        return switch (d.spec().type()) {
            case BAR, LINE, STACKED_AREA -> category(d, title);
            case SCATTER -> scatter(d, title);
            case HEATMAP -> heatmap(d, title);
            case TABLE -> null;
        };
    }

    private static JFreeChart category(ChartData d, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int s = 0; s < d.series().size(); s++) {
            for (int c = 0; c < d.categories().size(); c++) {
                double v = d.values()[s][c];
                data.addValue(
                        Double.isNaN(v) ? null : v,
                        d.series().get(s),
                        d.categories().get(c));
            }
        }
        NumberAxis axis = new NumberAxis(d.measureLabel());
        CategoryAxis categories = new CategoryAxis(d.xLabel());
        if (d.spec().type() != quant.core.explore.ChartSpec.ChartType.BAR) {
            // lines and areas run from one category to the next, without gaps between them
            categories.setCategoryMargin(0);
        }
        CategoryPlot plot;
        switch (d.spec().type()) {
            case LINE -> {
                LineAndShapeRenderer r =
                        new LineAndShapeRenderer(true, d.categories().size() <= 40);
                for (int s = 0; s < d.series().size(); s++) {
                    r.setSeriesPaint(s, ChartStyle.series(s));
                    r.setSeriesStroke(s, new BasicStroke(2f));
                }
                plot = new CategoryPlot(data, categories, axis, r);
            }
            case STACKED_AREA -> {
                StackedAreaRenderer r = new StackedAreaRenderer();
                for (int s = 0; s < d.series().size(); s++) {
                    r.setSeriesPaint(s, ChartStyle.series(s));
                }
                plot = new CategoryPlot(data, categories, axis, r);
            }
            default -> {
                BarRenderer r = new BarRenderer();
                r.setBarPainter(new StandardBarPainter());
                r.setShadowVisible(false);
                r.setItemMargin(0.02);
                for (int s = 0; s < d.series().size(); s++) {
                    r.setSeriesPaint(s, ChartStyle.series(s));
                }
                plot = new CategoryPlot(data, categories, axis, r);
            }
        }
        ChartStyle.category(plot, plot.getDomainAxis());
        if (d.categories().size() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(2.5f);
        }
        JFreeChart chart = ChartStyle.apply(new JFreeChart(title, plot));
        if (d.series().size() <= 1) {
            chart.removeLegend();
        }
        return chart;
    }

    private static JFreeChart scatter(ChartData d, String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String s : d.series()) {
            XYSeries series = new XYSeries(s, false, true);
            for (ChartData.Point p : d.points()) {
                if (p.series().equals(s)) {
                    series.add(p.x(), p.y());
                }
            }
            data.addSeries(series);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        for (int s = 0; s < d.series().size(); s++) {
            r.setSeriesPaint(s, ChartStyle.series(s));
            r.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        NumberAxis x = new NumberAxis(d.xLabel());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(d.measureLabel());
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = ChartStyle.apply(new JFreeChart(title, plot));
        if (d.series().size() <= 1) {
            chart.removeLegend();
        }
        return chart;
    }

    private static JFreeChart heatmap(ChartData d, String title) {
        int n = d.series().size() * d.categories().size();
        double[][] cells = new double[3][n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (int s = 0; s < d.series().size(); s++) {
            for (int c = 0; c < d.categories().size(); c++) {
                double v = d.values()[s][c];
                cells[0][k] = c;
                cells[1][k] = s;
                cells[2][k] = v;
                k++;
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(d.measureLabel(), cells);
        SymbolAxis x = new SymbolAxis(d.xLabel(), d.categories().toArray(String[]::new));
        x.setVerticalTickLabels(d.categories().size() > 8);
        x.setGridBandsVisible(false);
        SymbolAxis y = new SymbolAxis(null, d.series().toArray(String[]::new));
        y.setInverted(true);
        y.setGridBandsVisible(false);
        double lo = Double.isFinite(min) ? Math.min(0, min) : 0;
        double hi = Double.isFinite(max) && max > lo ? max : lo + 1;
        SequentialScale scale = new SequentialScale(lo, hi);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setDomainAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = ChartStyle.apply(new JFreeChart(title, plot));
        chart.removeLegend();
        NumberAxis legendAxis = new NumberAxis(null);
        legendAxis.setRange(lo, hi);
        legendAxis.setTickLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 10));
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(12);
        legend.setMargin(new RectangleInsets(4, 8, 4, 4));
        chart.addSubtitle(legend);
        return chart;
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** The data as rows for a table: one per category, the series across. */
    public static List<List<Object>> rows(ChartData d) {
        List<List<Object>> out = new java.util.ArrayList<>();
        for (int c = 0; c < d.categories().size(); c++) {
            List<Object> row = new java.util.ArrayList<>();
            row.add(d.categories().get(c));
            for (int s = 0; s < d.series().size(); s++) {
                double v = d.values()[s][c];
                row.add(Double.isNaN(v) ? null : v);
            }
            out.add(row);
        }
        return out;
    }
}
