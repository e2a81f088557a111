package quant.app.finance;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.CustomerFilterBar;
import quant.app.analysis.Formats;
import quant.app.analysis.KeyFigures;
import quant.app.analysis.Tables;
import quant.core.finance.ProfitabilityCharts;
import quant.core.finance.ProfitabilityReport;
import quant.core.finance.ProfitabilityResult;
import quant.core.finance.ProfitabilitySpec;
import quant.core.report.Report;

/**
 * Profitability: margin by service line, segment, city, postal code, technician or customer after
 * direct, travel and overhead cost, with a drill-down (double-click or Enter on a row) from a line to
 * its customers to their jobs; job complexity against margin; and the least profitable customers and
 * jobs with the reasons.
 */
public final class ProfitabilityView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "finance.profitability";

    private final ProfitabilityViewModel model;
    private final KeyFigures figures = new KeyFigures("profitability-figures");
    private final TableView<ProfitabilityResult.Row> rows = new TableView<>();
    private final ChartViewer split = new ChartViewer();
    private final ChartViewer complexity = new ChartViewer();
    private final TableView<ProfitabilityResult.Band> bands = new TableView<>();
    private final TableView<ProfitabilityResult.Row> customers = new TableView<>();
    private final TableView<ProfitabilityResult.Row> jobs = new TableView<>();
    private final HBox crumbs = new HBox(4);
    private final Tab rowsTab = new Tab();
    private final AnalysisFrame frame;

    public ProfitabilityView(ProfitabilityViewModel model) {
        this.model = model;
        setId("profitability-view");
        ComboBox<ProfitabilitySpec.Dimension> by =
                new ComboBox<>(FXCollections.observableArrayList(ProfitabilitySpec.Dimension.values()));
        by.setId("profitability-by");
        by.setConverter(Formats.labelled(d -> "By " + d.title().toLowerCase(Locale.ROOT)));
        by.valueProperty().bindBidirectional(model.byProperty());
        ComboBox<Integer> window = new ComboBox<>(FXCollections.observableArrayList(3, 6, 12, 24, 36));
        window.setId("profitability-months");
        window.setConverter(Formats.labelled(m -> "Last " + m + " months"));
        window.valueProperty().bindBidirectional(model.monthsProperty());
        crumbs.setId("profitability-path");
        crumbs.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        model.path().addListener((ListChangeListener<ProfitabilitySpec.Within>) c -> showPath());
        showPath();
        setTop(new ToolBar(
                by,
                window,
                new Label("As of"),
                CustomerFilterBar.asOfPicker(model.asOfProperty(), "profitability-as-of"),
                crumbs));

        rowsTab.setContent(rowsTab());
        TabPane tabs = new TabPane(rowsTab, tab("Complexity", complexityTab()), tab("Least profitable", worstTab()));
        tabs.setId("profitability-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox body = new VBox(figures, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        frame = new AnalysisFrame(
                this, body, "profitability", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> show(r));
        model.refresh();
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("profitability-tab-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        return t;
    }

    private void showPath() {
        crumbs.getChildren().clear();
        if (model.path().isEmpty()) {
            return;
        }
        crumbs.getChildren().add(new Label("  ·"));
        Hyperlink all = new Hyperlink("All jobs");
        all.setOnAction(e -> model.backTo(0));
        crumbs.getChildren().add(all);
        List<ProfitabilitySpec.Within> path = model.path();
        for (int k = 0; k < path.size(); k++) {
            ProfitabilitySpec.Within w = path.get(k);
            String words = w.dimension().title() + " " + w.key();
            crumbs.getChildren().add(new Label("›"));
            if (k + 1 < path.size()) {
                int steps = k + 1;
                Hyperlink link = new Hyperlink(words);
                link.setOnAction(e -> model.backTo(steps));
                crumbs.getChildren().add(link);
            } else {
                crumbs.getChildren().add(new Label(words));
            }
        }
    }

    private Node rowsTab() {
        rows.setId("profitability-rows");
        rows.getColumns().setAll(Tables.of(ProfitabilityReport.rowColumns()));
        rows.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        rows.setPlaceholder(new Label("No completed job in the window."));
        rows.setTooltip(new Tooltip("Double-click a row (or press Enter) to see what it is made of"));
        rows.setRowFactory(t -> {
            TableRow<ProfitabilityResult.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.drillInto(row.getItem());
                }
            });
            return row;
        });
        rows.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                model.drillInto(rows.getSelectionModel().getSelectedItem());
            }
        });
        SplitPane pane = new SplitPane(rows, split);
        pane.setOrientation(Orientation.VERTICAL);
        pane.setDividerPositions(0.5);
        return pane;
    }

    private Node complexityTab() {
        bands.setId("profitability-bands");
        bands.getColumns().setAll(Tables.of(ProfitabilityReport.bandColumns()));
        bands.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SplitPane pane = new SplitPane(complexity, bands);
        pane.setDividerPositions(0.62);
        return pane;
    }

    private Node worstTab() {
        customers.setId("profitability-worst-customers");
        jobs.setId("profitability-worst-jobs");
        for (TableView<ProfitabilityResult.Row> t : List.of(customers, jobs)) {
            t.getColumns().setAll(Tables.of(ProfitabilityReport.rowColumns()));
            t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        }
        VBox c = new VBox(4, Tables.heading("Least profitable customers"), customers);
        VBox j = new VBox(4, Tables.heading("Least profitable jobs"), jobs);
        VBox.setVgrow(customers, Priority.ALWAYS);
        VBox.setVgrow(jobs, Priority.ALWAYS);
        SplitPane pane = new SplitPane(c, j);
        pane.setOrientation(Orientation.VERTICAL);
        return pane;
    }

    private void show(ProfitabilityResult r) {
        if (r == null) {
            return;
        }
        frame.setDefinitions(r.definitions());
        frame.showBody();
        String dimension = ProfitabilitySpec.Dimension.parse(r.by()).title().toLowerCase(Locale.ROOT);
        frame.setSummary("As of %s%s · %d months from %s · overhead shared out by %s%s"
                .formatted(
                        r.asOf().date(),
                        r.asOfFromData() ? " (the last activity in the data)" : "",
                        r.months(),
                        r.from(),
                        r.overheadBy(),
                        r.notes().isEmpty() ? "" : " · " + String.join(" ", r.notes())));
        figures.showReport(ProfitabilityReport.figures(r));
        rowsTab.setText("By " + dimension);
        List<ProfitabilityResult.Row> all = new java.util.ArrayList<>(r.rows());
        if (!all.isEmpty()) {
            all.add(r.total());
        }
        rows.getItems().setAll(all);
        split.setChart(r.rows().isEmpty() ? null : ProfitabilityCharts.revenueSplit(r.rows(), dimension));
        complexity.setChart(r.complexity().isEmpty() ? null : ProfitabilityCharts.complexity(r.complexity()));
        bands.getItems().setAll(r.complexity());
        customers.getItems().setAll(r.leastProfitableCustomers());
        jobs.getItems().setAll(r.leastProfitableJobs());
    }

    @Override
    public Optional<Report> report() {
        ProfitabilityResult r = model.resultProperty().get();
        return r == null ? Optional.empty() : Optional.of(ProfitabilityReport.of(r));
    }
}
