package quant.core.equipment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import quant.core.chart.ChartStyle;
import quant.core.survival.SurvivalCharts;

/** The equipment charts: survival by group with the Weibull over it, the riskiest assets, an asset's history. */
public final class EquipmentCharts {
    /** Assets on the risk chart. */
    static final int RISK_BARS = 15;

    private static final String[] LANES = {"maintenance", "downtime", "repair", "failure"};

    private EquipmentCharts() {}

    /** One group's Kaplan–Meier curve with its 95 % band and the fitted Weibull, dashed. */
    public static JFreeChart survival(EquipmentResult.Group g) {
        String unit = g.clock().equals("hours") ? "Hours of use since renewal" : "Days since renewal";
        return SurvivalCharts.curves(
                "Still running: " + g.name() + " (" + g.failures() + " failures)",
                unit,
                List.of(new SurvivalCharts.Curve(g.name(), g.estimate(), g.weibull(), g.entryFrom())));
    }

    /** The assets most likely to fail in the next 90 days, with their 30-day chance beside it. */
    public static JFreeChart risk(List<EquipmentResult.Asset> assets) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        assets.stream()
                .filter(a -> Double.isFinite(a.risk90()))
                .limit(RISK_BARS)
                .forEach(a -> {
                    String label = a.ref() + " " + a.name();
                    data.addValue(a.risk30(), "Next 30 days", label);
                    data.addValue(a.risk90(), "Next 90 days", label);
                });
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setSeriesPaint(0, ChartStyle.series(0));
        bars.setSeriesPaint(1, ChartStyle.series(3));
        CategoryPlot plot =
                new CategoryPlot(data, new CategoryAxis(null), ChartStyle.percentAxis("Chance of a failure"), bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return ChartStyle.apply(new JFreeChart("Most likely to fail next", plot));
    }

    /** An asset's history: services, downtime, repairs and failures on a time line, one lane each. */
    public static JFreeChart history(String title, List<EquipmentResult.Event> events) {
        XYSeriesCollection lanes = new XYSeriesCollection();
        for (int k = 0; k < LANES.length; k++) {
            XYSeries s = new XYSeries(capitalised(LANES[k]), false, true);
            for (EquipmentResult.Event e : events) {
                if (e.type().equals(LANES[k])) {
                    s.add(e.day().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli(), k);
                }
            }
            lanes.addSeries(s);
        }
        SymbolAxis lane = new SymbolAxis(
                null,
                java.util.Arrays.stream(LANES).map(EquipmentCharts::capitalised).toArray(String[]::new));
        lane.setGridBandsVisible(false);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        Color[] colors = {
            (Color) ChartStyle.series(2),
            (Color) ChartStyle.series(4),
            (Color) ChartStyle.series(0),
            (Color) ChartStyle.series(3)
        };
        for (int k = 0; k < LANES.length; k++) {
            dots.setSeriesPaint(k, colors[k]);
            dots.setSeriesShape(
                    k, k == 3 ? new Rectangle2D.Double(-5, -5, 10, 10) : new Ellipse2D.Double(-4, -4, 8, 8));
            dots.setSeriesStroke(k, new BasicStroke(1f));
        }
        DateAxis time = new DateAxis(null);
        time.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        XYPlot plot = new XYPlot(lanes, time, lane, dots);
        JFreeChart chart = ChartStyle.apply(new JFreeChart(title, plot));
        chart.removeLegend();
        return chart;
    }

    private static String capitalised(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
