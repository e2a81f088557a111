package quant.core.routing;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import quant.core.chart.ChartStyle;

/** Charts of route planning, drawn the same on screen and in reports. */
public final class RouteCharts {
    private RouteCharts() {}

    /** Recorded against planned driving minutes for each day of a month comparison. */
    public static JFreeChart month(MonthComparison m) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (MonthComparison.Day d : m.days()) {
            String day = String.format(java.util.Locale.ROOT, "%02d", d.date().getDayOfMonth());
            data.addValue(d.comparison().recordedMinutes(), "Recorded", day);
            data.addValue(d.comparison().plannedMinutes(), "Planned", day);
        }
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartStyle.MUTED);
        bars.setSeriesPaint(1, ChartStyle.series(0));
        bars.setItemMargin(0.0);
        CategoryAxis axis = new CategoryAxis("Day of " + m.month());
        if (m.days().size() > 20) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        CategoryPlot plot = new CategoryPlot(data, axis, ChartStyle.moneyAxis("Driving minutes to jobs"), bars);
        return ChartStyle.apply(new JFreeChart("Driving: recorded and planned, " + m.month(), plot));
    }
}
