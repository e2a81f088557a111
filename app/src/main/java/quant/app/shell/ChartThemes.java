package quant.app.shell;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import quant.core.chart.ChartStyle;

/**
 * Keeps the charts of a window in its theme, each with the value under the pointer as a tooltip and a
 * least size it is not squeezed below: after each layout pass, every chart on screen that was not
 * yet recoloured for the current theme is ({@link ChartStyle#theme}), so a chart a view shows later, or
 * one already shown when the theme changes, follows it without each view knowing about themes.
 */
public final class ChartThemes {
    /** The theme each chart was last recoloured for; charts are forgotten with their views. */
    private static final Map<JFreeChart, Boolean> THEMED = Collections.synchronizedMap(new WeakHashMap<>());

    /** The least size a chart is squeezed to, in pixels. */
    public static final double MIN_WIDTH = 280;

    public static final double MIN_HEIGHT = 190;

    private ChartThemes() {}

    /** Follows {@code dark} in every chart of the scene from now on. */
    public static void follow(Scene scene, BooleanSupplier dark) {
        scene.addPostLayoutPulseListener(() -> {
            if (scene.getRoot() != null) {
                apply(scene.getRoot(), dark.getAsBoolean());
            }
        });
    }

    /** Recolours the charts under {@code node} that are not in the theme yet. */
    static void apply(Node node, boolean dark) {
        if (node instanceof ChartViewer viewer) {
            if (viewer.getMinWidth() < MIN_WIDTH) {
                // a chart keeps a readable size: the panes around it stop there rather than squeeze it
                viewer.setMinSize(MIN_WIDTH, MIN_HEIGHT);
            }
            JFreeChart chart = viewer.getChart();
            if (chart != null && !Boolean.valueOf(dark).equals(THEMED.get(chart))) {
                ChartStyle.tooltips(chart.getPlot()); // the value under the pointer, renderers added late too
                ChartStyle.theme(chart, dark);
                THEMED.put(chart, dark);
            }
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                apply(child, dark);
            }
        }
    }
}
