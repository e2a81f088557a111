package quant.core.finance;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBubbleRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import quant.core.chart.ChartStyle;

/** The profitability charts: where each row's revenue goes, and job complexity against margin. */
public final class ProfitabilityCharts {
    /** At most this many rows are drawn (the largest by revenue). */
    static final int MAX_ROWS = 12;

    private ProfitabilityCharts() {}

    /**
     * Each row's revenue split into direct cost, travel, overhead and margin (a loss drawn to the
     * left of zero), the rows with the most revenue, in the order given.
     */
    public static JFreeChart revenueSplit(List<ProfitabilityResult.Row> rows, String dimension) {
        List<ProfitabilityResult.Row> shown = rows.stream()
                .sorted(Comparator.comparingDouble(ProfitabilityResult.Row::revenue)
                        .reversed())
                .limit(MAX_ROWS)
                .sorted(Comparator.comparingDouble(ProfitabilityResult.Row::margin)
                        .reversed())
                .toList();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ProfitabilityResult.Row r : shown) {
            String label = r.name();
            data.addValue(r.directCost(), "Direct cost", label);
            data.addValue(r.travelCost(), "Travel", label);
            data.addValue(r.overhead(), "Overhead", label);
            data.addValue(r.margin(), "Margin", label);
        }
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartStyle.MUTED);
        bars.setSeriesPaint(1, ChartStyle.series(1));
        bars.setSeriesPaint(2, ChartStyle.series(4));
        bars.setSeriesPaint(3, ChartStyle.series(0));
        bars.setMaximumBarWidth(0.9);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), ChartStyle.moneyAxis("Revenue"), bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        String more = rows.size() > shown.size() ? " (the " + shown.size() + " with the most revenue)" : "";
        return ChartStyle.apply(new JFreeChart("Where the revenue goes, by " + dimension + more, plot));
    }

    /**
     * Job complexity against margin: a bubble per service line and band of estimated hours, at the
     * band's mean estimated hours and its margin share, its area growing with its revenue.
     */
    public static JFreeChart complexity(List<ProfitabilityResult.Band> bands) {
        Map<String, List<ProfitabilityResult.Band>> byLine = new LinkedHashMap<>();
        for (ProfitabilityResult.Band b : bands) {
            if (Double.isFinite(b.meanHours()) && Double.isFinite(b.marginShare())) {
                byLine.computeIfAbsent(b.lineName(), k -> new java.util.ArrayList<>())
                        .add(b);
            }
        }
        double maxRevenue = bands.stream()
                .mapToDouble(ProfitabilityResult.Band::revenue)
                .max()
                .orElse(1);
        double maxHours = bands.stream()
                .mapToDouble(ProfitabilityResult.Band::meanHours)
                .filter(Double::isFinite)
                .max()
                .orElse(1);
        DefaultXYZDataset data = new DefaultXYZDataset();
        for (var e : byLine.entrySet()) {
            List<ProfitabilityResult.Band> list = e.getValue();
            double[][] xyz = new double[3][list.size()];
            for (int i = 0; i < list.size(); i++) {
                ProfitabilityResult.Band b = list.get(i);
                xyz[0][i] = b.meanHours();
                xyz[1][i] = b.marginShare();
                // bubble diameter in hours, at most a seventh of the axis; area ∝ revenue
                xyz[2][i] = maxHours / 7 * Math.sqrt(Math.max(0, b.revenue()) / Math.max(1, maxRevenue));
            }
            data.addSeries(e.getKey(), xyz);
        }
        XYBubbleRenderer bubbles = new XYBubbleRenderer(XYBubbleRenderer.SCALE_ON_DOMAIN_AXIS);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            java.awt.Color c = (java.awt.Color) ChartStyle.series(i);
            bubbles.setSeriesPaint(i, new java.awt.Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
        }
        NumberAxis hours = new NumberAxis("Estimated hours per job (band mean)");
        hours.setAutoRangeIncludesZero(true);
        NumberAxis margin = ChartStyle.percentAxis("Margin share");
        XYPlot plot = new XYPlot(data, hours, margin, bubbles);
        return ChartStyle.apply(new JFreeChart("Job complexity against margin (bubble area: revenue)", plot));
    }
}
