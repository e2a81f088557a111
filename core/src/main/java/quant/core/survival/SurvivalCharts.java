package quant.core.survival;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import quant.core.chart.ChartStyle;
import quant.core.stats.KaplanMeier;
import quant.core.stats.Weibull;

/** Survival curves: Kaplan–Meier steps with their 95 % band, and a fitted Weibull drawn over them, dashed. */
public final class SurvivalCharts {
    private static final int WEIBULL_POINTS = 120;

    private SurvivalCharts() {}

    /**
     * One group's curve.
     *
     * @param name the group's name, in the legend
     * @param weibull the fitted Weibull to draw over it, or null
     * @param from the age the curve starts at (the earliest entry with delayed entry, else 0)
     */
    public record Curve(String name, KaplanMeier estimate, Weibull weibull, double from) {}

    /**
     * The curves on one chart.
     *
     * @param title the chart's title
     * @param timeLabel the time axis' label, with its unit
     */
    public static JFreeChart curves(String title, String timeLabel, List<Curve> curves) {
        XYSeriesCollection steps = new XYSeriesCollection();
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        XYSeriesCollection fits = new XYSeriesCollection();
        double end = 0;
        for (Curve c : curves) {
            end = Math.max(end, c.estimate().lastTime());
        }
        for (Curve c : curves) {
            XYSeries line = new XYSeries(c.name() + " (Kaplan–Meier)", false, true);
            YIntervalSeries band = new YIntervalSeries(c.name() + ", 95 % band", false, true);
            line.add(c.from(), 1.0);
            double lo = 1;
            double hi = 1;
            for (KaplanMeier.Step s : c.estimate().steps()) {
                // the band steps as the curve does: the old bounds up to the event time, the new ones after
                band.add(s.time(), (lo + hi) / 2, lo, hi);
                line.add(s.time(), s.survival());
                lo = Double.isFinite(s.lower()) ? s.lower() : 0;
                hi = Double.isFinite(s.upper()) ? s.upper() : s.survival();
                band.add(s.time() + 1e-9 * Math.max(1, end), (lo + hi) / 2, lo, hi);
            }
            double last = Math.max(c.from(), c.estimate().lastTime());
            line.add(last, c.estimate().floor());
            band.add(last, (lo + hi) / 2, lo, hi);
            steps.addSeries(line);
            bands.addSeries(band);
            XYSeries fit = new XYSeries(c.name() + " (Weibull)", false, true);
            if (c.weibull() != null) {
                for (int k = 0; k <= WEIBULL_POINTS; k++) {
                    double t = end * k / WEIBULL_POINTS;
                    double base = c.weibull().survival(c.from());
                    fit.add(t, t < c.from() ? Double.NaN : c.weibull().survival(t) / base);
                }
            }
            fits.addSeries(fit);
        }
        NumberAxis time = new NumberAxis(timeLabel);
        time.setAutoRangeIncludesZero(true);
        NumberAxis share = ChartStyle.percentAxis("Still running");
        share.setRange(0, 1.02);
        XYStepRenderer stepRenderer = new XYStepRenderer();
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        XYLineAndShapeRenderer fitRenderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < curves.size(); i++) {
            Color color = (Color) ChartStyle.series(i);
            stepRenderer.setSeriesPaint(i, color);
            stepRenderer.setSeriesStroke(i, new BasicStroke(2f));
            bandRenderer.setSeriesFillPaint(i, color);
            bandRenderer.setSeriesPaint(i, color);
            bandRenderer.setSeriesStroke(i, new BasicStroke(0f));
            bandRenderer.setSeriesVisibleInLegend(i, false);
            // one curve: its fit in a colour of its own, so the two are told apart at a glance
            fitRenderer.setSeriesPaint(i, curves.size() == 1 ? (Color) ChartStyle.series(3) : color);
            fitRenderer.setSeriesStroke(
                    i,
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            fitRenderer.setSeriesVisibleInLegend(i, curves.get(i).weibull() != null);
        }
        bandRenderer.setAlpha(0.15f);
        XYPlot plot = new XYPlot(steps, time, share, stepRenderer);
        plot.setDataset(1, fits);
        plot.setRenderer(1, fitRenderer);
        plot.setDataset(2, bands);
        plot.setRenderer(2, bandRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        return ChartStyle.apply(new JFreeChart(title, plot));
    }
}
