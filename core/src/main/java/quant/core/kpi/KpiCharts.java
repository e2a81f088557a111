package quant.core.kpi;

import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import quant.core.chart.ChartStyle;

/** The health score's charts: its trend, and what each section adds to it. */
public final class KpiCharts {
    private KpiCharts() {}

    /** The overall health score at the end of each period. */
    public static JFreeChart healthTrend(List<HealthResult.Point> trend) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (HealthResult.Point p : trend) {
            data.addValue(p.score(), "Health score", p.period());
        }
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, ChartStyle.series(0));
        line.setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis axis = new NumberAxis("Score (0–100)");
        axis.setRange(0, 100);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), axis, line);
        ChartStyle.category(plot, plot.getDomainAxis());
        plot.getDomainAxis().setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(2.5f);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("Health score by period", plot));
        chart.removeLegend();
        return chart;
    }

    /** Each section's score beside its weight in the overall score. */
    public static JFreeChart sections(List<HealthResult.SectionScore> sections) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (HealthResult.SectionScore s : sections) {
            data.addValue(s.score(), "Score", s.title());
        }
        BarRenderer bars = new BarRenderer();
        bars.setSeriesPaint(0, ChartStyle.series(0));
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        NumberAxis axis = new NumberAxis("Score (0–100)");
        axis.setRange(0, 100);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), axis, bars);
        ChartStyle.category(plot, plot.getDomainAxis());
        JFreeChart chart = ChartStyle.apply(new JFreeChart("Score by section", plot));
        chart.removeLegend();
        return chart;
    }
}
