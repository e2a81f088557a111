package quant.core.pipeline;

import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.flow.FlowPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.flow.DefaultFlowDataset;
import org.jfree.data.flow.NodeKey;
import quant.core.analysis.DisplayNames;
import quant.core.chart.ChartStyle;

/** The pipeline charts: the funnel, days in each stage, the weighted forecast by month and the journey. */
public final class PipelineCharts {
    private static final Set<String> DROP_OFFS = Set.of(
            CustomerJourney.NO_DEAL, CustomerJourney.NO_JOB, CustomerJourney.NOT_INVOICED, CustomerJourney.NOT_PAID);

    private PipelineCharts() {}

    /** Deals that reached each stage, as horizontal bars labelled with the share going on to the next. */
    public static JFreeChart funnel(List<PipelineResult.Step> steps) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (PipelineResult.Step s : steps) {
            data.addValue(s.reached(), "Deals", DisplayNames.of(s.stage()));
        }
        BarRenderer bars = bars(ChartStyle.series(0));
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                PipelineResult.Step s = steps.get(column);
                String count = String.format(Locale.ROOT, "%,d", s.reached());
                return Double.isNaN(s.toNext())
                        ? count
                        : count + String.format(Locale.ROOT, " · %.0f%% go on", 100 * s.toNext());
            }
        });
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 11));
        bars.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        CategoryPlot plot = new CategoryPlot(
                data, new CategoryAxis(null), ChartStyle.moneyAxis("Deals that reached the stage"), bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.getRangeAxis().setUpperMargin(0.45);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("Funnel", plot));
        chart.removeLegend();
        return chart;
    }

    /** Median and 75th-percentile days in each open stage, with the day a deal there counts as stalled. */
    public static JFreeChart stageDays(List<PipelineResult.StageTime> stages) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (PipelineResult.StageTime t : stages) {
            data.addValue(nanToNull(t.medianDays()), "Median", DisplayNames.of(t.stage()));
            data.addValue(nanToNull(t.p75Days()), "75th percentile", DisplayNames.of(t.stage()));
            data.addValue(nanToNull(t.stalledAfterDays()), "Stalled after", DisplayNames.of(t.stage()));
        }
        BarRenderer bars = bars(ChartStyle.series(0));
        bars.setSeriesPaint(1, ChartStyle.series(4));
        bars.setSeriesPaint(2, ChartStyle.series(3));
        bars.setItemMargin(0.05);
        CategoryPlot plot =
                new CategoryPlot(data, new CategoryAxis(null), ChartStyle.moneyAxis("Days in the stage"), bars);
        return ChartStyle.apply(new JFreeChart("Days in each stage", plot));
    }

    /** Open value and weighted value of the deals expected to close in each month. */
    public static JFreeChart weightedByMonth(List<PipelineResult.Month> months) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (PipelineResult.Month m : months) {
            String label = m.month().equals("none") ? "no date" : m.month();
            data.addValue(m.value(), "Open value", label);
            data.addValue(m.weightedValue(), "Weighted by stage win rate", label);
        }
        BarRenderer bars = bars(ChartStyle.MUTED);
        bars.setSeriesPaint(1, ChartStyle.series(0));
        bars.setItemMargin(0.0);
        CategoryAxis axis = new CategoryAxis("Expected close month");
        CategoryPlot plot = new CategoryPlot(data, axis, ChartStyle.moneyAxis("Value"), bars);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("Weighted pipeline by expected close month", plot));
        if (months.size() > 12) {
            axis.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        }
        return chart;
    }

    /**
     * The customer journey as a flow diagram: leads split into those with a deal and those without,
     * then into those that reached a job, an invoice and a payment; drop-offs in grey. Each node is
     * labelled with its number of leads.
     */
    public static JFreeChart journey(PipelineResult.Journey journey) {
        DefaultFlowDataset<String> data = new DefaultFlowDataset<>();
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.ROOT);
        java.util.Map<String, Integer> sizes = new java.util.HashMap<>();
        for (PipelineResult.JourneyFlow f : journey.flows()) {
            sizes.merge((f.stage() + 1) + f.to(), f.leads(), Integer::sum);
        }
        sizes.put("0" + CustomerJourney.LEAD, journey.leads());
        FlowPlot plot = new FlowPlot(data);
        for (PipelineResult.JourneyFlow f : journey.flows()) {
            String from = label(f.from(), sizes.get(f.stage() + f.from()), count);
            String to = label(f.to(), sizes.get((f.stage() + 1) + f.to()), count);
            data.setFlow(f.stage(), from, to, f.leads());
            plot.setNodeFillColor(new NodeKey<>(f.stage(), from), colour(f.from()));
            plot.setNodeFillColor(new NodeKey<>(f.stage() + 1, to), colour(f.to()));
        }
        plot.setDefaultNodeLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 12));
        plot.setDefaultNodeLabelPaint(ChartStyle.TEXT);
        plot.setNodeWidth(14);
        plot.setNodeMargin(0.04);
        plot.setOutlineVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(
                "Customer journey of " + count.format(journey.leads()) + " leads",
                new Font(ChartStyle.FONT, Font.BOLD, 14),
                plot,
                false);
        return ChartStyle.apply(chart);
    }

    private static String label(String node, Integer leads, NumberFormat count) {
        return node + " " + count.format(leads == null ? 0 : leads);
    }

    private static Color colour(String node) {
        return DROP_OFFS.contains(node) ? ChartStyle.MUTED : (Color) ChartStyle.series(0);
    }

    private static BarRenderer bars(java.awt.Paint first) {
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, first);
        bars.setMaximumBarWidth(0.12);
        return bars;
    }

    private static Double nanToNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
