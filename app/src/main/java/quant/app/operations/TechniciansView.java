package quant.app.operations;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.CustomerFilterBar;
import quant.app.analysis.Formats;
import quant.app.analysis.KeyFigures;
import quant.app.analysis.Sentences;
import quant.app.analysis.Tables;
import quant.core.operations.TechnicianCharts;
import quant.core.operations.TechnicianReport;
import quant.core.operations.TechnicianResult;
import quant.core.operations.TechnicianSpec;
import quant.core.report.Report;

/**
 * Technicians: the league table with each score's parts drawn beside it, a scorecard of one
 * technician (or trade) month by month, and the service lines that depend on one person.
 */
public final class TechniciansView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "operations.technicians";

    private final TechniciansViewModel model;
    private final KeyFigures figures = new KeyFigures("technicians-figures");
    private final TableView<TechnicianResult.Technician> league = new TableView<>();
    private final ChartViewer scoreChart = new ChartViewer();
    private final ComboBox<TechnicianResult.Technician> who = new ComboBox<>();
    private final ChartViewer monthChart = new ChartViewer();
    private final TableView<TechnicianResult.Month> months = new TableView<>();
    private final TableView<TechnicianResult.KeyPerson> keyPeople = new TableView<>();
    private final Sentences notes = new Sentences();
    private final AnalysisFrame frame;
    private TechnicianResult shown;

    public TechniciansView(TechniciansViewModel model) {
        this.model = model;
        setId("technicians-view");
        ComboBox<TechnicianSpec.By> by = new ComboBox<>(FXCollections.observableArrayList(TechnicianSpec.By.values()));
        by.setId("technicians-by");
        by.setConverter(Formats.labelled(b -> b == TechnicianSpec.By.TRADE ? "By trade" : "By technician"));
        by.valueProperty().bindBidirectional(model.byProperty());
        ComboBox<Integer> window = new ComboBox<>(FXCollections.observableArrayList(3, 6, 12, 24, 36));
        window.setId("technicians-months");
        window.setConverter(Formats.labelled(m -> "Last " + m + " months"));
        window.valueProperty().bindBidirectional(model.monthsProperty());
        setTop(new ToolBar(
                by,
                window,
                new Label("As of"),
                CustomerFilterBar.asOfPicker(model.asOfProperty(), "technicians-as-of")));

        Tab scores = tab("Scores", scoreChart);
        TabPane tabs = new TabPane(
                tab("League table", leagueTab()),
                scores,
                tab("Scorecard", scorecardTab()),
                tab("Key people", keyPeopleTab()));
        tabs.setId("technicians-tabs");
        // scores compare technicians within a trade: there is nothing to draw for trades
        scores.disableProperty().bind(model.byProperty().isEqualTo(TechnicianSpec.By.TRADE));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox body = new VBox(figures, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        frame = new AnalysisFrame(
                this, body, "technicians", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> show(r));
        model.refresh();
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("technicians-tab-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        return t;
    }

    private Node leagueTab() {
        league.setId("technicians-league");
        league.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        league.setPlaceholder(new Label("No technician was on shift or completed a job in the window."));
        league.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !"all".equals(b.ref())) {
                who.setValue(b);
            }
        });
        return league;
    }

    private Node scorecardTab() {
        who.setId("technicians-scorecard-who");
        who.setConverter(Formats.labelled(TechnicianResult.Technician::name));
        who.valueProperty().addListener((o, a, b) -> showScorecard());
        months.setId("technicians-months-table");
        months.getColumns().setAll(Tables.of(TechnicianReport.monthColumns()));
        months.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SplitPane split = new SplitPane(monthChart, months);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox box = new VBox(new ToolBar(new Label("Scorecard of"), who), split);
        VBox.setVgrow(split, Priority.ALWAYS);
        return box;
    }

    private Node keyPeopleTab() {
        keyPeople.setId("technicians-key-people");
        keyPeople.getColumns().setAll(Tables.of(TechnicianReport.keyPeopleColumns()));
        keyPeople.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        keyPeople.setPlaceholder(new Label("No service line had revenue or hours in the window."));
        notes.setId("technicians-notes");
        notes.setPlaceholder("Nothing to point out.");
        VBox side = new VBox(6, Tables.heading("What to know"), notes);
        VBox.setVgrow(notes, Priority.ALWAYS);
        side.setPadding(new Insets(8));
        SplitPane split = new SplitPane(keyPeople, side);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        return split;
    }

    private void show(TechnicianResult r) {
        if (r == null) {
            return;
        }
        frame.setDefinitions(r.definitions());
        if (r.technicians().isEmpty()) {
            frame.showEmpty("No technician was on shift or completed a job in the " + r.months() + " months to "
                    + r.asOf().date() + ": import technicians and the jobs' technician to compare them.");
            return;
        }
        frame.showBody();
        frame.setSummary("As of %s%s · %d months from %s · scores compared within each trade"
                .formatted(
                        r.asOf().date(),
                        r.asOfFromData() ? " (the last activity in the data)" : "",
                        r.months(),
                        r.from()));
        figures.showReport(TechnicianReport.figures(r));
        league.getColumns().setAll(Tables.of(TechnicianReport.columns(r.weights())));
        List<TechnicianResult.Technician> rows = new java.util.ArrayList<>(r.technicians());
        rows.add(r.team());
        league.getItems().setAll(rows);
        scoreChart.setChart(
                r.technicians().stream().anyMatch(t -> t.jobs() > 0)
                        ? TechnicianCharts.scores(r.technicians(), r.weights())
                        : null);
        keyPeople.getItems().setAll(r.keyPeople());
        notes.getItems().setAll(r.notes());
        shown = r;
        TechnicianResult.Technician chosen = who.getValue();
        who.getItems().setAll(r.technicians());
        who.setValue(r.technicians().stream()
                .filter(t -> chosen != null && t.ref().equals(chosen.ref()))
                .findFirst()
                .orElse(r.technicians().getFirst()));
        showScorecard();
    }

    private void showScorecard() {
        TechnicianResult r = shown;
        TechnicianResult.Technician t = who.getValue();
        if (r == null || t == null) {
            monthChart.setChart(null);
            months.getItems().clear();
            return;
        }
        List<TechnicianResult.Month> own =
                r.trend().stream().filter(m -> m.ref().equals(t.ref())).toList();
        months.getItems().setAll(own);
        monthChart.setChart(TechnicianCharts.months(own, t.name()));
    }

    @Override
    public Optional<Report> report() {
        TechnicianResult r = model.resultProperty().get();
        return r == null || r.technicians().isEmpty() ? Optional.empty() : Optional.of(TechnicianReport.of(r));
    }
}
