package quant.core.forecast.business;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import quant.core.chart.ChartStyle;
import quant.core.forecast.SeriesForecast;

/** The charts of the store forecasts, built from their results: on screen and, as vectors, in reports. */
public final class ForecastCharts {
    private static final Color OBSERVED = ChartStyle.PALETTE[0];
    private static final Color FORECAST = ChartStyle.PALETTE[1];
    private static final Color GOOD = ChartStyle.PALETTE[2];
    private static final Color BAD = ChartStyle.PALETTE[3];

    private ForecastCharts() {}

    private static long millis(String period) {
        return LocalDate.parse(period.length() == 7 ? period + "-01" : period)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .toEpochMilli();
    }

    private static DateAxis months() {
        DateAxis axis = new DateAxis(null);
        axis.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        axis.setDateFormatOverride(new java.text.SimpleDateFormat("MMM yyyy", java.util.Locale.ROOT));
        ((java.text.SimpleDateFormat) axis.getDateFormatOverride()).setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        return axis;
    }

    /**
     * The fan chart: the observed months, the forecast mean, and its 80 % and 95 % bands, which open
     * from the last observed month.
     */
    public static JFreeChart fan(Outlook o, String title, String valueLabel, boolean money) {
        XYSeries observed = new XYSeries("Observed");
        for (Outlook.Observed p : o.history()) {
            observed.add(millis(p.period()), p.value());
        }
        XYSeries mean = new XYSeries("Forecast");
        YIntervalSeries band95 = new YIntervalSeries("95 % interval");
        YIntervalSeries band80 = new YIntervalSeries("80 % interval");
        if (!o.history().isEmpty()) {
            Outlook.Observed last = o.history().getLast();
            long x = millis(last.period());
            mean.add(x, last.value());
            band95.add(x, last.value(), last.value(), last.value());
            band80.add(x, last.value(), last.value(), last.value());
        }
        for (SeriesForecast.Point p : o.forecast().forecast()) {
            long x = millis(p.period());
            mean.add(x, p.mean());
            band95.add(x, p.mean(), Math.max(0, p.lower().get("95")), p.upper().get("95"));
            band80.add(x, p.mean(), Math.max(0, p.lower().get("80")), p.upper().get("80"));
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band95);
        bands.addSeries(band80);
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        bandRenderer.setSeriesFillPaint(0, new Color(0xE69F00));
        bandRenderer.setSeriesFillPaint(1, new Color(0xE69F00));
        bandRenderer.setSeriesPaint(0, new Color(0xF6D9A0));
        bandRenderer.setSeriesPaint(1, new Color(0xEDB95A));
        bandRenderer.setSeriesStroke(0, new BasicStroke(0f));
        bandRenderer.setSeriesStroke(1, new BasicStroke(0f));
        bandRenderer.setAlpha(0.28f);

        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(observed);
        lines.addSeries(mean);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, OBSERVED);
        lineRenderer.setSeriesStroke(0, new BasicStroke(2f));
        lineRenderer.setSeriesPaint(1, FORECAST);
        lineRenderer.setSeriesStroke(
                1, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        XYSeries outliers = outliers(o);
        if (!outliers.isEmpty()) {
            lines.addSeries(outliers);
            lineRenderer.setSeriesLinesVisible(2, false);
            lineRenderer.setSeriesShapesVisible(2, true);
            lineRenderer.setSeriesShape(2, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
            lineRenderer.setSeriesShapesFilled(2, false);
            lineRenderer.setSeriesPaint(2, BAD);
            lineRenderer.setSeriesStroke(2, new BasicStroke(2f));
        }

        NumberAxis values = money ? ChartStyle.moneyAxis(valueLabel) : new NumberAxis(valueLabel);
        XYPlot plot = new XYPlot(lines, months(), values, lineRenderer);
        plot.setDataset(1, bands);
        plot.setRenderer(1, bandRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        if (!o.history().isEmpty()) {
            ValueMarker now = new ValueMarker(millis(o.history().getLast().period()));
            now.setPaint(ChartStyle.MUTED);
            now.setStroke(
                    new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0f));
            plot.addDomainMarker(now);
        }
        return ChartStyle.apply(new JFreeChart(title, new Font(ChartStyle.FONT, Font.BOLD, 14), plot, true));
    }

    /** The observed months the data checks flagged as outliers (kept in the fit). */
    private static XYSeries outliers(Outlook o) {
        XYSeries out = new XYSeries("Outlier (kept)");
        java.util.Set<String> flagged = new java.util.HashSet<>();
        o.forecast().checks().stream()
                .filter(f -> f.check().equals("outliers"))
                .forEach(f -> flagged.addAll(f.periods()));
        for (Outlook.Observed p : o.history()) {
            if (flagged.contains(p.period())) {
                out.add(millis(p.period()), p.value());
            }
        }
        return out;
    }

    /** A saved forecast's months with their bands, and the actual values of the months that are over. */
    public static JFreeChart savedVsActual(ForecastAccuracy.Run run, boolean money) {
        XYSeries mean = new XYSeries("Forecast saved on " + run.savedAt().substring(0, 10));
        XYSeries actual = new XYSeries("Actual");
        YIntervalSeries band95 = new YIntervalSeries("95 % interval");
        YIntervalSeries band80 = new YIntervalSeries("80 % interval");
        for (ForecastAccuracy.Month m : run.months()) {
            long x = millis(m.month());
            mean.add(x, m.mean());
            band95.add(x, m.mean(), Math.max(0, m.lower95()), m.upper95());
            band80.add(x, m.mean(), Math.max(0, m.lower80()), m.upper80());
            if (m.actual() != null) {
                actual.add(x, m.actual());
            }
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band95);
        bands.addSeries(band80);
        DeviationRenderer br = new DeviationRenderer(true, false);
        br.setSeriesFillPaint(0, FORECAST);
        br.setSeriesFillPaint(1, FORECAST);
        br.setSeriesPaint(0, new Color(0xF6D9A0));
        br.setSeriesPaint(1, new Color(0xEDB95A));
        br.setSeriesStroke(0, new BasicStroke(0f));
        br.setSeriesStroke(1, new BasicStroke(0f));
        br.setAlpha(0.28f);
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(mean);
        lines.addSeries(actual);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, FORECAST);
        r.setSeriesStroke(
                0, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        r.setSeriesShapesVisible(0, false);
        r.setSeriesPaint(1, OBSERVED);
        r.setSeriesStroke(1, new BasicStroke(2.4f));
        r.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        NumberAxis values = money ? ChartStyle.moneyAxis(run.label()) : new NumberAxis(run.label());
        XYPlot plot = new XYPlot(lines, months(), values, r);
        plot.setDataset(1, bands);
        plot.setRenderer(1, br);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        return ChartStyle.apply(new JFreeChart(
                run.label() + ": forecast from " + run.asOf() + " against what happened",
                new Font(ChartStyle.FONT, Font.BOLD, 14),
                plot,
                true));
    }

    /**
     * Hours needed (recorded, then forecast with its 80 % band) against the shift hours available to
     * the skill, all technicians and those with only this skill.
     */
    public static JFreeChart capacity(DemandResult.Capacity c) {
        XYSeries needed = new XYSeries("Hours needed");
        XYSeries available = new XYSeries("Hours available");
        XYSeries dedicated = new XYSeries("… of technicians with only this skill");
        YIntervalSeries band = new YIntervalSeries("80 % interval");
        DemandResult.CapacityMonth previous = null;
        for (DemandResult.CapacityMonth m : c.months()) {
            long x = millis(m.period());
            needed.add(x, m.neededHours());
            available.add(x, m.dedicatedHours() + m.sharedHours());
            dedicated.add(x, m.dedicatedHours());
            if (m.forecast()) {
                if (previous != null && !previous.forecast()) {
                    band.add(
                            millis(previous.period()),
                            previous.neededHours(),
                            previous.neededHours(),
                            previous.neededHours());
                }
                band.add(x, m.neededHours(), m.neededLower80(), m.neededUpper80());
            }
            previous = m;
        }
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(needed);
        lines.addSeries(available);
        lines.addSeries(dedicated);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, FORECAST);
        r.setSeriesStroke(0, new BasicStroke(2.2f));
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        r.setSeriesPaint(1, GOOD);
        r.setSeriesStroke(1, new BasicStroke(2f));
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(2, GOOD);
        r.setSeriesStroke(
                2, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f));
        r.setSeriesShapesVisible(2, false);
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band);
        DeviationRenderer br = new DeviationRenderer(true, false);
        br.setSeriesFillPaint(0, FORECAST);
        br.setSeriesPaint(0, new Color(0xEDB95A));
        br.setSeriesStroke(0, new BasicStroke(0f));
        br.setAlpha(0.25f);
        XYPlot plot = new XYPlot(lines, months(), ChartStyle.moneyAxis("Technician hours per month"), r);
        plot.setDataset(1, bands);
        plot.setRenderer(1, br);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        return ChartStyle.apply(new JFreeChart(
                c.name() + ": hours needed vs available", new Font(ChartStyle.FONT, Font.BOLD, 14), plot, true));
    }

    /** The seasonal index of each calendar month as bars around 1 (the trend). */
    public static JFreeChart seasonality(DemandResult.LineDemand d) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> names =
                List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
        for (int k = 0; k < d.seasonalIndex().size(); k++) {
            data.addValue(d.seasonalIndex().get(k), "Seasonal index", names.get(k));
        }
        NumberAxis axis = new NumberAxis("× trend");
        axis.setAutoRangeIncludesZero(true);
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, OBSERVED);
        r.setItemMargin(0);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), axis, r);
        ValueMarker one = new ValueMarker(1.0);
        one.setPaint(ChartStyle.TEXT);
        plot.addRangeMarker(one);
        ChartStyle.category(plot, plot.getDomainAxis());
        return ChartStyle.apply(new JFreeChart(
                d.name() + ": demand by calendar month", new Font(ChartStyle.FONT, Font.BOLD, 14), plot, false));
    }

    /**
     * Two panels over the same weeks: above, the running balance with its 80 % bounds and the
     * low-cash line (or, without an opening balance, the cumulative net flow); below, collections
     * (up) and outflows (down) as stacked bars.
     */
    public static JFreeChart cashFlow(CashFlowResult r) {
        DefaultCategoryDataset flows = new DefaultCategoryDataset();
        DefaultCategoryDataset balance = new DefaultCategoryDataset();
        String line = r.hasBalance() ? "Balance" : "Cumulative net flow";
        java.time.format.DateTimeFormatter label =
                java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ROOT);
        for (CashFlowResult.Week w : r.weeks()) {
            String week = LocalDate.parse(w.end()).format(label);
            CashFlowResult.Flows f = w.flows();
            flows.addValue(f.collectionsOpen(), "Open invoices", week);
            flows.addValue(f.collectionsForecast(), "New revenue", week);
            flows.addValue(-f.jobCosts(), "Job costs", week);
            flows.addValue(-(f.fixedExpenses() + f.variableExpenses()), "Overheads", week);
            flows.addValue(-f.marketing(), "Marketing", week);
            balance.addValue(r.hasBalance() ? w.balance() : w.cumulativeNet(), line, week);
            if (r.hasBalance()) {
                balance.addValue(w.balanceLower80(), "80 % bounds", week);
                balance.addValue(w.balanceUpper80(), "80 % upper", week);
            }
        }
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartStyle.PALETTE[4]);
        bars.setSeriesPaint(1, OBSERVED);
        bars.setSeriesPaint(2, BAD);
        bars.setSeriesPaint(3, ChartStyle.PALETTE[5]);
        bars.setSeriesPaint(4, ChartStyle.PALETTE[1]);
        CategoryPlot flowPlot = new CategoryPlot(flows, null, ChartStyle.moneyAxis("Per week"), bars);
        ValueMarker zero = new ValueMarker(0);
        zero.setPaint(ChartStyle.TEXT);
        flowPlot.addRangeMarker(zero);

        LineAndShapeRenderer lr = new LineAndShapeRenderer(true, true);
        lr.setSeriesPaint(0, ChartStyle.TEXT);
        lr.setSeriesStroke(0, new BasicStroke(2.4f));
        BasicStroke dashed =
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f);
        for (int k = 1; k <= 2; k++) {
            lr.setSeriesPaint(k, ChartStyle.MUTED);
            lr.setSeriesStroke(k, dashed);
            lr.setSeriesShapesVisible(k, false);
        }
        lr.setSeriesVisibleInLegend(2, false);
        NumberAxis balanceAxis = ChartStyle.moneyAxis(r.hasBalance() ? "Balance" : "To date");
        balanceAxis.setAutoRangeIncludesZero(!r.hasBalance());
        CategoryPlot balancePlot = new CategoryPlot(balance, null, balanceAxis, lr);
        if (r.hasBalance() && r.lowCashThreshold() > 0) {
            ValueMarker low = new ValueMarker(r.lowCashThreshold());
            low.setPaint(BAD);
            low.setStroke(
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            low.setLabel("Low cash: 30 days of outflows");
            low.setLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 11));
            low.setLabelPaint(BAD);
            low.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            low.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
            balancePlot.addRangeMarker(low, org.jfree.chart.ui.Layer.FOREGROUND);
            double lo = r.weeks().stream()
                    .mapToDouble(w -> w.balanceLower80())
                    .min()
                    .orElse(0);
            double hi = maxBalance(r);
            lo = Math.min(lo, r.lowCashThreshold());
            hi = Math.max(hi, r.lowCashThreshold());
            double pad = 0.08 * Math.max(1, hi - lo);
            balanceAxis.setRange(lo - pad, hi + pad);
        } else {
            ValueMarker zeroBalance = new ValueMarker(0);
            zeroBalance.setPaint(ChartStyle.TEXT);
            balancePlot.addRangeMarker(zeroBalance);
        }
        CategoryAxis weeks = new CategoryAxis("Week ending");
        org.jfree.chart.plot.CombinedDomainCategoryPlot plot =
                new org.jfree.chart.plot.CombinedDomainCategoryPlot(weeks);
        plot.setGap(12);
        plot.add(balancePlot, 2);
        plot.add(flowPlot, 3);
        ChartStyle.category(balancePlot, weeks);
        ChartStyle.category(flowPlot, weeks);
        return ChartStyle.apply(new JFreeChart(
                r.hasBalance() ? "Cash balance and weekly flows" : "Weekly cash flows (no opening balance: flows only)",
                new Font(ChartStyle.FONT, Font.BOLD, 14),
                plot,
                true));
    }

    private static double maxBalance(CashFlowResult r) {
        return r.weeks().stream()
                .mapToDouble(w -> w.balanceUpper80() == null ? 0 : w.balanceUpper80())
                .max()
                .orElse(0);
    }

    /** Open value and weighted value of each stage of the pipeline. */
    public static JFreeChart pipeline(RevenueResult r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (RevenueResult.StageValue s : r.stages()) {
            String label = quant.core.analysis.DisplayNames.of(s.stage());
            data.addValue(s.openValue(), "Open value", label);
            data.addValue(s.weightedValue(), "Weighted by the stage's win rate", label);
        }
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartStyle.MUTED);
        bars.setSeriesPaint(1, GOOD);
        bars.setItemMargin(0.05);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), ChartStyle.moneyAxis("Deal value"), bars);
        plot.setOrientation(PlotOrientation.VERTICAL);
        ChartStyle.category(plot, plot.getDomainAxis());
        return ChartStyle.apply(
                new JFreeChart("Open pipeline by stage", new Font(ChartStyle.FONT, Font.BOLD, 14), plot, true));
    }
}
