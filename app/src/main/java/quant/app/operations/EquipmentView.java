package quant.app.operations;

import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.CustomerFilterBar;
import quant.app.analysis.KeyFigures;
import quant.app.analysis.Sentences;
import quant.app.analysis.Tables;
import quant.core.equipment.EquipmentCharts;
import quant.core.equipment.EquipmentReport;
import quant.core.equipment.EquipmentResult;
import quant.core.report.Report;

/**
 * Equipment: the assets by their chance of failing next, with the chosen one's history on a time line;
 * the survival of each group with its Weibull; the riskiest assets drawn.
 */
public final class EquipmentView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "operations.equipment";

    private final EquipmentViewModel model;
    private final KeyFigures figures = new KeyFigures("equipment-figures");
    private final TableView<EquipmentResult.Asset> assets = new TableView<>();
    private final ChartViewer historyChart = new ChartViewer();
    private final TableView<EquipmentResult.Event> events = new TableView<>();
    private final Label historyTitle = Tables.heading("Choose an asset to see its history");
    private final TilePane curves = new TilePane();
    private final TableView<EquipmentResult.Group> groups = new TableView<>();
    private final ChartViewer riskChart = new ChartViewer();
    private final Sentences notes = new Sentences();
    private final AnalysisFrame frame;

    public EquipmentView(EquipmentViewModel model) {
        this.model = model;
        setId("equipment-view");
        setTop(new ToolBar(new Label("As of"), CustomerFilterBar.asOfPicker(model.asOfProperty(), "equipment-as-of")));
        TabPane tabs = new TabPane(tab("Assets", assetsTab()), tab("Survival", survivalTab()), tab("Risk", riskTab()));
        tabs.setId("equipment-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox body = new VBox(figures, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        frame = new AnalysisFrame(
                this, body, "equipment", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> show(r));
        model.historyProperty().addListener((obs, o, r) -> showHistory(r));
        model.refresh();
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("equipment-tab-" + title.toLowerCase(Locale.ROOT));
        return t;
    }

    private Node assetsTab() {
        assets.setId("equipment-assets");
        assets.getColumns().setAll(Tables.of(EquipmentReport.assetColumns()));
        assets.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        assets.setPlaceholder(new Label("No asset in the register."));
        assets.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.assetProperty().set(b.ref());
            }
        });
        events.setId("equipment-history");
        events.getColumns().setAll(Tables.of(EquipmentReport.eventColumns()));
        events.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        events.setPlaceholder(new Label("Nothing recorded for this asset."));
        historyChart.setId("equipment-history-chart");
        SplitPane history = new SplitPane(historyChart, events);
        history.setDividerPositions(0.55);
        VBox lower = new VBox(4, historyTitle, history);
        VBox.setVgrow(history, Priority.ALWAYS);
        lower.setPadding(new Insets(4, 0, 0, 0));
        SplitPane split = new SplitPane(assets, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        return split;
    }

    private Node survivalTab() {
        curves.setId("equipment-curves");
        curves.setPrefColumns(2);
        curves.setHgap(8);
        curves.setVgap(8);
        curves.setPadding(new Insets(8));
        groups.setId("equipment-groups");
        groups.getColumns().setAll(Tables.of(EquipmentReport.groupColumns()));
        groups.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        notes.setId("equipment-notes");
        notes.setPlaceholder("Nothing to point out.");
        VBox lower = new VBox(6, groups, Tables.heading("What to know"), notes);
        VBox.setVgrow(notes, Priority.ALWAYS);
        lower.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(curves);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(scroll, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        return split;
    }

    private Node riskTab() {
        riskChart.setId("equipment-risk-chart");
        return riskChart;
    }

    private void show(EquipmentResult r) {
        if (r == null) {
            return;
        }
        frame.setDefinitions(r.definitions());
        if (r.assets().isEmpty()) {
            frame.showEmpty("No asset in the register: import the equipment table to see its reliability.");
            return;
        }
        frame.showBody();
        frame.setSummary(("As of %s%s · records from %s · service every %d days, suggested when the %d-day"
                        + " failure risk reaches %.0f %%")
                .formatted(
                        r.asOf().date(),
                        r.asOfFromData() ? " (the last activity in the data)" : "",
                        r.historyStart(),
                        r.rules().serviceIntervalDays(),
                        r.rules().horizonDays(),
                        100 * r.rules().riskLevel()));
        figures.showReport(EquipmentReport.figures(r));
        String chosen = model.assetProperty().get();
        assets.getItems().setAll(r.assets());
        groups.getItems().setAll(r.groups());
        notes.getItems().setAll(r.notes());
        curves.getChildren().clear();
        for (EquipmentResult.Group g : r.groups()) {
            ChartViewer v = new ChartViewer(EquipmentCharts.survival(g));
            v.setId("equipment-curve-" + g.name().replaceAll("[^A-Za-z0-9]+", "-"));
            v.setPrefSize(560, 320);
            curves.getChildren().add(v);
        }
        riskChart.setChart(EquipmentCharts.risk(r.assets()));
        r.assets().stream()
                .filter(a -> a.ref().equals(chosen))
                .findFirst()
                .or(() -> r.assets().stream().findFirst())
                .ifPresent(a -> assets.getSelectionModel().select(a));
    }

    private void showHistory(EquipmentResult r) {
        if (r == null || r.assets().size() != 1) {
            return;
        }
        EquipmentResult.Asset a = r.assets().getFirst();
        historyTitle.setText("History of " + a.ref() + " " + a.name() + " (" + a.state() + ")");
        events.getItems().setAll(r.events());
        historyChart.setChart(EquipmentCharts.history(a.ref() + " " + a.name(), r.events()));
    }

    @Override
    public Optional<Report> report() {
        EquipmentResult r = model.resultProperty().get();
        return r == null || r.assets().isEmpty() ? Optional.empty() : Optional.of(EquipmentReport.of(r));
    }
}
