package quant.app.dashboard;

import eu.hansolo.tilesfx.Tile;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.jfree.chart.fx.ChartViewer;
import quant.core.chart.ChartStyle;
import quant.core.explore.ChartData;
import quant.core.explore.ExploreCharts;

/** A chart saved in the chart builder, on the dashboard: a TilesFX tile holding the chart. */
final class ChartTile {
    private final String name;
    private final Tile tile = new Tile(Tile.SkinType.CUSTOM);
    private final ChartViewer viewer = new ChartViewer();
    private final Label problem = new Label();
    private ChartData shown;
    private boolean dark;

    ChartTile(String name, boolean wide) {
        this.name = name;
        tile.setId("chart-tile-" + name.replaceAll("[^A-Za-z0-9]+", "-"));
        tile.setTitle(name);
        tile.setAnimated(false);
        // flat tiles: shadows cost every frame, and the workbench's theme draws none
        tile.setShadowsEnabled(false);
        tile.setInnerShadowEnabled(false);
        double w = wide ? 2 * KpiTile.WIDTH + KpiTile.GAP : KpiTile.WIDTH;
        double h = 2 * KpiTile.HEIGHT + KpiTile.GAP;
        tile.setPrefSize(w, h);
        tile.setMinSize(w, h);
        tile.setMaxSize(w, h);
        problem.setWrapText(true);
        tile.setGraphic(new StackPane(viewer, problem));
        tile.setText("computing…");
        theme(false);
    }

    String name() {
        return name;
    }

    Tile node() {
        return tile;
    }

    void show(ChartData d) {
        shown = d;
        problem.setText("");
        var chart = ExploreCharts.chart(d);
        if (chart != null) {
            chart.setTitle((String) null);
            ChartStyle.theme(chart, dark);
            viewer.setChart(chart);
        }
        viewer.setVisible(chart != null);
        if (chart == null) {
            problem.setText("A table: open the chart builder to see it.");
        }
        tile.setText(d.measureLabel() + " · " + d.rows() + " rows");
    }

    void problem(String sentence) {
        shown = null;
        viewer.setVisible(false);
        problem.setText(sentence);
        tile.setText("");
    }

    void theme(boolean darkTheme) {
        dark = darkTheme;
        tile.setBackgroundColor(DashboardColors.background(dark));
        tile.setBorderColor(DashboardColors.border(dark));
        tile.setBorderWidth(1);
        tile.setTitleColor(DashboardColors.muted(dark));
        tile.setTextColor(DashboardColors.muted(dark));
        problem.setTextFill(DashboardColors.text(dark));
        if (shown != null) {
            show(shown);
        }
    }
}
