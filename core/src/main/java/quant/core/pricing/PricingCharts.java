package quant.core.pricing;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import quant.core.chart.ChartStyle;

/** The price charts: the chance of winning against the price, with its band, the expected margin, the best price. */
public final class PricingCharts {
    private PricingCharts() {}

    /**
     * One line and segment's curve: win probability (left axis, with its 95 % band) and expected margin
     * per unit of list price (right axis) against price ÷ list price; the chosen ratio marked.
     *
     * @param chosen the ratio to mark (the recommended one, or a quote's), NaN for none
     */
    public static JFreeChart curve(PricingResult.Curve c, double chosen, String chosenLabel) {
        YIntervalSeries band = new YIntervalSeries("95 % band");
        XYSeries win = new XYSeries("Chance of winning");
        XYSeries expected = new XYSeries("Expected margin per 1 of list price");
        for (PricingResult.Point p : c.points()) {
            band.add(p.ratio(), p.win(), p.lower(), p.upper());
            win.add(p.ratio(), p.win());
            expected.add(p.ratio(), p.expected());
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band);
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        Color blue = (Color) ChartStyle.series(0);
        bandRenderer.setSeriesFillPaint(0, blue);
        bandRenderer.setSeriesPaint(0, blue);
        bandRenderer.setAlpha(0.18f);
        bandRenderer.setSeriesVisibleInLegend(0, false);
        XYLineAndShapeRenderer winLine = new XYLineAndShapeRenderer(true, false);
        winLine.setSeriesPaint(0, blue);
        winLine.setSeriesStroke(0, new BasicStroke(2f));
        XYLineAndShapeRenderer marginLine = new XYLineAndShapeRenderer(true, false);
        marginLine.setSeriesPaint(0, ChartStyle.series(3));
        marginLine.setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis ratio = new NumberAxis("Price ÷ list price");
        ratio.setAutoRangeIncludesZero(false);
        NumberAxis share = ChartStyle.percentAxis("Chance of winning");
        share.setRange(0, 1);
        XYPlot plot = new XYPlot(new XYSeriesCollection(win), ratio, share, winLine);
        plot.setDataset(1, bands);
        plot.setRenderer(1, bandRenderer);
        NumberAxis margin = new NumberAxis("Expected margin per 1 of list price");
        margin.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(1, margin);
        plot.setDataset(2, new XYSeriesCollection(expected));
        plot.setRenderer(2, marginLine);
        plot.mapDatasetToRangeAxis(2, 1);
        if (Double.isFinite(chosen) && !c.points().isEmpty()) {
            // a price beyond the ratios quoted still shows, with the curve ending where the quotes did
            double lo = Math.min(c.points().getFirst().ratio(), chosen);
            double hi = Math.max(c.points().getLast().ratio(), chosen);
            double pad = (hi - lo) * 0.04;
            ratio.setRange(lo - pad, hi + pad);
            ValueMarker mark = new ValueMarker(
                    chosen,
                    ChartStyle.TEXT,
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
            mark.setLabel(chosenLabel);
            // the label on the side with room: left of a mark in the right half
            boolean right = chosen > (lo + hi) / 2;
            mark.setLabelAnchor(right ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            mark.setLabelTextAnchor(right ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            plot.addDomainMarker(mark);
        }
        return ChartStyle.apply(new JFreeChart(c.line() + ", " + c.segment() + ": winning against price", plot));
    }
}
