package quant.app.pipeline;

import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.CustomerFilterBar;
import quant.app.analysis.Formats;
import quant.app.analysis.KeyFigures;
import quant.app.analysis.Tables;
import quant.core.pipeline.PipelineCharts;
import quant.core.pipeline.PipelineReport;
import quant.core.pipeline.PipelineResult;
import quant.core.pipeline.PipelineSpec;

/**
 * The sales pipeline: headline figures, the funnel and a breakdown, days in each stage, the
 * weighted forecast by month with coverage of the target, the open deals with their age, stall flag,
 * win probability and drivers, and the customer journey from lead to payment.
 */
public final class PipelineView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "sales.pipeline";

    private final KeyFigures figures = new KeyFigures("pipeline-figures");
    private final ChartViewer funnelChart = new ChartViewer();
    private final TableView<PipelineResult.Step> funnel = new TableView<>();
    private final TableView<PipelineResult.Group> groups = new TableView<>();
    private final Label groupsTitle = Tables.heading("");
    private final ChartViewer stageChart = new ChartViewer();
    private final TableView<PipelineResult.StageTime> stages = new TableView<>();
    private final Label velocity = new Label();
    private final ChartViewer monthChart = new ChartViewer();
    private final TableView<PipelineResult.Month> months = new TableView<>();
    private final Label coverage = new Label();
    private final javafx.collections.ObservableList<PipelineResult.OpenDeal> openDeals =
            FXCollections.observableArrayList();
    private final FilteredList<PipelineResult.OpenDeal> shownDeals = new FilteredList<>(openDeals);
    private final TableView<PipelineResult.OpenDeal> deals = new TableView<>();
    private final CheckBox stalledOnly = new CheckBox("Stalled only");
    private final Label scoring = new Label();
    private final ChartViewer journeyChart = new ChartViewer();
    private final TableView<PipelineResult.JourneyStep> journey = new TableView<>();
    private final Label journeyEmpty = new Label();
    private final AnalysisFrame frame;

    private final PipelineViewModel model;

    public PipelineView(PipelineViewModel model) {
        this.model = model;
        setId("pipeline-view");
        ComboBox<PipelineSpec.By> by = new ComboBox<>(FXCollections.observableArrayList(PipelineSpec.By.values()));
        by.setId("pipeline-by");
        by.setConverter(new StringConverter<>() {
            @Override
            public String toString(PipelineSpec.By b) {
                return b == null || b == PipelineSpec.By.NONE ? "No breakdown" : "By " + b.label();
            }

            @Override
            public PipelineSpec.By fromString(String s) {
                return null;
            }
        });
        by.valueProperty().bindBidirectional(model.byProperty());
        setTop(new ToolBar(
                by, new Label("As of"), CustomerFilterBar.asOfPicker(model.asOfProperty(), "pipeline-as-of")));

        TabPane tabs = new TabPane(
                tab("Funnel", funnelTab()),
                tab("Velocity", velocityTab()),
                tab("Forecast", forecastTab()),
                tab("Open deals", dealsTab()),
                tab("Journey", journeyTab()));
        tabs.setId("pipeline-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox body = new VBox(figures, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        frame = new AnalysisFrame(
                this, body, "pipeline", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> show(r));
        model.refresh();
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId("pipeline-tab-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        return t;
    }

    private javafx.scene.Node funnelTab() {
        funnel.setId("pipeline-funnel");
        funnel.getColumns().setAll(Tables.of(PipelineReport.funnelColumns()));
        funnel.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        groups.setId("pipeline-groups");
        groups.getColumns().setAll(Tables.of(PipelineReport.groupColumns("")));
        // figures keep their width at 1280 × 800; the table scrolls sideways rather than cut them
        groups.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        groups.setPlaceholder(new Label("Choose a breakdown in the toolbar."));
        VBox right = new VBox(6, Tables.heading("Stages"), funnel, groupsTitle, groups);
        VBox.setVgrow(groups, Priority.ALWAYS);
        funnel.setPrefHeight(190);
        funnel.setMinHeight(130); // the header and three stages at least; the view scrolls below that
        right.setPadding(new Insets(8));
        SplitPane split = new SplitPane(funnelChart, right);
        split.setDividerPositions(0.36);
        return split;
    }

    private javafx.scene.Node velocityTab() {
        stages.setId("pipeline-stage-times");
        stages.getColumns().setAll(Tables.of(PipelineReport.stageTimeColumns()));
        stages.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        velocity.setWrapText(true);
        VBox bottom = new VBox(6, velocity, stages);
        VBox.setVgrow(stages, Priority.ALWAYS);
        bottom.setPadding(new Insets(8));
        SplitPane split = new SplitPane(stageChart, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        return split;
    }

    private javafx.scene.Node forecastTab() {
        months.setId("pipeline-months");
        months.getColumns().setAll(Tables.of(PipelineReport.monthColumns()));
        months.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        coverage.setId("pipeline-coverage");
        coverage.setWrapText(true);
        VBox right = new VBox(6, coverage, months);
        VBox.setVgrow(months, Priority.ALWAYS);
        right.setPadding(new Insets(8));
        SplitPane split = new SplitPane(monthChart, right);
        split.setDividerPositions(0.62);
        return split;
    }

    private javafx.scene.Node dealsTab() {
        deals.setId("pipeline-deals");
        SortedList<PipelineResult.OpenDeal> sorted = new SortedList<>(shownDeals);
        sorted.comparatorProperty().bind(deals.comparatorProperty());
        deals.setItems(sorted);
        deals.getColumns().setAll(dealColumns());
        deals.setPlaceholder(new Label("No open deal at this date."));
        deals.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PipelineResult.OpenDeal d, boolean empty) {
                super.updateItem(d, empty);
                setStyle(!empty && d != null && d.stalled() ? "-fx-background-color: #FBE9E0;" : "");
            }
        });
        stalledOnly.setId("pipeline-stalled-only");
        stalledOnly
                .selectedProperty()
                .addListener((o, a, only) -> shownDeals.setPredicate(only ? PipelineResult.OpenDeal::stalled : null));
        scoring.setId("pipeline-scoring");
        scoring.setWrapText(true);
        VBox box = new VBox(6, scoring, stalledOnly, deals);
        VBox.setVgrow(deals, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static List<TableColumn<PipelineResult.OpenDeal, ?>> dealColumns() {
        return Tables.of(PipelineReport.dealColumns());
    }

    private javafx.scene.Node journeyTab() {
        journey.setId("pipeline-journey");
        journey.getColumns().setAll(Tables.of(PipelineReport.journeyColumns()));
        journey.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        journey.setPrefHeight(170);
        journeyEmpty.setWrapText(true);
        VBox box = new VBox(6, journeyChart, journeyEmpty, journey);
        VBox.setVgrow(journeyChart, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private void show(PipelineResult r) {
        if (r == null) {
            return;
        }
        frame.setDefinitions(r.definitions());
        frame.showBody();
        PipelineResult.Summary t = r.totals();
        frame.setSummary("%s deals started by %s%s"
                .formatted(
                        Formats.count(t.dealCount()),
                        r.asOf().date(),
                        r.asOfFromData() ? " (the last activity in the data)" : ""));
        figures.showReport(PipelineReport.figures(r));
        long stalled =
                r.openDeals().stream().filter(PipelineResult.OpenDeal::stalled).count();

        funnelChart.setChart(PipelineCharts.funnel(r.funnel()));
        funnel.getItems().setAll(r.funnel());
        groupsTitle.setText(r.groups().isEmpty() ? "Breakdown" : "By " + r.by());
        groups.getItems().clear();
        groups.getColumns().setAll(Tables.of(PipelineReport.groupColumns(r.by())));
        groups.getItems().setAll(r.groups());

        stageChart.setChart(r.stageTimes().isEmpty() ? null : PipelineCharts.stageDays(r.stageTimes()));
        stages.getItems().setAll(r.stageTimes());
        velocity.setText(String.format(
                Locale.ROOT,
                "Days from creation to close: %s for won deals, %s for lost, %s for all. Sales velocity %s per day"
                        + " = %s open deals × %s win rate × %s average won value ÷ %s days to win.",
                days(t.avgDaysToCloseWon()),
                days(t.avgDaysToCloseLost()),
                days(t.avgDaysToCloseAll()),
                Formats.money(t.salesVelocityPerDay()),
                Formats.count(t.open()),
                Formats.percent(t.winRate()),
                Formats.money(t.averageWonValue()),
                days(t.avgDaysToCloseWon())));

        monthChart.setChart(r.weightedByMonth().isEmpty() ? null : PipelineCharts.weightedByMonth(r.weightedByMonth()));
        months.getItems().setAll(r.weightedByMonth());
        PipelineResult.Coverage c = r.coverage();
        coverage.setText(
                c == null
                        ? "There is no pipeline target for the next three months, so there is no coverage to show:"
                                + " import a monthly pipeline target (kpi monthly_pipeline) into the KPI targets."
                        : String.format(
                                Locale.ROOT,
                                "Coverage %s: %s weighted value expected to close %s–%s against %s of pipeline"
                                        + " targets.",
                                Formats.percent(c.ratio()),
                                Formats.money(c.weightedValue()),
                                c.months().getFirst(),
                                c.months().getLast(),
                                Formats.money(c.target())));

        openDeals.setAll(r.openDeals());
        stalledOnly.setText("Stalled only (" + stalled + ")");
        PipelineResult.Scoring s = r.scoring();
        scoring.setText(
                s == null
                        ? "Too few closed deals to learn win chances from."
                        : String.format(
                                Locale.ROOT,
                                "Win chance: a logistic model on %,d closed deals. Checked on the %,d deals closed since %s:"
                                        + " ROC AUC %s (0.5 is chance).%s Drivers: ▲ raises, ▼ lowers the chance against the"
                                        + " average deal.",
                                s.trainDeals() + s.testDeals(),
                                s.testDeals(),
                                s.splitDate(),
                                Double.isNaN(s.rocAuc()) ? "–" : String.format(Locale.ROOT, "%.2f", s.rocAuc()),
                                s.note() == null ? "" : " " + s.note() + "."));

        PipelineResult.Journey j = r.journey();
        if (j == null) {
            journeyChart.setChart(null);
            journey.getItems().clear();
            journeyEmpty.setText("The data holds no leads, so there is no journey to follow: import a leads file"
                    + " (with the customers they became) to see it.");
        } else {
            journeyChart.setChart(PipelineCharts.journey(j));
            journey.getItems().setAll(j.steps());
            journeyEmpty.setText(String.format(
                    Locale.ROOT,
                    "%,d of %,d leads reached a job without a deal (service calls need no quote).",
                    j.jobsWithoutDeal(),
                    j.leads()));
        }
    }

    private static String days(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
    }

    @Override
    public java.util.Optional<quant.core.report.Report> report() {
        var r = model.resultProperty().get();
        return r == null ? java.util.Optional.empty() : java.util.Optional.of(quant.core.pipeline.PipelineReport.of(r));
    }
}
