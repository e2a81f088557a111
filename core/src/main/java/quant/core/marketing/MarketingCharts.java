package quant.core.marketing;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import quant.core.analysis.DisplayNames;
import quant.core.chart.ChartStyle;

/** The marketing charts: lifetime value beside acquisition cost, payback curves, and CAC by month. */
public final class MarketingCharts {
    private MarketingCharts() {}

    /** Each channel's CAC and LTV side by side. */
    public static JFreeChart ltvAndCac(List<MarketingResult.Channel> channels, String ltvLabel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (MarketingResult.Channel c : channels) {
            data.addValue(finiteOrNull(c.cac()), "CAC", DisplayNames.of(c.channel()));
            data.addValue(finiteOrNull(c.ltv()), ltvLabel, DisplayNames.of(c.channel()));
        }
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartStyle.series(3));
        bars.setSeriesPaint(1, ChartStyle.series(0));
        bars.setItemMargin(0.05);
        bars.setMaximumBarWidth(0.08);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), ChartStyle.moneyAxis("Per customer"), bars);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("Lifetime value and acquisition cost", plot));
        if (channels.size() > 5) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return chart;
    }

    /**
     * Payback curves: for each channel, its customers' mean cumulative margin after each month of
     * age as a share of the channel's CAC; a channel has paid back where its curve crosses 100 %.
     * Shows the first 12 months, or twice the slowest payback when that is longer.
     */
    public static JFreeChart payback(List<MarketingResult.Channel> channels) {
        XYSeriesCollection data = new XYSeriesCollection();
        int slowest = channels.stream()
                .filter(c -> c.paybackMonths() != null)
                .mapToInt(MarketingResult.Channel::paybackMonths)
                .max()
                .orElse(12);
        int window = Math.max(12, 2 * slowest);
        for (MarketingResult.Channel c : channels) {
            if (!(c.cac() > 0) || c.cumulativeMargin().isEmpty()) {
                continue;
            }
            XYSeries s = new XYSeries(DisplayNames.of(c.channel()));
            s.add(0, 0);
            for (int m = 0; m < Math.min(window, c.cumulativeMargin().size()); m++) {
                s.add(m + 1, c.cumulativeMargin().get(m) / c.cac());
            }
            data.addSeries(s);
        }
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            lines.setSeriesPaint(i, ChartStyle.series(i));
            lines.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis months = new NumberAxis("Months since acquisition");
        months.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, months, ChartStyle.percentAxis("Share of CAC recovered"), lines);
        ValueMarker paid = new ValueMarker(1.0, ChartStyle.TEXT, new BasicStroke(1f));
        paid.setLabel("paid back");
        paid.setLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 11));
        paid.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        paid.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(paid);
        return ChartStyle.apply(new JFreeChart("Payback: margin recovered against CAC", plot));
    }

    /** CAC per channel month by month (months without new customers left out). */
    public static JFreeChart cacByMonth(List<MarketingResult.MonthCac> months) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> labels = months.stream()
                .map(MarketingResult.MonthCac::month)
                .distinct()
                .sorted()
                .toList();
        List<String> channels = months.stream()
                .map(MarketingResult.MonthCac::channel)
                .distinct()
                .sorted()
                .toList();
        for (String c : channels) {
            for (String m : labels) {
                data.addValue(null, c, m);
            }
        }
        for (MarketingResult.MonthCac m : months) {
            data.setValue(finiteOrNull(m.cac()), DisplayNames.of(m.channel()), m.month());
        }
        LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < channels.size(); i++) {
            lines.setSeriesPaint(i, ChartStyle.series(i));
            lines.setSeriesStroke(i, new BasicStroke(1.5f));
            lines.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        CategoryAxis axis = new CategoryAxis("Month");
        axis.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        CategoryPlot plot = new CategoryPlot(data, axis, ChartStyle.moneyAxis("CAC"), lines);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("Acquisition cost by month", plot));
        axis.setTickLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 9));
        return chart;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
