package quant.core.churn;

import java.util.List;
import java.util.Locale;
import quant.core.analysis.DisplayNames;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;

/**
 * Churn risk as a report: the call list (highest value at risk first, the main table), the factors
 * and their weights, the risk levels, the check on history with its calibration chart, and the
 * definitions.
 */
public final class ChurnRiskReport {
    public static final String ID = "churn-risk";

    private ChurnRiskReport() {}

    public static Report of(ChurnRiskResult r, ChurnRiskSpec spec) {
        Report.Builder b = Report.builder(ID, "Churn risk", r.asOf())
                .spec("Churned after", r.inactivityDays() + " days without a purchase")
                .spec("Filters", spec.filter().describe());
        b.figure(KeyFigure.count("active-customers", "Active customers", r.activeCustomers(), "", "scored"));
        double atRisk = 0;
        int high = 0;
        for (ChurnRiskResult.CustomerRisk c : r.customers()) {
            atRisk += c.valueAtRisk();
        }
        for (ChurnRiskResult.Level l : r.levels()) {
            if (l.level().equalsIgnoreCase("high")) {
                high = l.customers();
            }
        }
        b.figure(KeyFigure.count("high-risk", "High risk", high, "customers", "to call first"));
        b.figure(KeyFigure.money(
                "value-at-risk", "Value at risk", atRisk, "margin of the last year × churn probability"));
        ChurnRiskResult.Validation v = r.validation();
        if (v != null) {
            b.figure(KeyFigure.decimal(
                    "auc", "ROC AUC on history", v.auc(), "", 2, "0.5 is chance; checked at " + v.testCut()));
            b.chart(
                    "calibration",
                    "Predicted and actual churn on " + v.testCut(),
                    () -> ChurnCharts.calibration(v.calibration(), "Calibration on " + v.testCut()));
            b.note(String.format(
                    Locale.ROOT,
                    "Checked on history: a model trained on the %,d customers active at %s predicted who of the %,d"
                            + " active at %s churned in the next %d days with ROC AUC %.2f (0.5 is chance).",
                    v.trainCustomers(),
                    v.trainCut(),
                    v.testCustomers(),
                    v.testCut(),
                    r.inactivityDays(),
                    v.auc()));
        }
        b.table(new ReportTable<>("call-list", "Call list: highest value at risk first", callColumns(), r.customers()));
        b.table(new ReportTable<>("factors", "Factors and weights", factorColumns(), r.factors()));
        b.table(new ReportTable<>("levels", "Risk levels", levelColumns(), r.levels()));
        b.note(r.note());
        return b.definitions(r.definitions()).build();
    }

    /** The call list's columns: who, how likely, how much, then how to reach them and why. */
    public static List<Column<ChurnRiskResult.CustomerRisk>> callColumns() {
        return List.of(
                Column.text("customer", "Customer", "The customer's name", ChurnRiskResult.CustomerRisk::name),
                Column.percent(
                        "churn",
                        "Churn",
                        "Probability of no purchase in the window",
                        ChurnRiskResult.CustomerRisk::churnProbability),
                Column.text("risk", "Risk", "The risk level", ChurnRiskResult.CustomerRisk::level),
                Column.wholeMoney(
                        "value-at-risk",
                        "Value at risk",
                        "Margin of the last year × churn probability",
                        ChurnRiskResult.CustomerRisk::valueAtRisk),
                Column.text("phone", "Phone", "", c -> c.phone() == null ? "" : c.phone()),
                Column.text("email", "E-mail", "", c -> c.email() == null ? "" : c.email()),
                Column.text(
                        "why",
                        "Why",
                        "The factors that raise this customer's risk most",
                        c -> String.join("; ", c.reasons())),
                Column.text(
                        "what-to-do",
                        "What to do",
                        "The level's intervention",
                        ChurnRiskResult.CustomerRisk::intervention),
                Column.decimal(
                        "p-alive",
                        "P(alive)",
                        "",
                        2,
                        "The lifetime-value model's probability the customer still buys",
                        ChurnRiskResult.CustomerRisk::pAlive),
                Column.text("segment", "Segment", "The customer's segment", c -> DisplayNames.of(c.segment())),
                Column.date(
                        "last-purchase",
                        "Last purchase",
                        "The last day with a completed job",
                        ChurnRiskResult.CustomerRisk::lastPurchase));
    }

    /** The factors' columns. */
    public static List<Column<ChurnRiskResult.Factor>> factorColumns() {
        return List.of(
                Column.text("factor", "Factor", "What the model weighs", ChurnRiskResult.Factor::label),
                Column.decimal(
                        "weight",
                        "Weight",
                        "",
                        2,
                        "The standardised logistic coefficient",
                        ChurnRiskResult.Factor::weight),
                Column.text(
                        "odds",
                        "Odds of churning",
                        "The odds ratio per unit of the factor",
                        f -> String.format(Locale.ROOT, "×%.2f per %s", f.oddsRatioPerUnit(), f.unit())));
    }

    /** The risk levels' columns. */
    public static List<Column<ChurnRiskResult.Level>> levelColumns() {
        return List.of(
                Column.text("risk", "Risk", "The level", ChurnRiskResult.Level::level),
                Column.percent("from", "From", "The least churn probability of the level", ChurnRiskResult.Level::from),
                Column.integer(
                        "customers",
                        "Customers",
                        "",
                        "Active customers at this level",
                        ChurnRiskResult.Level::customers),
                Column.text("what-to-do", "What to do", "The intervention", ChurnRiskResult.Level::intervention));
    }
}
