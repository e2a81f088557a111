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

    /** The dark theme's background, text and grid (GitHub Primer dark, as the window's AtlantaFX theme). */
    public static final Color DARK_BACKGROUND = new Color(0x0D1117);

    public static final Color DARK_TEXT = new Color(0xC9D1D9);
    public static final Color DARK_GRID = new Color(0x30363D);

    /**
     * Recolours a chart for the window's theme: backgrounds, titles, legends, axes, grid lines and
     * item labels; the series keep their colours (the palette reads on both). Works on combined plots
     * and their subplots. Idempotent: light puts back the look of {@link #apply}.
     */
    public static void theme(JFreeChart chart, boolean dark) {
        Color background = dark ? DARK_BACKGROUND : Color.WHITE;
        Color text = dark ? DARK_TEXT : TEXT;
        Color grid = dark ? DARK_GRID : GRID;
        chart.setBackgroundPaint(background);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(text);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t) {
                t.setPaint(text);
                t.setBackgroundPaint(null);
            } else if (chart.getSubtitle(i) instanceof LegendTitle l) {
                l.setItemPaint(text);
                l.setBackgroundPaint(background);
            }
        }
        themePlot(chart.getPlot(), background, text, grid);
    }

    private static void themePlot(Plot plot, Color background, Color text, Color grid) {
        plot.setBackgroundPaint(background);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(grid);
            xy.setRangeGridlinePaint(grid);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                themeAxis(xy.getDomainAxis(i), text);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                themeAxis(xy.getRangeAxis(i), text);
            }
            for (int i = 0; i < xy.getRendererCount(); i++) {
                if (xy.getRenderer(i) != null) {
                    xy.getRenderer(i).setDefaultItemLabelPaint(text);
                    int series = xy.getDataset(i) == null ? 0 : xy.getDataset(i).getSeriesCount();
                    swapBlack(xy.getRenderer(i)::getSeriesPaint, xy.getRenderer(i)::setSeriesPaint, series, text);
                }
            }
            if (xy instanceof org.jfree.chart.plot.CombinedDomainXYPlot c) {
                for (Object sub : c.getSubplots()) {
                    themePlot((Plot) sub, background, text, grid);
                }
            } else if (xy instanceof org.jfree.chart.plot.CombinedRangeXYPlot c) {
                for (Object sub : c.getSubplots()) {
                    themePlot((Plot) sub, background, text, grid);
                }
            }
        } else if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(grid);
            cp.setDomainGridlinePaint(grid);
            for (int i = 0; i < cp.getDomainAxisCount(); i++) {
                themeAxis(cp.getDomainAxis(i), text);
            }
            for (int i = 0; i < cp.getRangeAxisCount(); i++) {
                themeAxis(cp.getRangeAxis(i), text);
            }
            for (int i = 0; i < cp.getRendererCount(); i++) {
                if (cp.getRenderer(i) != null) {
                    cp.getRenderer(i).setDefaultItemLabelPaint(text);
                    int series = cp.getDataset(i) == null ? 0 : cp.getDataset(i).getRowCount();
                    swapBlack(cp.getRenderer(i)::getSeriesPaint, cp.getRenderer(i)::setSeriesPaint, series, text);
                }
            }
            if (cp instanceof org.jfree.chart.plot.CombinedDomainCategoryPlot c) {
                for (Object sub : c.getSubplots()) {
                    themePlot((Plot) sub, background, text, grid);
                }
            } else if (cp instanceof org.jfree.chart.plot.CombinedRangeCategoryPlot c) {
                for (Object sub : c.getSubplots()) {
                    themePlot((Plot) sub, background, text, grid);
                }
            }
        } else if (plot instanceof org.jfree.chart.plot.flow.FlowPlot flow) {
            flow.setDefaultNodeLabelPaint(text);
        } else if (plot instanceof org.jfree.chart.plot.PiePlot<?> pie) {
            pie.setLabelPaint(text);
            pie.setLabelBackgroundPaint(background);
        }
    }

    /** The palette's black series becomes the theme's text colour, so it shows on a dark background. */
    private static void swapBlack(
            java.util.function.IntFunction<Paint> get,
            java.util.function.BiConsumer<Integer, Paint> set,
            int series,
            Color text) {
        for (int k = 0; k < series; k++) {
            Paint p = get.apply(k);
            if (Color.BLACK.equals(p) || DARK_TEXT.equals(p) || TEXT.equals(p) && !text.equals(TEXT)) {
                set.accept(k, text.equals(TEXT) ? Color.BLACK : text);
            }
        }
    }

    private static void themeAxis(org.jfree.chart.axis.Axis axis, Color text) {
        if (axis != null) {
            axis.setLabelPaint(text);
            axis.setTickLabelPaint(text);
        }
    }

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
        tooltips(plot);
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

    /**
     * Gives every renderer that has none a tooltip of the value under the pointer ("series, x: y" with
     * grouped digits), so the window shows it on hover; a chart that set its own keeps it.
     */
    public static void tooltips(Plot plot) {
        java.text.NumberFormat number = java.text.NumberFormat.getNumberInstance(java.util.Locale.ROOT);
        number.setMaximumFractionDigits(2);
        number.setGroupingUsed(true);
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getRendererCount(); i++) {
                var r = xy.getRenderer(i);
                if (r != null && r.getDefaultToolTipGenerator() == null) {
                    boolean dates = xy.getDomainAxis() instanceof org.jfree.chart.axis.DateAxis;
                    r.setDefaultToolTipGenerator(
                            dates
                                    ? new org.jfree.chart.labels.StandardXYToolTipGenerator(
                                            "{0}, {1}: {2}", new java.text.SimpleDateFormat("yyyy-MM-dd"), number)
                                    : new org.jfree.chart.labels.StandardXYToolTipGenerator(
                                            "{0}, {1}: {2}", number, number));
                }
            }
            if (xy instanceof org.jfree.chart.plot.CombinedDomainXYPlot c) {
                c.getSubplots().forEach(sub -> tooltips((Plot) sub));
            }
        } else if (plot instanceof CategoryPlot cp) {
            for (int i = 0; i < cp.getRendererCount(); i++) {
                var r = cp.getRenderer(i);
                if (r != null && r.getDefaultToolTipGenerator() == null) {
                    r.setDefaultToolTipGenerator(
                            new org.jfree.chart.labels.StandardCategoryToolTipGenerator("{0}, {1}: {2}", number));
                }
            }
            if (cp instanceof org.jfree.chart.plot.CombinedDomainCategoryPlot c) {
                c.getSubplots().forEach(sub -> tooltips((Plot) sub));
            }
        }
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
