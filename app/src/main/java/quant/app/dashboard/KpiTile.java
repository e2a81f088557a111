package quant.app.dashboard;

import eu.hansolo.tilesfx.Tile;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import quant.core.kpi.Kpi;
import quant.core.kpi.KpiStatus;
import quant.core.kpi.KpiValue;

/**
 * One KPI on the dashboard: a TilesFX tile (its custom skin: title, frame and text) holding the value
 * in the KPI's unit, its target and status in colour and in words (it reads in black and white too),
 * the change against the same period a year earlier, and a sparkline of the last periods. Clicking it
 * opens the view that explains the KPI.
 */
final class KpiTile {
    static final double WIDTH = 232;
    static final double HEIGHT = 168;
    static final double GAP = 10;

    private final Kpi kpi;
    private final Tile tile = new Tile(Tile.SkinType.CUSTOM);
    private final Label value = new Label("—");
    private final Label target = new Label();
    private final Label status = new Label();
    private final Sparkline spark = new Sparkline();
    private final Region statusBar = new Region();
    private KpiValue shown;
    private String currency = "";
    private boolean dark;

    KpiTile(Kpi kpi, boolean wide) {
        this.kpi = kpi;
        tile.setId("tile-" + kpi.id());
        tile.setTitle(kpi.title());
        tile.setAnimated(false);
        // flat tiles: shadows cost every frame, and the workbench's theme draws none
        tile.setShadowsEnabled(false);
        tile.setInnerShadowEnabled(false);
        tile.setTextVisible(true);
        tile.setPrefSize(wide ? 2 * WIDTH + GAP : WIDTH, HEIGHT);
        tile.setMinSize(wide ? 2 * WIDTH + GAP : WIDTH, HEIGHT);
        tile.setMaxSize(wide ? 2 * WIDTH + GAP : WIDTH, HEIGHT);
        value.setFont(Font.font(null, FontWeight.BOLD, 24));
        value.getStyleClass().add("kpi-tile-value");
        target.getStyleClass().add("kpi-tile-target");
        status.getStyleClass().add("kpi-tile-status");
        statusBar.setPrefSize(6, 26);
        statusBar.setMinWidth(6);
        HBox head = new HBox(8, statusBar, value);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox line2 = new HBox(6, status, target);
        line2.setAlignment(Pos.CENTER_LEFT);
        VBox body = new VBox(2, head, line2, spark);
        body.setPadding(new Insets(2, 0, 0, 0));
        VBox.setVgrow(spark, Priority.ALWAYS);
        tile.setGraphic(body);
        Tooltip.install(tile, new Tooltip(kpi.definition()));
        theme(false);
    }

    Kpi kpi() {
        return kpi;
    }

    Tile node() {
        return tile;
    }

    /** Shows a value, or that there is none yet. */
    void show(KpiValue v, String currencyCode) {
        shown = v;
        currency = currencyCode;
        render();
    }

    void theme(boolean darkTheme) {
        dark = darkTheme;
        tile.setBackgroundColor(DashboardColors.background(dark));
        tile.setBorderColor(DashboardColors.border(dark));
        tile.setBorderWidth(1);
        tile.setTitleColor(DashboardColors.muted(dark));
        tile.setTextColor(DashboardColors.muted(dark));
        tile.setForegroundColor(DashboardColors.text(dark));
        value.setTextFill(DashboardColors.text(dark));
        target.setTextFill(DashboardColors.muted(dark));
        render();
    }

    private void render() {
        if (shown == null) {
            value.setText("—");
            target.setText("");
            status.setText("");
            tile.setText("computing…");
            statusBar.setStyle("-fx-background-color: " + web(DashboardColors.NONE) + ";");
            return;
        }
        KpiStatus level = shown.level();
        value.setText(format(shown.value()));
        status.setText(level.words());
        status.setTextFill(DashboardColors.status(shown.status()));
        target.setText(
                shown.target() != null
                        ? "· target " + format(shown.target())
                        : "last year".equals(shown.basis()) ? "· against last year" : "");
        statusBar.setStyle("-fx-background-color: " + web(DashboardColors.status(shown.status())) + ";"
                + " -fx-background-radius: 2;");
        tile.setText(change() + "   " + shown.period());
        spark.show(shown.history(), shown.target(), DashboardColors.line(dark), DashboardColors.muted(dark));
        tile.setTooltipText(kpi.definition());
    }

    /** "+12.5 % on last year" or "no comparison". */
    String change() {
        if (shown.change() == null || shown.value() == null || shown.comparison() == null) {
            return "no comparison";
        }
        return kpi.unit().formatChange(shown.value() - shown.comparison(), shown.change()) + " on last year";
    }

    private String format(Double x) {
        return x == null ? "—" : kpi.unit().format(x, currency);
    }

    static String web(javafx.scene.paint.Color c) {
        return String.format(
                java.util.Locale.ROOT,
                "#%02x%02x%02x",
                (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
