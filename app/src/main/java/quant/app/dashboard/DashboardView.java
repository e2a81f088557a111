package quant.app.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.CustomerFilterBar;
import quant.app.analysis.Tables;
import quant.core.kpi.Kpi;
import quant.core.kpi.KpiPeriod;
import quant.core.kpi.KpiReport;
import quant.core.kpi.KpiValue;
import quant.core.kpi.Section;
import quant.core.report.Report;

/**
 * The owner's home screen: the KPIs as tiles in five sections, each with its value, target, status,
 * sparkline and change on last year, opening the view that explains it when clicked; beside them the
 * health score, the alert centre and the summary in words. The period and as-of date are chosen at
 * the top; "Arrange" lets the user move, widen, remove and add tiles, and the arrangement is kept.
 */
public final class DashboardView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "home.dashboard";

    private final DashboardViewModel model;
    private final Consumer<String> openAnalysis;
    private final VBox sections = new VBox(14);
    private final Map<String, KpiTile> tiles = new HashMap<>();
    private final Map<String, ChartTile> charts = new HashMap<>();
    private final Consumer<String> openChart;
    private final ToggleButton arrange = new ToggleButton("Arrange");
    private final MenuButton add = new MenuButton("Add tile");
    private final HealthPane health;
    private final AlertPane alerts;
    private final SummaryPane summary;
    private final AnalysisFrame frame;
    private final Label targetNotice = new Label();
    private DashboardLayout layout;
    private boolean dark;

    /**
     * @param openAnalysis opens the view of a registered analysis, by the analysis's id
     * @param openChart opens the chart builder on a saved chart, by its name
     */
    public DashboardView(DashboardViewModel model, Consumer<String> openAnalysis, Consumer<String> openChart) {
        this.model = model;
        this.layout = DashboardLayouts.current().get();
        this.openAnalysis = openAnalysis;
        this.openChart = openChart;
        DashboardLayouts.current().addListener((obs, o, next) -> {
            boolean chartsChanged = !next.charts().equals(layout.charts());
            layout = next;
            rebuild();
            if (chartsChanged) {
                model.chartsChanged();
            }
        });
        setId("dashboard-view");
        ChoiceBox<KpiPeriod> period = new ChoiceBox<>();
        period.getItems().setAll(KpiPeriod.values());
        period.setConverter(new StringConverter<>() {
            @Override
            public String toString(KpiPeriod p) {
                return p == null
                        ? ""
                        : switch (p) {
                            case MONTH -> "Month";
                            case QUARTER -> "Quarter";
                            case YTD -> "Year to date";
                        };
            }

            @Override
            public KpiPeriod fromString(String s) {
                return null;
            }
        });
        period.valueProperty().bindBidirectional(model.periodProperty());
        period.setId("dashboard-period");
        arrange.setId("dashboard-arrange");
        arrange.setTooltip(new Tooltip("Move, widen, remove and add tiles; the arrangement is kept."));
        arrange.selectedProperty().addListener(x -> rebuild());
        add.setId("dashboard-add");
        add.visibleProperty().bind(arrange.selectedProperty());
        add.managedProperty().bind(add.visibleProperty());
        Button reset = new Button("Default tiles");
        reset.setId("dashboard-reset");
        reset.visibleProperty().bind(arrange.selectedProperty());
        reset.managedProperty().bind(reset.visibleProperty());
        reset.setOnAction(e -> changeLayout(new DashboardLayout(java.util.stream.Stream.concat(
                        DashboardLayout.DEFAULT.tiles().stream(),
                        layout.tiles().stream().filter(t -> t.kpi() == null))
                .toList())));
        Button targets = new Button("Targets…");
        targets.setId("dashboard-targets");
        targets.setTooltip(new Tooltip("Set a year's KPI targets and levels; saved as an import you can undo."));
        targets.setOnAction(e -> editTargets());
        // the editor starts at the data's year, known once the KPIs are computed
        targets.disableProperty().bind(model.boardProperty().isNull());
        targetNotice.setId("dashboard-targets-notice");
        setTop(new ToolBar(
                new Label("Period"),
                period,
                new Label("As of"),
                CustomerFilterBar.asOfPicker(model.asOfProperty(), "dashboard-as-of"),
                new Separator(Orientation.VERTICAL),
                targets,
                arrange,
                add,
                reset,
                targetNotice));

        health = new HealthPane(openAnalysis);
        alerts = new AlertPane(model, openAnalysis);
        summary = new SummaryPane(openAnalysis);
        sections.setPadding(new Insets(10));
        sections.setId("dashboard-tiles");
        ScrollPane tileScroll = new ScrollPane(sections);
        tileScroll.setId("dashboard-tiles-scroll");
        tileScroll.setFitToWidth(true);
        VBox side = new VBox(12, health, alerts, summary);
        side.setPadding(new Insets(10));
        VBox.setVgrow(summary, Priority.ALWAYS);
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setMinWidth(300);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        SplitPane body = new SplitPane(tileScroll, sideScroll);
        body.setDividerPositions(0.62);
        frame = new AnalysisFrame(
                this, body, "dashboard", model.runningProperty(), model.messageProperty(), model.boardProperty());
        model.boardProperty().addListener((obs, o, b) -> show(b));
        model.summaryProperty().addListener((obs, o, s) -> summary.show(s));
        model.summaryRunningProperty().addListener((obs, o, running) -> summary.busy(running));
        model.summaryMessageProperty().addListener((obs, o, m) -> summary.problem(m));
        sceneProperty().addListener((obs, o, scene) -> followTheme(scene));
        rebuild();
        // the values kept from the last time show at once; the fresh ones replace them
        model.lastValues(kept -> {
            showTiles(kept.kpis());
            health.show(kept.health());
            frame.showBody();
            frame.setSummary("As of " + kept.kpis().asOf().date() + " · the values kept from the last time;"
                    + " computing them again…");
        });
        model.refresh();
    }

    /** The tiles as the layout arranges them, in their sections. */
    private void rebuild() {
        sections.getChildren().clear();
        tiles.clear();
        charts.clear();
        for (Section s : Section.values()) {
            FlowPane flow = new FlowPane(KpiTile.GAP, KpiTile.GAP);
            flow.setId("dashboard-section-" + s.key());
            for (DashboardLayout.TileSpec spec : layout.tiles()) {
                if (spec.kpi() == null) {
                    continue;
                }
                Kpi k = Kpi.byId(spec.kpi()).orElseThrow();
                if (k.section() != s) {
                    continue;
                }
                KpiTile tile = new KpiTile(k, spec.wide());
                tile.theme(dark);
                tiles.put(k.id(), tile);
                flow.getChildren().add(arrange.isSelected() ? arranging(tile, spec) : clickable(tile));
            }
            if (!flow.getChildren().isEmpty()) {
                Label heading = Tables.heading(s.title());
                sections.getChildren().addAll(heading, flow);
            }
        }
        FlowPane chartFlow = new FlowPane(KpiTile.GAP, KpiTile.GAP);
        chartFlow.setId("dashboard-section-charts");
        for (DashboardLayout.TileSpec spec : layout.tiles()) {
            if (spec.kpi() != null) {
                continue;
            }
            ChartTile tile = new ChartTile(spec.chart(), spec.wide());
            tile.theme(dark);
            charts.put(spec.chart(), tile);
            if (arrange.isSelected()) {
                chartFlow.getChildren().add(tools(tile.node(), spec));
            } else {
                tile.node().setOnMouseClicked(e -> openChart.accept(tile.name()));
                tile.node().setCursor(javafx.scene.Cursor.HAND);
                chartFlow.getChildren().add(tile.node());
            }
        }
        if (!chartFlow.getChildren().isEmpty()) {
            sections.getChildren().addAll(Tables.heading("Charts"), chartFlow);
        }
        if (tiles.isEmpty() && charts.isEmpty()) {
            sections.getChildren().add(new Label("No tiles: choose Arrange ▸ Add tile, or Default tiles."));
        }
        add.getItems().clear();
        for (Kpi k : layout.hidden()) {
            MenuItem item =
                    new MenuItem(k.title() + " (" + k.section().title().toLowerCase(java.util.Locale.ROOT) + ")");
            item.setOnAction(e -> changeLayout(layout.with(k.id())));
            add.getItems().add(item);
        }
        add.setDisable(add.getItems().isEmpty());
        DashboardViewModel.Board b = model.boardProperty().get();
        if (b != null) {
            showTiles(b);
        }
    }

    private javafx.scene.Node clickable(KpiTile tile) {
        tile.node().setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                openAnalysis.accept(tile.kpi().analysis());
            }
        });
        tile.node().setCursor(javafx.scene.Cursor.HAND);
        return tile.node();
    }

    private javafx.scene.Node arranging(KpiTile tile, DashboardLayout.TileSpec spec) {
        return tools(tile.node(), spec);
    }

    /** A tile with its arranging buttons: earlier, later, wide or narrow, remove. */
    private javafx.scene.Node tools(javafx.scene.Node node, DashboardLayout.TileSpec spec) {
        String id = spec.key();
        Button left = small("◀", "Move earlier", () -> changeLayout(layout.move(id, -1)));
        Button right = small("▶", "Move later", () -> changeLayout(layout.move(id, 1)));
        Button wide = small(
                spec.wide() ? "⇥" : "⇔",
                spec.wide() ? "Make narrow" : "Make wide",
                () -> changeLayout(layout.toggleWide(id)));
        Button remove = small("✕", "Remove the tile", () -> changeLayout(layout.without(id)));
        left.setId("tile-left-" + id);
        right.setId("tile-right-" + id);
        wide.setId("tile-wide-" + id);
        remove.setId("tile-remove-" + id);
        HBox tools = new HBox(4, left, right, wide, remove);
        tools.setAlignment(Pos.TOP_RIGHT);
        tools.setPadding(new Insets(4));
        tools.setPickOnBounds(false);
        StackPane box = new StackPane(node, tools);
        StackPane.setAlignment(tools, Pos.TOP_RIGHT);
        return box;
    }

    private static Button small(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().addAll("small", "button-outlined");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void editTargets() {
        var snapshot = model.snapshotProperty().get();
        DashboardViewModel.Board b = model.boardProperty().get();
        if (b == null) {
            return;
        }
        TargetEditor editor = new TargetEditor(
                snapshot == null ? null : snapshot.targets(), b.kpis().asOf().date());
        if (getScene() != null) {
            editor.initOwner(getScene().getWindow());
        }
        editor.showAndWait()
                .filter(TargetEditor.SAVE::equals)
                .ifPresent(x -> model.saveTargets(editor.rows(), editor.year(), targetNotice::setText));
    }

    private void changeLayout(DashboardLayout next) {
        DashboardLayouts.set(next);
    }

    private void show(DashboardViewModel.Board b) {
        if (b == null) {
            return;
        }
        frame.showBody();
        frame.setDefinitions(b.kpis().definitions());
        frame.setSummary("As of %s%s · %s %s · health %s of 100 · %d open alert%s"
                .formatted(
                        b.kpis().asOf().date(),
                        b.kpis().asOf().fromData() ? " (the last activity in the data)" : "",
                        b.kpis().period(),
                        b.kpis().window().label(),
                        b.health().score() == null ? "—" : Math.round(b.health().score()),
                        b.alerts().alerts().size(),
                        b.alerts().alerts().size() == 1 ? "" : "s"));
        showTiles(b);
        health.show(b.health());
        alerts.show(b.alerts(), b.raised());
    }

    private void showTiles(quant.core.kpi.KpiResult kpis) {
        for (KpiValue v : kpis.kpis()) {
            KpiTile t = tiles.get(v.id());
            if (t != null) {
                t.show(v, kpis.currency());
            }
        }
    }

    private void showTiles(DashboardViewModel.Board b) {
        showTiles(b.kpis());
        b.charts().forEach((name, data) -> {
            ChartTile t = charts.get(name);
            if (t != null) {
                t.show(data);
            }
        });
        b.chartProblems().forEach((name, problem) -> {
            ChartTile t = charts.get(name);
            if (t != null) {
                t.problem(problem);
            }
        });
    }

    private void followTheme(Scene scene) {
        if (scene == null || scene.getRoot() == null) {
            return;
        }
        ListChangeListener<String> onChange =
                c -> applyTheme(scene.getRoot().getStyleClass().contains("theme-dark"));
        scene.getRoot().getStyleClass().addListener(onChange);
        applyTheme(scene.getRoot().getStyleClass().contains("theme-dark"));
    }

    private void applyTheme(boolean darkTheme) {
        dark = darkTheme;
        tiles.values().forEach(t -> t.theme(dark));
        charts.values().forEach(t -> t.theme(dark));
    }

    /** The tiles in their order on screen, for tests: KPI ids. */
    List<String> tileOrder() {
        List<String> out = new ArrayList<>();
        for (Section s : Section.values()) {
            for (DashboardLayout.TileSpec spec : layout.tiles()) {
                if (spec.kpi() != null && Kpi.byId(spec.kpi()).orElseThrow().section() == s) {
                    out.add(spec.kpi());
                }
            }
        }
        return out;
    }

    @Override
    public Optional<Report> report() {
        DashboardViewModel.Board b = model.boardProperty().get();
        return b == null ? Optional.empty() : Optional.of(KpiReport.of(b.kpis()));
    }
}
