package quant.core.chart;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * A sequential colour scale from pale to dark blue (the ColorBrewer "Blues" ramp's ends, Harrower &amp;
 * Brewer 2003), linear in the value between a lower and an upper bound and clamped outside them. The
 * same colours serve heatmap charts and coloured table cells.
 */
public final class SequentialScale implements PaintScale {
    private static final Color[] STOPS = {
        new Color(0xF7FBFF), new Color(0xC6DBEF), new Color(0x6BAED6), new Color(0x2171B5), new Color(0x08306B)
    };

    private final double lower;
    private final double upper;

    /** @throws IllegalArgumentException unless lower &lt; upper, both finite */
    public SequentialScale(double lower, double upper) {
        if (!(lower < upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("a scale needs lower < upper, both finite");
        }
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return color(value);
    }

    /** The colour of a value. */
    public Color color(double value) {
        double f = Double.isFinite(value) ? (value - lower) / (upper - lower) : 0;
        f = Math.clamp(f, 0, 1) * (STOPS.length - 1);
        int i = Math.min((int) f, STOPS.length - 2);
        double t = f - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        return new Color(
                (int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    /** Whether text on this value's colour should be white rather than dark, for contrast. */
    public boolean isDark(double value) {
        Color c = color(value);
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luminance < 140;
    }
}
