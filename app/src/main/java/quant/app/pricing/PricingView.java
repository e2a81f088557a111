package quant.app.pricing;

import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.CustomerFilterBar;
import quant.app.analysis.KeyFigures;
import quant.app.analysis.Sentences;
import quant.app.analysis.Tables;
import quant.core.pricing.PricingCharts;
import quant.core.pricing.PricingReport;
import quant.core.pricing.PricingResult;
import quant.core.pricing.QuoteReport;
import quant.core.pricing.QuoteResult;
import quant.core.report.Report;

/**
 * Pricing: by service line and segment, the price that earns most in expectation with the curve of
 * winning against price; and a quote calculator that shows each part of a job's price and where it sits
 * on that curve.
 */
public final class PricingView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "sales.pricing";

    private final PricingViewModel model;
    private final KeyFigures figures = new KeyFigures("pricing-figures");
    private final TableView<PricingResult.Recommendation> recommendations = new TableView<>();
    private final ChartViewer curveChart = new ChartViewer();
    private final Sentences notes = new Sentences();
    private final ComboBox<String> line = new ComboBox<>();
    private final Spinner<Double> hours = new Spinner<>(0.25, 200, 2, 0.25);
    private final ComboBox<String> priority =
            new ComboBox<>(FXCollections.observableArrayList("low", "normal", "high", "emergency"));
    private final ComboBox<String> segment =
            new ComboBox<>(FXCollections.observableArrayList("", "residential", "commercial"));
    private final TextField materials = new TextField("0");
    private final DatePicker wanted = new DatePicker();
    private final Label quoteProblem = new Label();
    private final KeyFigures quoteFigures = new KeyFigures("quote-figures");
    private final TableView<QuoteResult.Part> parts = new TableView<>();
    private final TableView<QuoteResult.Adjustment> adjustments = new TableView<>();
    private final ChartViewer quoteChart = new ChartViewer();
    private final TabPane tabs;
    private final AnalysisFrame frame;

    public PricingView(PricingViewModel model) {
        this.model = model;
        setId("pricing-view");
        setTop(new ToolBar(new Label("As of"), CustomerFilterBar.asOfPicker(model.asOfProperty(), "pricing-as-of")));
        Tab byLine = new Tab("By line", byLineTab());
        byLine.setId("pricing-tab-by-line");
        Tab quote = new Tab("Quote", quoteTab());
        quote.setId("pricing-tab-quote");
        tabs = new TabPane(byLine, quote);
        tabs.setId("pricing-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox body = new VBox(figures, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        frame = new AnalysisFrame(
                this, body, "pricing", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> show(r));
        model.quoteProperty().addListener((obs, o, q) -> showQuote(q));
        model.refresh();
    }

    private Node byLineTab() {
        recommendations.setId("pricing-recommendations");
        recommendations.getColumns().setAll(Tables.of(PricingReport.columns()));
        recommendations.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        recommendations.setPlaceholder(new Label("No line and segment has a recommended price."));
        recommendations.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showCurve(b));
        curveChart.setId("pricing-curve");
        notes.setId("pricing-notes");
        notes.setPlaceholder("Nothing to point out.");
        VBox side = new VBox(6, Tables.heading("What to know"), notes);
        VBox.setVgrow(notes, Priority.ALWAYS);
        side.setPadding(new Insets(8));
        SplitPane lower = new SplitPane(curveChart, side);
        lower.setDividerPositions(0.68);
        SplitPane split = new SplitPane(recommendations, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        return split;
    }

    private Node quoteTab() {
        line.setId("quote-line");
        line.setEditable(true);
        hours.setId("quote-hours");
        hours.setEditable(true);
        priority.setId("quote-priority");
        priority.setValue("normal");
        segment.setId("quote-segment");
        segment.setValue("");
        materials.setId("quote-materials");
        wanted.setId("quote-date");
        wanted.setPromptText("a week after the as-of date");
        Button go = new Button("Quote");
        go.setId("quote-go");
        go.setDefaultButton(true);
        go.disableProperty().bind(model.quotingProperty());
        go.setOnAction(e -> quote());
        quoteProblem.setId("quote-problem");
        quoteProblem.setWrapText(true);
        quoteProblem.textProperty().bind(model.quoteMessageProperty());
        quoteProblem.getStyleClass().add("danger");
        GridPane form = new GridPane(8, 6);
        form.setPadding(new Insets(8));
        form.addRow(0, new Label("Service line"), line);
        form.addRow(1, new Label("Hours"), hours);
        form.addRow(2, new Label("Priority"), priority);
        form.addRow(3, new Label("Segment"), segment);
        form.addRow(4, new Label("Materials cost"), materials);
        form.addRow(5, new Label("Wanted on"), wanted);
        form.add(go, 1, 6);
        form.add(quoteProblem, 0, 7, 2, 1);
        form.setMinWidth(300);
        parts.setId("quote-parts");
        parts.getColumns().setAll(Tables.of(QuoteReport.partColumns()));
        parts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        parts.setPlaceholder(new Label("Fill in the job and press Quote (Enter)."));
        adjustments.setId("quote-adjustments");
        adjustments.getColumns().setAll(Tables.of(QuoteReport.adjustmentColumns()));
        adjustments.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        adjustments.setPlaceholder(new Label(""));
        adjustments.setMinHeight(128);
        adjustments.setPrefHeight(128);
        quoteChart.setId("quote-curve");
        VBox tablesBox = new VBox(4, parts, adjustments);
        VBox.setVgrow(parts, Priority.ALWAYS);
        SplitPane sideBySide = new SplitPane(tablesBox, quoteChart);
        sideBySide.setDividerPositions(0.5);
        VBox right = new VBox(4, quoteFigures, sideBySide);
        VBox.setVgrow(sideBySide, Priority.ALWAYS);
        SplitPane split = new SplitPane(form, right);
        split.setDividerPositions(0.26);
        return split;
    }

    private void quote() {
        double cost;
        try {
            cost = Double.parseDouble(materials.getText().strip().replace(",", ""));
        } catch (NumberFormatException e) {
            cost = -1;
        }
        if (!(cost >= 0)) {
            quoteProblem.textProperty().unbind();
            quoteProblem.setText(
                    "The materials' cost must be a number of 0 or more, not \"" + materials.getText() + "\".");
            quoteProblem.textProperty().bind(model.quoteMessageProperty());
            return;
        }
        String s = segment.getValue();
        model.quote(
                line.getValue() == null ? "" : line.getValue().strip(),
                hours.getValue(),
                priority.getValue(),
                s == null || s.isBlank() ? null : s,
                cost,
                wanted.getValue());
    }

    private void show(PricingResult r) {
        if (r == null) {
            return;
        }
        frame.setDefinitions(r.definitions());
        frame.showBody();
        frame.setSummary(("As of %s%s · %d decided quotes since the quote stage (%s) · price as a ratio to the"
                        + " product's list price")
                .formatted(
                        r.asOf().date(),
                        r.asOfFromData() ? " (the last activity in the data)" : "",
                        r.quotes(),
                        r.quoteStage() == null ? "none found" : r.quoteStage()));
        figures.showReport(PricingReport.figures(r));
        recommendations.getItems().setAll(r.recommendations());
        java.util.List<String> all = new java.util.ArrayList<>();
        if (r.refusal() != null) {
            all.add(r.refusal());
        }
        all.addAll(r.notes());
        notes.getItems().setAll(all);
        java.util.Set<String> lines = new java.util.TreeSet<>();
        r.curves().forEach(c -> lines.add(c.line()));
        String chosen = line.getValue();
        line.getItems().setAll(lines);
        line.setValue(
                chosen != null && !chosen.isBlank()
                        ? chosen
                        : lines.stream().findFirst().orElse(null));
        if (!r.recommendations().isEmpty()) {
            recommendations.getSelectionModel().selectFirst();
        } else {
            showCurve(null);
        }
    }

    private void showCurve(PricingResult.Recommendation rec) {
        PricingResult r = model.resultProperty().get();
        if (r == null) {
            curveChart.setChart(null);
            return;
        }
        Optional<PricingResult.Curve> curve = rec == null
                ? r.curves().stream().findFirst()
                : r.curves().stream()
                        .filter(c -> c.line().equals(rec.line()) && c.segment().equals(rec.segment()))
                        .findFirst();
        curveChart.setChart(curve.map(c -> PricingCharts.curve(c, rec == null ? Double.NaN : rec.bestRatio(), "best"))
                .orElse(null));
    }

    private void showQuote(QuoteResult q) {
        if (q == null) {
            return;
        }
        quoteFigures.showReport(QuoteReport.figures(q));
        parts.getItems().setAll(q.parts());
        adjustments.getItems().setAll(q.adjustments());
        quoteChart.setChart(
                q.curve() == null
                        ? null
                        : PricingCharts.curve(q.curve(), q.ratio() * q.curve().medianRatio(), "this quote"));
    }

    /** The quote when the quote tab is showing one, else the prices by line. */
    @Override
    public Optional<Report> report() {
        QuoteResult q = model.quoteProperty().get();
        if (tabs.getSelectionModel().getSelectedIndex() == 1 && q != null) {
            return Optional.of(QuoteReport.of(q));
        }
        PricingResult r = model.resultProperty().get();
        return r == null ? Optional.empty() : Optional.of(PricingReport.of(r));
    }
}
