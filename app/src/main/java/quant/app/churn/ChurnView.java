package quant.app.churn;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.CustomerFilterBar;
import quant.app.analysis.Formats;
import quant.app.analysis.Tables;
import quant.core.churn.ChurnCharts;
import quant.core.churn.ChurnRiskReport;
import quant.core.churn.ChurnRiskResult;

/**
 * Churn risk: the factors and their weights, how the model did on a later period (AUC and a
 * calibration chart), the risk levels with their interventions, and the call list with each
 * customer's value at risk and reasons.
 */
public final class ChurnView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "customers.churn";

    private final ChurnViewModel model;
    private final TableView<ChurnRiskResult.Factor> factors = new TableView<>();
    private final TableView<ChurnRiskResult.Level> levels = new TableView<>();
    private final TableView<ChurnRiskResult.CustomerRisk> calls = new TableView<>();
    private final ChartViewer calibration = new ChartViewer();
    private final Label validation = new Label();
    private final SplitPane body;
    private final AnalysisFrame frame;

    public ChurnView(ChurnViewModel model) {
        this.model = model;
        setId("churn-view");
        Spinner<Integer> window =
                new Spinner<>(30, 1095, model.inactivityDaysProperty().get(), 30);
        window.setPrefWidth(90);
        window.getValueFactory().valueProperty().addListener((o, a, b) -> model.inactivityDaysProperty()
                .set(b));
        window.setTooltip(new Tooltip("Churned = no purchase for this many days; also the window predicted"));
        ToolBar bar = new ToolBar(new Label("Churned after (days)"), window);
        bar.getItems().addAll(CustomerFilterBar.controls(model.filter(), "churn"));
        setTop(bar);

        factors.setId("churn-factors");
        factors.getColumns().setAll(Tables.of(ChurnRiskReport.factorColumns()));
        factors.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        factors.setPrefHeight(170);
        levels.setId("churn-levels");
        levels.getColumns().setAll(Tables.of(ChurnRiskReport.levelColumns()));
        levels.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        levels.setPrefHeight(130);
        validation.setWrapText(true);
        VBox left = new VBox(
                8,
                Tables.heading("Factors and weights"),
                factors,
                Tables.heading("Risk levels"),
                levels,
                validation,
                calibration);
        VBox.setVgrow(calibration, Priority.ALWAYS);
        left.setPadding(new Insets(8));

        calls.setId("churn-calls");
        calls.getColumns().setAll(callColumns());
        calls.setPlaceholder(new Label("No active customer."));
        VBox right = new VBox(4, Tables.heading("Call list: highest value at risk first"), calls);
        right.setPadding(new Insets(8));
        VBox.setVgrow(calls, Priority.ALWAYS);
        body = new SplitPane(left, right);
        body.setDividerPositions(0.42);

        frame = new AnalysisFrame(
                this, body, "churn", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> show(r));
        model.refresh();
    }

    private void show(ChurnRiskResult r) {
        if (r == null) {
            return;
        }
        frame.setDefinitions(r.definitions());
        if (r.factors().isEmpty()) {
            frame.showEmpty(r.note() != null ? r.note() : "No active customer to score.");
            return;
        }
        frame.showBody();
        frame.setSummary("%s active customers · as of %s%s"
                .formatted(
                        Formats.count(r.activeCustomers()),
                        r.asOf().describe(),
                        r.note() == null ? "" : " · " + r.note()));
        factors.getItems().setAll(r.factors());
        levels.getItems().setAll(r.levels());
        calls.getItems().setAll(r.customers());
        ChurnRiskResult.Validation v = r.validation();
        if (v != null) {
            validation.setText(String.format(
                    Locale.ROOT,
                    "Checked on history: a model trained on the %,d customers active at %s predicted who of the %,d active at"
                            + " %s churned in the next %d days with ROC AUC %.2f (0.5 is chance); %s of them churned.",
                    v.trainCustomers(),
                    v.trainCut(),
                    v.testCustomers(),
                    v.testCut(),
                    r.inactivityDays(),
                    v.auc(),
                    Formats.percent(v.churnRate())));
            calibration.setChart(ChurnCharts.calibration(v.calibration(), "Calibration on " + v.testCut()));
        } else {
            validation.setText("");
            calibration.setChart(null);
        }
    }

    private static List<TableColumn<ChurnRiskResult.CustomerRisk, ?>> callColumns() {
        // who, how likely, how much: the figures the list is ordered by come before the contact
        return Tables.of(ChurnRiskReport.callColumns());
    }

    /** Opens a customer's page on a double click or Enter in the list of customers. */
    public ChurnView onOpenCustomer(java.util.function.LongConsumer open) {
        Tables.opensCustomer(calls, ChurnRiskResult.CustomerRisk::id, open);
        return this;
    }

    @Override
    public java.util.Optional<quant.core.report.Report> report() {
        var r = model.resultProperty().get();
        return r == null || model.resultSpec() == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(quant.core.churn.ChurnRiskReport.of(r, model.resultSpec()));
    }
}
