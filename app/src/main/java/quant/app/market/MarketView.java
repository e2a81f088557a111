package quant.app.market;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.CustomerFilterBar;
import quant.app.analysis.Formats;
import quant.app.analysis.Sentences;
import quant.app.analysis.Tables;
import quant.core.market.MarketCharts;
import quant.core.market.MarketReport;
import quant.core.market.MarketResult;
import quant.core.market.SwotBoard;

/**
 * Market position: our share of each line's market over time, the lines whose market outgrows us,
 * competitors' latest figures beside ours, and the SWOT board of a period, edited and saved here.
 */
public final class MarketView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "sales.market";

    private final MarketViewModel model;
    private final ChartViewer shareChart = new ChartViewer();
    private final ChartViewer growthChart = new ChartViewer();
    private final TableView<MarketResult.Line> lines = new TableView<>();
    private final Sentences opportunities = new Sentences();
    private final TableView<CompetitorRow> competitors = new TableView<>();
    private final Label ourRating = new Label();
    private final ComboBox<String> period = new ComboBox<>();
    private final AnalysisFrame frame;

    /** A competitor in a segment with its latest value (and change over a year) per metric. */
    record CompetitorRow(String competitor, String segment, String observed, Map<String, double[]> metrics) {}

    public MarketView(MarketViewModel model) {
        this.model = model;
        setId("market-view");
        setTop(new ToolBar(new Label("As of"), CustomerFilterBar.asOfPicker(model.asOfProperty(), "market-as-of")));
        TabPane tabs = new TabPane(
                tab("Share", shareTab()), tab("Competitors", competitorsTab()), tab("SWOT board", swotTab()));
        tabs.setId("market-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        frame = new AnalysisFrame(
                this, tabs, "market", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> show(r));
        model.refresh();
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("market-tab-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        return t;
    }

    private Node shareTab() {
        lines.setId("market-lines");
        lines.getColumns().setAll(Tables.of(MarketReport.lineColumns(segment -> names.apply(segment))));
        lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        lines.setPlaceholder(new Label("No market-size figures match our service lines."));
        opportunities.setId("market-opportunities");
        opportunities.setPlaceholder("No line's market grew faster than our revenue in the latest period.");
        VBox table = new VBox(6, Tables.heading("Lines"), lines, Tables.heading("Opportunities"), opportunities);
        VBox.setVgrow(lines, Priority.ALWAYS);
        opportunities.setPrefHeight(90);
        table.setPadding(new Insets(8));
        SplitPane charts = new SplitPane(shareChart, growthChart);
        charts.setDividerPositions(0.6);
        SplitPane all = new SplitPane(charts, table);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.55);
        return all;
    }

    private Node competitorsTab() {
        competitors.setId("market-competitors");
        competitors.setPlaceholder(new Label("No competitor observations imported."));
        ourRating.setId("market-our-rating");
        VBox box = new VBox(6, ourRating, competitors);
        VBox.setVgrow(competitors, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node swotTab() {
        period.setId("market-swot-period");
        period.setEditable(true);
        period.setPrefWidth(110);
        period.setTooltip(new Tooltip("The period this board is for: pick one or type a label such as 2026-H1"));
        period.valueProperty().addListener((o, before, after) -> {
            if (after == null
                    || after.isBlank()
                    || after.equals(model.periodProperty().get())) {
                return;
            }
            if (model.dirtyProperty().get()
                    && !confirmDiscard(model.periodProperty().get())) {
                period.setValue(before);
                return;
            }
            model.periodProperty().set(after.strip());
        });
        model.periodProperty().addListener((o, a, p) -> period.setValue(p));
        Button suggest = new Button("Add suggestions");
        suggest.setId("market-swot-suggest");
        suggest.setTooltip(new Tooltip("Add the entries drawn from the figures that the board does not hold yet"));
        suggest.setOnAction(e -> model.addSuggestions());
        Button revert = new Button("Revert");
        revert.setOnAction(e -> model.loadBoard());
        revert.disableProperty().bind(model.dirtyProperty().not());
        Button save = new Button("Save board");
        save.setId("market-swot-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.dirtyProperty().not());
        save.setOnAction(e -> model.save());
        Label status = new Label();
        status.setId("market-swot-status");
        status.textProperty().bind(model.boardStatusProperty());
        ToolBar bar = new ToolBar(new Label("Period"), period, suggest, revert, save, status);

        GridPane grid = new GridPane(8, 8);
        grid.setPadding(new Insets(8));
        List<String> titles = List.of("Strengths", "Weaknesses", "Opportunities", "Threats");
        for (int i = 0; i < SwotBoard.QUADRANTS.size(); i++) {
            grid.add(quadrant(SwotBoard.QUADRANTS.get(i), titles.get(i)), i % 2, i / 2);
        }
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            grid.getRowConstraints().add(r);
        }
        VBox box = new VBox(bar, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        return box;
    }

    private boolean confirmDiscard(String current) {
        Alert alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                "The " + current + " board has edits that are not saved. Discard them?",
                ButtonType.OK,
                ButtonType.CANCEL);
        alert.setHeaderText(null);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private Node quadrant(String name, String title) {
        ListView<SwotBoard.Item> list = new ListView<>(model.quadrant(name));
        list.setId("market-swot-" + name);
        list.setEditable(true);
        list.setPlaceholder(new Label("Nothing yet: add an entry below."));
        list.setCellFactory(v -> new SwotCell(name));
        TextField entry = new TextField();
        entry.setId("market-swot-" + name + "-entry");
        entry.setPromptText("Add to " + title.toLowerCase(Locale.ROOT) + " and press Enter");
        entry.setOnAction(e -> {
            model.add(name, entry.getText());
            entry.clear();
        });
        HBox.setHgrow(entry, Priority.ALWAYS);
        Button remove = new Button("Remove");
        remove.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                model.quadrant(name).remove(i);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DELETE
                    && !list.getSelectionModel().isEmpty()) {
                model.quadrant(name).remove(list.getSelectionModel().getSelectedIndex());
            }
        });
        Label heading = Tables.heading(title);
        VBox box = new VBox(4, heading, list, new HBox(4, entry, remove));
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        box.setStyle("-fx-border-color: #d0d7de; -fx-border-radius: 4;");
        return box;
    }

    /** An entry of the board: wraps, marks suggestions, edits in place on double click. */
    private final class SwotCell extends ListCell<SwotBoard.Item> {
        private final String quadrant;
        private final TextField editor = new TextField();

        SwotCell(String quadrant) {
            this.quadrant = quadrant;
            setWrapText(true);
            setPrefWidth(0);
            editor.setOnAction(e -> commitEdit(getItem()));
            editor.setOnKeyPressed(e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                    cancelEdit();
                }
            });
        }

        @Override
        public void startEdit() {
            super.startEdit();
            if (isEditing()) {
                editor.setText(getItem().text());
                setText(null);
                setGraphic(editor);
                editor.requestFocus();
            }
        }

        @Override
        public void commitEdit(SwotBoard.Item item) {
            int index = getIndex();
            String text = editor.getText();
            super.cancelEdit();
            model.edit(quadrant, index, text);
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            updateItem(getItem(), getItem() == null);
        }

        @Override
        protected void updateItem(SwotBoard.Item item, boolean empty) {
            super.updateItem(item, empty);
            setGraphic(null);
            if (empty || item == null) {
                setText(null);
                setStyle("");
                return;
            }
            setText(item.text());
            setStyle(item.suggested() ? "-fx-font-style: italic;" : "");
            setTooltip(new Tooltip(
                    item.suggested()
                            ? "Suggested from the figures; double-click to edit"
                            : "Double-click to edit; Delete removes it"));
        }
    }

    /** A segment's name as the last result gives it (a service line's own name), else its display name. */
    private java.util.function.UnaryOperator<String> names = quant.core.analysis.DisplayNames::of;

    private void show(MarketResult r) {
        names = r::nameOf;
        if (r == null) {
            return;
        }
        frame.setDefinitions(r.definitions());
        frame.showBody();
        frame.setSummary("Market position as of %s%s · %s market figures, %s competitor observations"
                .formatted(
                        r.asOf().date(),
                        r.asOfFromData() ? " (the last activity in the data)" : "",
                        Formats.count(r.periods().size()),
                        Formats.count(r.competitors().size())));
        shareChart.setChart(
                r.periods().stream().anyMatch(p -> Double.isFinite(p.share()))
                        ? MarketCharts.shareTrend(r.periods(), r::nameOf)
                        : null);
        growthChart.setChart(r.lines().isEmpty() ? null : MarketCharts.growth(r.lines(), r::nameOf));
        lines.getItems().setAll(r.lines());
        opportunities
                .getItems()
                .setAll(r.opportunities().stream()
                        .map(MarketResult.Opportunity::text)
                        .toList());
        showCompetitors(r);
        List<String> choices = new ArrayList<>(model.periodChoices());
        String current = model.periodProperty().get();
        if (current != null && !choices.contains(current)) {
            choices.addFirst(current);
        }
        period.setItems(FXCollections.observableArrayList(choices));
        period.setValue(current);
    }

    private void showCompetitors(MarketResult r) {
        Map<String, CompetitorRow> rows = new LinkedHashMap<>();
        TreeMap<String, Boolean> metrics = new TreeMap<>();
        for (MarketResult.Competitor c : r.competitors()) {
            CompetitorRow row = rows.computeIfAbsent(
                    c.competitor() + "\u0000" + c.segment(),
                    k -> new CompetitorRow(
                            c.competitor(), c.segment(), c.observed().toString(), new TreeMap<>()));
            row.metrics().put(c.metric(), new double[] {c.value(), c.changeOverYear()});
            metrics.put(c.metric(), true);
        }
        List<TableColumn<CompetitorRow, ?>> columns = new ArrayList<>();
        columns.add(Tables.text("Competitor", CompetitorRow::competitor, 190));
        columns.add(Tables.text("Segment", row -> names.apply(row.segment()), 130));
        for (String m : metrics.keySet()) {
            columns.add(Tables.number(label(m), row -> value(row, m, 0), MarketView::figure, 110));
            columns.add(Tables.number("change", row -> value(row, m, 1), MarketView::change, 80));
        }
        columns.add(Tables.text("Latest observation", CompetitorRow::observed, 130));
        competitors.getItems().clear(); // the new columns read only the rows of their own result
        competitors.getColumns().setAll(columns);
        competitors.getItems().setAll(rows.values());
        ourRating.setText(
                Double.isFinite(r.ourRating())
                        ? String.format(
                                Locale.ROOT,
                                "Our customers rate our work %.2f on average (job ratings over the twelve months to %s).",
                                r.ourRating(),
                                r.asOf().date())
                        : "Our jobs carry no ratings in the twelve months to "
                                + r.asOf().date() + ".");
    }

    private static Number value(CompetitorRow row, String metric, int which) {
        double[] v = row.metrics().get(metric);
        return v == null ? null : v[which];
    }

    private static String label(String metric) {
        String s = metric.replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String figure(double v) {
        return v == Math.rint(v) && Math.abs(v) >= 100
                ? Formats.count((long) v)
                : String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String change(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+,.2f", v) : "–";
    }

    @Override
    public java.util.Optional<quant.core.report.Report> report() {
        var r = model.resultProperty().get();
        if (r == null) {
            return java.util.Optional.empty();
        }
        java.util.List<quant.core.market.SwotBoard.Item> items = new java.util.ArrayList<>();
        for (String q : quant.core.market.SwotBoard.QUADRANTS) {
            items.addAll(model.quadrant(q));
        }
        return java.util.Optional.of(
                quant.core.market.MarketReport.of(r, model.periodProperty().get(), items));
    }
}
