package quant.core.finance;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import quant.core.chart.ChartStyle;
import quant.core.settings.Levels;

/** The receivables and finance charts: aging, DSO over time, concentration, margins and seasons. */
public final class FinanceCharts {
    private static final Color WARNING = new Color(0xD9A21B);
    private static final Color CRITICAL = new Color(0xC0392B);

    private FinanceCharts() {}

    /** Open receivables by bucket of days past due. */
    public static JFreeChart aging(List<ReceivablesResult.Bucket> buckets) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ReceivablesResult.Bucket b : buckets) {
            data.addValue(b.amount(), "Open", label(b.bucket()));
        }
        BarRenderer bars = bars();
        bars.setSeriesPaint(0, ChartStyle.series(0));
        CategoryPlot plot =
                new CategoryPlot(data, new CategoryAxis("Days past due"), ChartStyle.moneyAxis("Open"), bars);
        plot.getRenderer().setDefaultSeriesVisibleInLegend(false);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("Receivables by days past due", plot));
        chart.removeLegend();
        return chart;
    }

    private static String label(String bucket) {
        return bucket.equals("current") ? "not yet due" : bucket.replace("-", "–");
    }

    /** DSO at each month end, with the warning and critical levels drawn across. */
    public static JFreeChart dsoTrend(List<ReceivablesResult.DsoPoint> points, Levels levels) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ReceivablesResult.DsoPoint p : points) {
            data.addValue(
                    Double.isFinite(p.dso()) ? p.dso() : null, "DSO", p.date().toString());
        }
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, ChartStyle.series(0));
        line.setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis days = new NumberAxis("Days");
        days.setAutoRangeIncludesZero(true);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), days, line);
        ChartStyle.category(plot, plot.getDomainAxis());
        marks(plot, levels);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("Days sales outstanding at each month end", plot));
        chart.removeLegend();
        return chart;
    }

    /** The largest customers' shares of the year's invoicing, with the running total. */
    public static JFreeChart concentration(List<FinanceResult.Share> shares, Levels top5) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset cumulative = new DefaultCategoryDataset();
        for (FinanceResult.Share s : shares) {
            String label = s.rank() + ". " + s.name();
            bars.addValue(s.share(), "Share", label);
            cumulative.addValue(s.cumulativeShare(), "Running total", label);
        }
        BarRenderer r = bars();
        r.setSeriesPaint(0, ChartStyle.series(0));
        NumberAxis axis = ChartStyle.percentAxis("Share of 12 months' invoicing");
        // shares of a few percent need a decimal to tell the ticks apart
        java.text.NumberFormat percent = java.text.NumberFormat.getPercentInstance(Locale.ROOT);
        percent.setMinimumFractionDigits(shares.isEmpty() || shares.getLast().cumulativeShare() < 0.2 ? 1 : 0);
        axis.setNumberFormatOverride(percent);
        CategoryPlot plot = new CategoryPlot(bars, new CategoryAxis(null), axis, r);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, ChartStyle.series(1));
        line.setSeriesStroke(0, new BasicStroke(2f));
        plot.setDataset(1, cumulative);
        plot.setRenderer(1, line);
        ChartStyle.category(plot, plot.getDomainAxis());
        plot.getDomainAxis().setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(2.5f);
        plot.addRangeMarker(
                marker(top5.warning(), WARNING, "top-5 warning " + Math.round(100 * top5.warning()) + " %"));
        return ChartStyle.apply(new JFreeChart("How much rests on the largest customers", plot));
    }

    /** Gross and operating margin share by month, with the operating margin's levels. */
    public static JFreeChart margins(List<FinanceResult.Month> months, Levels gross, Levels operating) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (FinanceResult.Month m : months) {
            String label = shortMonth(m.month()) + (m.complete() ? "" : "*");
            data.addValue(finite(m.grossShare()), "Gross margin", label);
            data.addValue(finite(m.operatingShare()), "Operating margin", label);
        }
        LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, ChartStyle.series(0));
        lines.setSeriesPaint(1, ChartStyle.series(1));
        lines.setSeriesStroke(0, new BasicStroke(2f));
        lines.setSeriesStroke(1, new BasicStroke(2f));
        CategoryPlot plot =
                new CategoryPlot(data, new CategoryAxis(null), ChartStyle.percentAxis("Share of revenue"), lines);
        ChartStyle.category(plot, plot.getDomainAxis());
        plot.getDomainAxis().setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        plot.addRangeMarker(marker(gross.warning(), WARNING, "gross margin warning"));
        plot.addRangeMarker(marker(operating.warning(), WARNING, "operating margin warning"));
        return ChartStyle.apply(new JFreeChart("Margins by month", plot));
    }

    /** Each calendar month's seasonal index of revenue. */
    public static JFreeChart seasonality(List<FinanceResult.Season> seasons) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (FinanceResult.Season s : seasons) {
            data.addValue(s.index(), "Index", Month.of(s.month()).getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        }
        BarRenderer r = bars();
        r.setSeriesPaint(0, ChartStyle.series(2));
        NumberAxis axis = new NumberAxis("Revenue ÷ an average month");
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), axis, r);
        plot.addRangeMarker(new ValueMarker(1, ChartStyle.MUTED, new BasicStroke(1f)));
        JFreeChart chart = ChartStyle.apply(new JFreeChart("Revenue through the year (seasonal index)", plot));
        chart.removeLegend();
        return chart;
    }

    private static void marks(CategoryPlot plot, Levels levels) {
        plot.addRangeMarker(marker(levels.warning(), WARNING, "warning"));
        plot.addRangeMarker(marker(levels.critical(), CRITICAL, "critical"));
    }

    /** A level drawn across the plot, its name inside the plot at the right end. */
    private static ValueMarker marker(double value, Color colour, String label) {
        ValueMarker m = new ValueMarker(value, colour, new BasicStroke(1.2f));
        m.setLabel(label);
        m.setLabelFont(new java.awt.Font(ChartStyle.FONT, java.awt.Font.PLAIN, 11));
        m.setLabelPaint(colour.darker());
        m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    /** {@code 2025-03} as {@code Mar 25}: short enough for two years of months side by side. */
    static String shortMonth(String yearMonth) {
        java.time.YearMonth ym = java.time.YearMonth.parse(yearMonth);
        return ym.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + String.format(Locale.ROOT, "%02d", ym.getYear() % 100);
    }

    private static BarRenderer bars() {
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.12);
        return r;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
