package quant.core.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * One look for every chart, on screen and in PDFs: white ground, light grid, no outline, one sans
 * font, and a categorical palette that stays distinct for people with the common colour-vision
 * deficiencies (Okabe &amp; Ito's eight colours, 2008).
 */
public final class ChartStyle {
    /** Okabe–Ito: blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black. */
    public static final Color[] PALETTE = {
        new Color(0x0072B2),
        new Color(0xE69F00),
        new Color(0x009E73),
        new Color(0xD55E00),
        new Color(0x56B4E9),
        new Color(0xCC79A7),
        new Color(0xF0E442),
        new Color(0x000000)
    };

    public static final Color GRID = new Color(0xE3E6EA);
    public static final Color MUTED = new Color(0xB8BEC6);
    public static final Color TEXT = new Color(0x24292F);
    public static final Color PARTIAL = new Color(0xD9DCE0);
    public static final String FONT = Font.SANS_SERIF;

    private ChartStyle() {}

    /** The n-th categorical colour, repeating after eight. */
    public static Paint series(int n) {
        return PALETTE[Math.floorMod(n, PALETTE.length)];
    }

    /** Applies the look to a chart built by JFreeChart's factories or by hand, and returns it. */
    public static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 8));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(new Font(FONT, Font.BOLD, 14));
            title.setPaint(TEXT);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(new Font(FONT, Font.PLAIN, 11));
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (plot instanceof CategoryPlot cp && cp.getDomainAxis() != null) {
            category(cp, cp.getDomainAxis());
        }
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(new BasicStroke(1f));
            xy.setRangeGridlineStroke(new BasicStroke(1f));
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i));
            }
        }
        return chart;
    }

    private static void axis(ValueAxis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(new Font(FONT, Font.PLAIN, 12));
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 11));
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
    }

    /**
     * The look of a category plot and of one of its category axes (a combined plot shares one axis
     * among its subplots, so it is passed on its own): light range grid, no axis lines or ticks.
     */
    public static void category(CategoryPlot plot, CategoryAxis axis) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        axis.setLabelFont(new Font(FONT, Font.PLAIN, 12));
        axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 11));
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        axis.setCategoryMargin(0.15);
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            axis(plot.getRangeAxis(i));
        }
    }

    /** A percentage axis for fractions (0.25 shows as 25%). */
    public static NumberAxis percentAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        return axis;
    }

    /** A money axis with thousands separators and no decimals. */
    public static NumberAxis moneyAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        NumberFormat f = NumberFormat.getNumberInstance(Locale.ROOT);
        f.setMaximumFractionDigits(0);
        axis.setNumberFormatOverride(f);
        return axis;
    }
}
