package quant.app.analysis;

import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import quant.core.chart.ChartStyle;

/**
 * Saving one chart as a picture: every chart of a view gets "Save chart as PNG…" and "Save chart as
 * SVG…" in its context menu, in place of the chart library's own items. Choosing one fires a {@link
 * Request} that bubbles to the main window, which asks where and writes the file on a background job.
 */
public final class ChartExport {
    private ChartExport() {}

    /** Asks for a chart to be saved in a format. */
    public static final class Request extends Event {
        public static final EventType<Request> SAVE = new EventType<>(Event.ANY, "SAVE_CHART");

        private final transient JFreeChart chart;
        private final String format;

        Request(JFreeChart chart, String format) {
            super(SAVE);
            this.chart = chart;
            this.format = format;
        }

        /** A copy of the chart in the light look of documents. */
        public JFreeChart chart() {
            return chart;
        }

        /** "png" or "svg". */
        public String format() {
            return format;
        }
    }

    /** Gives every chart under {@code root} (in split panes, tabs and scroll panes too) the save items. */
    public static void install(Node root) {
        for (ChartViewer viewer : viewers(root)) {
            MenuItem png = new MenuItem("Save chart as PNG (2×)…");
            png.setOnAction(e -> request(viewer, "png"));
            MenuItem svg = new MenuItem("Save chart as SVG…");
            svg.setOnAction(e -> request(viewer, "svg"));
            viewer.getContextMenu().getItems().setAll(png, svg);
        }
    }

    private static void request(ChartViewer viewer, String format) {
        JFreeChart shown = viewer.getChart();
        if (shown == null) {
            return;
        }
        viewer.fireEvent(new Request(printable(shown), format));
    }

    /** A copy of {@code chart} in the light theme, so a file looks like the documents whatever the window's theme. */
    static JFreeChart printable(JFreeChart chart) {
        try {
            JFreeChart copy = (JFreeChart) chart.clone();
            ChartStyle.theme(copy, false);
            return copy;
        } catch (CloneNotSupportedException e) {
            return chart;
        }
    }

    /** The chart viewers under {@code node}, including those of tabs not shown. */
    static List<ChartViewer> viewers(Node node) {
        List<ChartViewer> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(Node node, List<ChartViewer> out) {
        if (node == null) {
            return;
        }
        if (node instanceof ChartViewer v) {
            out.add(v);
            return;
        }
        if (node instanceof TabPane tabs) {
            for (Tab t : tabs.getTabs()) {
                collect(t.getContent(), out);
            }
            return;
        }
        if (node instanceof SplitPane split) {
            split.getItems().forEach(n -> collect(n, out));
            return;
        }
        if (node instanceof ScrollPane scroll) {
            collect(scroll.getContent(), out);
            return;
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(n -> collect(n, out));
        }
    }
}
