package quant.core.churn;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import quant.core.chart.ChartStyle;

/** The churn charts. */
public final class ChurnCharts {
    private ChurnCharts() {}

    /**
     * Calibration: each decile's mean predicted churn against the share that churned, with the
     * diagonal a perfectly calibrated model would lie on.
     */
    public static JFreeChart calibration(List<Roc.CalibrationBin> bins, String title) {
        XYSeries points = new XYSeries("Deciles of prediction");
        double max = 0.05;
        for (Roc.CalibrationBin b : bins) {
            points.add(b.meanPredicted(), b.observedRate());
            max = Math.max(max, Math.max(b.meanPredicted(), b.observedRate()));
        }
        max = Math.min(1, Math.ceil(max * 10) / 10);
        XYSeries diagonal = new XYSeries("Perfect calibration");
        diagonal.add(0, 0);
        diagonal.add(max, max);
        XYSeriesCollection data = new XYSeriesCollection(points);
        data.addSeries(diagonal);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, ChartStyle.series(0));
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        r.setSeriesPaint(1, ChartStyle.MUTED);
        r.setSeriesShapesVisible(1, false);
        r.setSeriesStroke(
                1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        NumberAxis x = ChartStyle.percentAxis("Predicted churn");
        NumberAxis y = ChartStyle.percentAxis("Observed churn");
        x.setRange(0, max);
        y.setRange(0, max);
        return ChartStyle.apply(new JFreeChart(title, new XYPlot(data, x, y, r)));
    }
}
