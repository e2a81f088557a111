package quant.core.clv;

import java.awt.BasicStroke;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import quant.core.chart.ChartStyle;

/** The lifetime-value charts: the holdout check's two charts and the cohort curve, built from a result. */
public final class ClvCharts {
    private static final BasicStroke DASHED =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private ClvCharts() {}

    /** Cumulative repeat purchases week by week, actual against predicted, the split marked. */
    public static JFreeChart tracking(HoldoutCheck h) {
        XYSeries actual = new XYSeries("Actual");
        XYSeries predicted =
                new XYSeries("Predicted (" + ClvModel.parse(h.model()).title() + ")");
        int splitWeek = 0;
        for (HoldoutCheck.WeekPoint p : h.weeks()) {
            actual.add(p.week(), p.actual());
            predicted.add(p.week(), p.predicted());
            if (!p.end().isAfter(h.split())) {
                splitWeek = p.week();
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(actual);
        data.addSeries(predicted);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, ChartStyle.series(0));
        lines.setSeriesStroke(0, new BasicStroke(2f));
        lines.setSeriesPaint(1, ChartStyle.series(1));
        lines.setSeriesStroke(1, DASHED);
        NumberAxis weeks = new NumberAxis("Week");
        weeks.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis purchases = new NumberAxis("Cumulative repeat purchases");
        XYPlot plot = new XYPlot(data, weeks, purchases, lines);
        ValueMarker split = new ValueMarker(splitWeek + 0.5, ChartStyle.MUTED, new BasicStroke(1.5f));
        split.setLabel("holdout from " + h.split());
        split.setLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 11));
        split.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        split.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(split);
        return ChartStyle.apply(new JFreeChart("Tracking: calibration, then holdout", plot));
    }

    /** Mean purchases in the holdout by number of repeat purchases in calibration, actual against predicted. */
    public static JFreeChart byFrequency(HoldoutCheck h) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (HoldoutCheck.FrequencyPoint p : h.byFrequency()) {
            String x = p.x() == HoldoutCheck.TOP_BUCKET ? p.x() + "+" : Integer.toString(p.x());
            data.addValue(p.actual(), "Actual", x);
            data.addValue(p.predicted(), "Predicted", x);
        }
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setSeriesPaint(0, ChartStyle.series(0));
        bars.setSeriesPaint(1, ChartStyle.series(1));
        CategoryAxis x = new CategoryAxis("Repeat purchases in calibration");
        NumberAxis y = new NumberAxis("Mean purchases in holdout");
        CategoryPlot plot = new CategoryPlot(data, x, y, bars);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("Conditional expectations in the holdout", plot));
        x.setLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 12));
        x.setTickLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 11));
        y.setLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 12));
        y.setTickLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 11));
        return chart;
    }

    /** The average cohort's cumulative margin per customer: observed (solid), then extrapolated (dashed). */
    public static JFreeChart cohortCurve(ClvResult.CohortCurve curve) {
        XYSeries observed = new XYSeries("Observed");
        XYSeries fitted = new XYSeries("Extrapolated");
        ClvResult.CurvePoint last = null;
        for (ClvResult.CurvePoint p : curve.points()) {
            if (p.observed()) {
                observed.add(p.age(), p.cumulativeMargin());
                last = p;
            } else {
                if (fitted.isEmpty() && last != null) {
                    fitted.add(last.age(), last.cumulativeMargin());
                }
                fitted.add(p.age(), p.cumulativeMargin());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(observed);
        data.addSeries(fitted);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, ChartStyle.series(0));
        lines.setSeriesStroke(0, new BasicStroke(2.5f));
        lines.setSeriesPaint(1, ChartStyle.series(0));
        lines.setSeriesStroke(1, DASHED);
        NumberAxis ages = new NumberAxis("Months since acquisition");
        ages.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, ages, ChartStyle.moneyAxis("Cumulative margin per customer"), lines);
        return ChartStyle.apply(new JFreeChart("Cohort curve", plot));
    }
}
