package quant.app.clv;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.CustomerFilterBar;
import quant.app.analysis.Formats;
import quant.app.analysis.Tables;
import quant.core.clv.ClvCharts;
import quant.core.clv.ClvFits;
import quant.core.clv.ClvModel;
import quant.core.clv.ClvResult;
import quant.core.clv.HoldoutCheck;

/**
 * Customer lifetime value: one card per method with its figure and assumptions (the recommended one
 * marked), then the holdout check, the cohort curve, the customers, the segments and the fitted
 * models in tabs.
 */
public final class ClvView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "customers.clv";

    private final ClvViewModel model;
    private final HBox cards = new HBox(12);
    private final ChartViewer tracking = new ChartViewer();
    private final ChartViewer frequency = new ChartViewer();
    private final ChartViewer curve = new ChartViewer();
    private final Label holdoutNote = new Label();
    private final TableView<ClvResult.CustomerValue> customers = new TableView<>();
    private final TableView<ClvResult.SegmentValue> segments = new TableView<>();
    private final GridPane models = new GridPane();
    private final VBox body;
    private final AnalysisFrame frame;

    public ClvView(ClvViewModel model) {
        this.model = model;
        setId("clv-view");
        setTop(toolbar());

        cards.setPadding(new Insets(10));
        cards.setId("clv-cards");
        SplitPane holdout = new SplitPane(tracking, frequency);
        holdout.setDividerPositions(0.55);
        holdoutNote.setWrapText(true);
        holdoutNote.setPadding(new Insets(4, 8, 4, 8));
        BorderPane holdoutPane = new BorderPane(holdout);
        holdoutPane.setBottom(holdoutNote);
        customers.setId("clv-customers");
        customers.getColumns().setAll(customerColumns());
        customers.setPlaceholder(new Label("No customer with a purchase."));
        segments.setId("clv-segments");
        segments.getColumns().setAll(segmentColumns());
        segments.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        models.setHgap(16);
        models.setVgap(4);
        models.setPadding(new Insets(12));
        models.setId("clv-models");
        TabPane tabs = new TabPane(
                tab("Holdout check", holdoutPane),
                tab("Cohort curve", curve),
                tab("Customers", customers),
                tab("By segment", segments),
                tab("Models", models));
        tabs.setId("clv-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        Label question = new Label("Four questions, not four answers to one: margin so far · a whole life by formula"
                + " · a new customer's first months · what today's customers will still bring.");
        question.setWrapText(true);
        question.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        question.getStyleClass().add("text-muted");
        question.setPadding(new Insets(8, 10, 0, 10));
        question.setId("clv-cards-question");
        body = new VBox(question, cards, tabs);

        frame = new AnalysisFrame(
                this, body, "clv", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> show(r));
        model.refresh();
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private VBox toolbar() {
        Spinner<Integer> horizon =
                new Spinner<>(6, 120, model.horizonMonthsProperty().get(), 6);
        horizon.setPrefWidth(80);
        horizon.getValueFactory().valueProperty().addListener((o, a, b) -> model.horizonMonthsProperty()
                .set(b));
        horizon.setTooltip(new Tooltip("Months of future value"));
        horizon.setId("clv-horizon");
        Spinner<Double> discount =
                new Spinner<>(0.0, 30.0, model.discountPercentProperty().get(), 1.0);
        discount.setPrefWidth(80);
        discount.getValueFactory().valueProperty().addListener((o, a, b) -> model.discountPercentProperty()
                .set(b));
        discount.setTooltip(new Tooltip("Yearly discount rate for future margin, in percent"));
        Spinner<Integer> inactivity =
                new Spinner<>(30, 1095, model.inactivityDaysProperty().get(), 30);
        inactivity.setPrefWidth(90);
        inactivity.getValueFactory().valueProperty().addListener((o, a, b) -> model.inactivityDaysProperty()
                .set(b));
        inactivity.setTooltip(new Tooltip("A customer with no purchase for this many days counts as churned"));
        ((SpinnerValueFactory.IntegerSpinnerValueFactory) inactivity.getValueFactory()).setAmountToStepBy(30);
        ToolBar bar = new ToolBar(
                new Label("Horizon (months)"),
                horizon,
                new Label("Discount %/yr"),
                discount,
                new Label("Churned after (days)"),
                inactivity);
        ToolBar filters = new ToolBar();
        filters.getItems().addAll(CustomerFilterBar.controls(model.filter(), "clv"));
        return new VBox(bar, filters);
    }

    /** The holdout per segment in words: what one fit and the segment fits predicted against what happened. */
    static String segmentLine(quant.core.clv.SegmentFit f) {
        if (f == null || f.rows().size() < 2) {
            return "";
        }
        StringBuilder b = new StringBuilder(" By segment:");
        for (quant.core.clv.SegmentFit.Row row : f.rows()) {
            b.append(String.format(
                    Locale.ROOT,
                    " %s %,.0f actual, %,.0f by one fit (%+.0f%%)%s;",
                    Formats.name(row.segment()),
                    row.actual(),
                    row.pooled(),
                    100 * row.pooledBias(),
                    row.ownFit() == null ? "" : String.format(Locale.ROOT, ", %,.0f by its own", row.ownFit())));
        }
        b.setLength(b.length() - 1);
        return b.append(". ").append(f.note()).toString();
    }

    private void show(ClvResult r) {
        if (r == null) {
            return;
        }
        frame.setDefinitions(r.definitions());
        frame.setSummary(r.recommendation());
        if (r.customers() == 0) {
            frame.showEmpty("No customer with these filters has a purchase (a completed job with revenue) by "
                    + r.asOf().date() + ". Clear a filter, or import customers and completed jobs.");
            return;
        }
        frame.showBody();
        cards.getChildren().setAll(cards(r));
        HoldoutCheck h = r.holdout();
        if (h != null) {
            tracking.setChart(ClvCharts.tracking(h));
            frequency.setChart(ClvCharts.byFrequency(h));
            holdoutNote.setText(String.format(
                            Locale.ROOT,
                            "%s fitted on the %,d customers who bought before %s predicted %,.0f repeat purchases from then to %s;"
                                    + " they made %,.0f (%+.1f%%).",
                            ClvModel.parse(h.model()).title(),
                            h.customers(),
                            h.split(),
                            h.predictedHoldout(),
                            h.end(),
                            h.actualHoldout(),
                            h.actualHoldout() > 0 ? 100 * (h.predictedHoldout() / h.actualHoldout() - 1) : 0)
                    + segmentLine(r.segmentFit()));
        } else {
            tracking.setChart(null);
            frequency.setChart(null);
            holdoutNote.setText(r.holdoutNote());
        }
        curve.setChart(r.cohortCurve().points().isEmpty() ? null : ClvCharts.cohortCurve(r.cohortCurve()));
        customers.getItems().setAll(r.customerValues());
        segments.getItems().setAll(r.bySegment());
        fillModels(r.probabilistic());
    }

    private List<VBox> cards(ClvResult r) {
        ClvResult.Historic h = r.historic();
        ClvResult.SimpleFormula f = r.simpleFormula();
        ClvResult.CohortCurve c = r.cohortCurve();
        ClvResult.Probabilistic p = r.probabilistic();
        return List.of(
                card(
                        "So far: margin to date",
                        Formats.money(h.meanMargin()),
                        "per customer, earned already · median " + Formats.money(h.medianMargin()),
                        List.of("Revenue − direct costs of completed jobs so far; nothing predicted."),
                        false,
                        null),
                card(
                        "A whole life, by formula",
                        f.clv() == null ? "–" : Formats.money(f.clv()),
                        f.marginPerCustomerMonth() == null
                                ? ""
                                : "from acquisition, undiscounted: " + Formats.cents(f.marginPerCustomerMonth())
                                        + " a month ÷ " + Formats.percent(f.monthlyChurnRate()) + " churn",
                        f.assumptions(),
                        "simpleFormula".equals(r.recommended()),
                        f.note()),
                card(
                        "A new customer's first " + r.horizonMonths() + " months",
                        c.clv() == null ? "–" : Formats.money(c.clv()),
                        "from acquisition, discounted, by the average cohort's curve",
                        c.assumptions(),
                        "cohortCurve".equals(r.recommended()),
                        c.note()),
                card(
                        "Still to come: next " + r.horizonMonths() + " months",
                        p.meanClv() == null ? "–" : Formats.money(p.meanClv()),
                        "per customer today, discounted"
                                + (p.model() == null
                                        ? ""
                                        : " (" + ClvModel.parse(p.model()).title() + " × Gamma-Gamma"
                                                + (r.segmentFit() != null
                                                                && r.segmentFit()
                                                                        .bySegment()
                                                        ? ", fitted per segment"
                                                        : "")
                                                + ")")
                                + (p.meanClv() == null
                                        ? ""
                                        : " · so far + to come: " + Formats.money(h.meanMargin() + p.meanClv())),
                        p.assumptions(),
                        "probabilistic".equals(r.recommended()),
                        p.note()));
    }

    private static VBox card(
            String title, String value, String detail, List<String> assumptions, boolean recommended, String note) {
        Label t = new Label(title);
        t.getStyleClass().add("text-muted");
        Label v = new Label(value);
        v.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        Label d = new Label(detail);
        d.setWrapText(true);
        VBox box = new VBox(2, t, v, d);
        if (recommended) {
            Label badge = new Label("recommended");
            badge.setStyle("-fx-text-fill: white; -fx-background-color: #0072B2; -fx-padding: 1 6 1 6;"
                    + " -fx-background-radius: 3;");
            box.getChildren().add(1, badge);
        }
        if (note != null) {
            Label n = new Label(note);
            n.setWrapText(true);
            n.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            n.setStyle("-fx-font-size: 11px;");
            n.getStyleClass().add("text-muted");
            box.getChildren().add(n);
        }
        box.setPadding(new Insets(8, 12, 8, 12));
        box.setStyle("-fx-border-color: " + (recommended ? "#0072B2" : "#d0d7de") + "; -fx-border-width: "
                + (recommended ? 2 : 1) + "; -fx-border-radius: 4; -fx-background-radius: 4;");
        // equal shares of the row: a long note wraps inside its card instead of squeezing the others
        box.setPrefWidth(recommended ? 320 : 220);
        box.setMinWidth(180);
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        Tooltip.install(box, new Tooltip(String.join("\n", assumptions)));
        return box;
    }

    private static List<javafx.scene.control.TableColumn<ClvResult.CustomerValue, ?>> customerColumns() {
        return Tables.of(quant.core.clv.ClvReport.customerColumns());
    }

    private static List<javafx.scene.control.TableColumn<ClvResult.SegmentValue, ?>> segmentColumns() {
        return Tables.of(quant.core.clv.ClvReport.segmentColumns());
    }

    private void fillModels(ClvResult.Probabilistic p) {
        models.getChildren().clear();
        int row = 0;
        List<ClvFits.Report> all = new java.util.ArrayList<>(p.transactionFits());
        if (p.spendFit() != null) {
            all.add(p.spendFit());
        }
        for (ClvFits.Report f : all) {
            Label name =
                    new Label(ClvModel.parse(f.model()).title() + (f.model().equals(p.model()) ? " (used)" : ""));
            name.setStyle("-fx-font-weight: bold;");
            models.add(name, 0, row);
            models.add(
                    new Label(
                            String.format(Locale.ROOT, "log L %.2f · %,d customers", f.logLikelihood(), f.customers())),
                    1,
                    row++);
            for (var e : f.params().entrySet()) {
                models.add(new Label(e.getKey()), 0, row);
                models.add(
                        new Label(String.format(
                                Locale.ROOT,
                                "%.4f  (s.e. %.4f)",
                                e.getValue(),
                                f.standardErrors().get(e.getKey()))),
                        1,
                        row++);
            }
            row++;
        }
        models.add(new Label("Margin ratio"), 0, row);
        models.add(new Label(Formats.percent(p.marginRatio())), 1, row++);
        if (p.spendFrequencyCorrelation() != null) {
            models.add(new Label("Spend–frequency correlation"), 0, row);
            models.add(
                    new Label(String.format(
                            Locale.ROOT, "%.2f (Gamma-Gamma assumes about 0)", p.spendFrequencyCorrelation())),
                    1,
                    row++);
        }
        if (p.note() != null) {
            Label n = new Label(p.note());
            n.setWrapText(true);
            models.add(n, 0, row, 2, 1);
        }
    }

    /** Opens a customer's page on a double click or Enter in the list of customers. */
    public ClvView onOpenCustomer(java.util.function.LongConsumer open) {
        Tables.opensCustomer(customers, ClvResult.CustomerValue::id, open);
        return this;
    }

    @Override
    public java.util.Optional<quant.core.report.Report> report() {
        var r = model.resultProperty().get();
        return r == null || model.resultSpec() == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(quant.core.clv.ClvReport.of(r, model.resultSpec()));
    }
}
