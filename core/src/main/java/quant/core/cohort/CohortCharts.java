package quant.core.cohort;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import quant.core.chart.ChartStyle;
import quant.core.chart.SequentialScale;

/** The cohort charts: the heatmap of cohort × age and the retention curves, built from a result. */
public final class CohortCharts {
    private CohortCharts() {}

    /**
     * The colour scale of a metric over a result, from 0 to the largest value. For shares the largest
     * value after the first period sets the top (rounded up to 10 %): the first period is close to
     * 100 % by construction and would otherwise wash every later period out to the palest shades;
     * it shows in the darkest colour instead.
     */
    public static SequentialScale scale(CohortResult r, CohortMetric metric) {
        double max = 0;
        for (CohortResult.Cohort c : r.cohorts()) {
            for (CohortResult.Cell cell : c.cells()) {
                if (!cell.partial() && (!metric.isShare() || cell.age() > 0)) {
                    max = Math.max(max, metric.value(cell));
                }
            }
        }
        if (metric.isShare()) {
            return new SequentialScale(0, max > 0 ? Math.min(1, Math.ceil(max * 10) / 10) : 1);
        }
        return new SequentialScale(0, max > 0 ? max : 1);
    }

    /** Ages at which fewer cohorts than this are complete are left off the average curve (too noisy). */
    public static final int MIN_COHORTS_FOR_AVERAGE = 3;

    /**
     * Cohorts down (oldest at the top), ages across, each cell coloured by the metric; cells of the
     * period that is not over at the as-of date are grey (partial, not a drop).
     */
    public static JFreeChart heatmap(CohortResult r, CohortMetric metric) {
        List<CohortResult.Cohort> cohorts = r.cohorts();
        int complete = 0;
        int partial = 0;
        for (CohortResult.Cohort c : cohorts) {
            for (CohortResult.Cell cell : c.cells()) {
                if (cell.partial()) {
                    partial++;
                } else {
                    complete++;
                }
            }
        }
        double[][] full = new double[3][complete];
        double[][] part = new double[3][partial];
        int f = 0;
        int p = 0;
        for (int y = 0; y < cohorts.size(); y++) {
            for (CohortResult.Cell cell : cohorts.get(y).cells()) {
                double[][] target = cell.partial() ? part : full;
                int k = cell.partial() ? p++ : f++;
                target[0][k] = cell.age();
                target[1][k] = y;
                target[2][k] = metric.value(cell);
            }
        }
        DefaultXYZDataset values = new DefaultXYZDataset();
        values.addSeries(metric.title(), full);
        DefaultXYZDataset partialCells = new DefaultXYZDataset();
        partialCells.addSeries("partial period", part);

        NumberAxis ages = new NumberAxis("Age (" + r.period().key() + "s since acquisition)");
        ages.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ages.setLowerMargin(0);
        ages.setUpperMargin(0);
        ages.setRange(-0.5, Math.max(r.maxAges(), 1) - 0.5);
        String[] labels = cohorts.stream().map(CohortResult.Cohort::label).toArray(String[]::new);
        SymbolAxis rows = new SymbolAxis("Cohort", labels);
        rows.setInverted(true);
        rows.setGridBandsVisible(false);
        rows.setRange(-0.5, Math.max(labels.length, 1) - 0.5);

        SequentialScale scale = scale(r, metric);
        XYBlockRenderer cells = new XYBlockRenderer();
        cells.setPaintScale(scale);
        cells.setBlockWidth(1);
        cells.setBlockHeight(1);
        XYBlockRenderer grey = new XYBlockRenderer();
        grey.setPaintScale(new Constant(ChartStyle.PARTIAL));
        XYPlot plot = new XYPlot(values, ages, rows, cells);
        plot.setDataset(1, partialCells);
        plot.setRenderer(1, grey);
        plot.setDomainAxisLocation(AxisLocation.TOP_OR_LEFT);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        JFreeChart chart = new JFreeChart(metric.title() + " by " + r.period().key() + " cohort", plot);
        chart.removeLegend();
        ChartStyle.apply(chart);
        NumberAxis legendAxis = metric.isShare() ? ChartStyle.percentAxis(null) : ChartStyle.moneyAxis(null);
        legendAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        legendAxis.setTickLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 10));
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(12);
        legend.setAxisOffset(4);
        legend.setMargin(new RectangleInsets(4, 8, 4, 4));
        chart.addSubtitle(legend);
        if (r.partialPeriod() != null) {
            TextTitle note = new TextTitle("Grey: " + r.partialPeriod() + " is not over at the as-of date "
                    + r.asOf().date() + " (partial, not a drop)");
            note.setFont(new Font(ChartStyle.FONT, Font.PLAIN, 11));
            note.setPaint(ChartStyle.TEXT);
            note.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(note);
        }
        return chart;
    }

    /**
     * Every cohort's curve of the metric by age (thin, grey) under the size-weighted average cohort
     * (bold); partial periods are left out so that no curve ends in a false drop.
     */
    public static JFreeChart curves(CohortResult r, CohortMetric metric) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries average = new XYSeries(
                "Average cohort (weighted by size; ages with at least " + MIN_COHORTS_FOR_AVERAGE + " cohorts)");
        for (CohortResult.AgePoint a : r.average()) {
            if (a.cohorts() >= MIN_COHORTS_FOR_AVERAGE) {
                average.add(a.age(), metric.value(a));
            }
        }
        data.addSeries(average);
        for (CohortResult.Cohort c : r.cohorts()) {
            XYSeries s = new XYSeries(c.label());
            for (CohortResult.Cell cell : c.cells()) {
                if (!cell.partial()) {
                    s.add(cell.age(), metric.value(cell));
                }
            }
            data.addSeries(s);
        }
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, ChartStyle.series(0));
        lines.setSeriesStroke(0, new BasicStroke(3f));
        for (int i = 1; i < data.getSeriesCount(); i++) {
            lines.setSeriesPaint(i, new Color(0xB8, 0xBE, 0xC6, 110));
            lines.setSeriesStroke(i, new BasicStroke(1f));
            lines.setSeriesVisibleInLegend(i, false);
        }
        NumberAxis ages = new NumberAxis("Age (" + r.period().key() + "s since acquisition)");
        ages.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis values =
                metric.isShare() ? ChartStyle.percentAxis(metric.title()) : ChartStyle.moneyAxis(metric.title());
        XYPlot plot = new XYPlot(data, ages, values, lines);
        // draw the average last, on top of the grey cohorts
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.REVERSE);
        JFreeChart chart = new JFreeChart(metric.title() + " by age", plot);
        return ChartStyle.apply(chart);
    }

    /** A paint scale of one colour, for the partial cells. */
    private record Constant(Color color) implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public java.awt.Paint getPaint(double value) {
            return color;
        }
    }
}
