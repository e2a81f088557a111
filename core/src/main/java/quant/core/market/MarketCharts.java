package quant.core.market;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import quant.core.chart.ChartStyle;

/** The market charts: share by period per line, and the latest growth of market against our revenue. */
public final class MarketCharts {
    private MarketCharts() {}

    /**
     * Our share of each line's market period by period (periods labelled by their start; a period
     * still running is marked with an asterisk, its market value taken pro rata).
     */
    public static JFreeChart shareTrend(
            List<MarketResult.Period> periods, java.util.function.UnaryOperator<String> name) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<MarketResult.Period> shares =
                periods.stream().filter(p -> Double.isFinite(p.share())).toList();
        List<String> labels = shares.stream()
                .sorted(java.util.Comparator.comparing(MarketResult.Period::start))
                .map(MarketCharts::label)
                .distinct()
                .toList();
        List<String> segments = shares.stream()
                .map(MarketResult.Period::segment)
                .distinct()
                .sorted()
                .toList();
        for (String s : segments) {
            for (String l : labels) {
                data.addValue(null, name.apply(s), l);
            }
        }
        for (MarketResult.Period p : shares) {
            data.setValue(p.share(), name.apply(p.segment()), label(p));
        }
        LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < segments.size(); i++) {
            lines.setSeriesPaint(i, ChartStyle.series(i));
            lines.setSeriesStroke(i, new BasicStroke(2f));
            lines.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        CategoryPlot plot = new CategoryPlot(
                data, new CategoryAxis("Period"), ChartStyle.percentAxis("Our share of the market"), lines);
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis())
                .setNumberFormatOverride(new java.text.DecimalFormat("0.00%"));
        return ChartStyle.apply(new JFreeChart("Market share by line", plot));
    }

    /** Per line, the growth of its market and of our revenue over the latest complete period. */
    public static JFreeChart growth(List<MarketResult.Line> lines, java.util.function.UnaryOperator<String> name) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (MarketResult.Line l : lines) {
            data.addValue(finiteOrNull(l.marketGrowth()), "Market", name.apply(l.segment()));
            data.addValue(finiteOrNull(l.revenueGrowth()), "Our revenue", name.apply(l.segment()));
        }
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartStyle.MUTED);
        bars.setSeriesPaint(1, ChartStyle.series(0));
        bars.setItemMargin(0.05);
        bars.setMaximumBarWidth(0.1);
        CategoryPlot plot = new CategoryPlot(
                data, new CategoryAxis(null), ChartStyle.percentAxis("Growth in the latest period"), bars);
        return ChartStyle.apply(new JFreeChart("Market growth against ours", plot));
    }

    private static String label(MarketResult.Period p) {
        String start = p.start().getMonthValue() == 1 && p.start().getDayOfMonth() == 1
                ? Integer.toString(p.start().getYear())
                : p.start().toString();
        return p.complete() ? start : start + "*";
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
