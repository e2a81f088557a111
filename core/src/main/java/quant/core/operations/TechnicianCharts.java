package quant.core.operations;

import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import quant.core.chart.ChartStyle;

/** The technician charts: the score built from its three parts, and one row's months. */
public final class TechnicianCharts {
    private TechnicianCharts() {}

    /**
     * Each technician's score as a bar of its three parts (weight × points: time, quality, rating),
     * in the order given, labelled with the name and the trade.
     */
    public static JFreeChart scores(List<TechnicianResult.Technician> rows, TechnicianResult.Weights w) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TechnicianResult.Technician t : rows) {
            if (t.jobs() == 0 || Double.isNaN(t.score())) {
                continue;
            }
            String label = t.name() + (t.tradeName() == null ? "" : " · " + t.tradeName());
            data.addValue(t.timePoints(w), "Time", label);
            data.addValue(t.qualityPoints(w), "Quality (first-time fix)", label);
            data.addValue(t.ratingPoints(w), "Rating", label);
        }
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        for (int i = 0; i < 3; i++) {
            bars.setSeriesPaint(i, ChartStyle.series(i));
        }
        bars.setMaximumBarWidth(0.9);
        NumberAxis points = new NumberAxis("Score (0–100), compared within the trade");
        points.setRange(0, 100);
        points.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), points, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return ChartStyle.apply(new JFreeChart("Technician scores and what makes them", plot));
    }

    /** One row's months: first-time fix and utilisation as shares, actual ÷ estimated hours on its own axis. */
    public static JFreeChart months(List<TechnicianResult.Month> months, String name) {
        DefaultCategoryDataset shares = new DefaultCategoryDataset();
        DefaultCategoryDataset ratio = new DefaultCategoryDataset();
        for (TechnicianResult.Month m : months) {
            shares.addValue(finiteOrNull(m.firstTimeFix()), "First-time fix", m.month());
            shares.addValue(finiteOrNull(m.utilisation()), "Utilisation", m.month());
            ratio.addValue(finiteOrNull(m.hoursRatio()), "Actual ÷ estimated hours (right)", m.month());
        }
        LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < 2; i++) {
            lines.setSeriesPaint(i, ChartStyle.series(i));
            lines.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis axis = ChartStyle.percentAxis("Share");
        axis.setRange(0, 1.05);
        CategoryPlot plot = new CategoryPlot(shares, new CategoryAxis(null), axis, lines);
        NumberAxis times = new NumberAxis("× the estimate");
        times.setAutoRangeIncludesZero(true);
        LineAndShapeRenderer ratioLine = new LineAndShapeRenderer(true, true);
        ratioLine.setSeriesPaint(0, ChartStyle.series(2));
        ratioLine.setSeriesStroke(
                0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        plot.setDataset(1, ratio);
        plot.setRangeAxis(1, times);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, ratioLine);
        ChartStyle.category(plot, plot.getDomainAxis());
        return ChartStyle.apply(new JFreeChart(name + " month by month", plot));
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
