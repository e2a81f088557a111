package quant.core.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import quant.core.churn.ChurnCharts;
import quant.core.churn.ChurnEvaluation;
import quant.core.clv.ClvFits;
import quant.core.forecast.M4Evaluation;
import quant.core.forecast.SeriesForecast;
import quant.core.forecast.business.ForecastReports;
import quant.core.report.Column;
import quant.core.report.ColumnType;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;
import quant.core.report.Status;
import quant.core.routing.RoutePlan;
import quant.core.routing.solomon.SolomonCheck;

/**
 * Reports of the analyses that run on a file given on the command line rather than on the store —
 * the model fits and predictions of CDNOW-style summaries, the churn model's cross-validation, a
 * forecast of one series, the M4 scoring and a Solomon instance's routes. They have no as-of date.
 */
public final class FileReports {
    private FileReports() {}

    /** One fitted parameter. */
    public record Parameter(String name, double estimate, Double standardError) {}

    /** A transaction or spend model fitted by maximum likelihood. */
    public static Report fit(ClvFits.Report f, String modelTitle) {
        Report.Builder b = Report.builder("clv-fit", modelTitle + " fitted by maximum likelihood", null);
        b.figure(KeyFigure.count("customers", "Customers", f.customers(), "", "in the likelihood"));
        b.figure(KeyFigure.decimal("log-likelihood", "Log-likelihood", f.logLikelihood(), "", 2, "at the estimate"));
        b.figure(KeyFigure.count("evaluations", "Evaluations", f.evaluations(), "", "of the likelihood"));
        List<Parameter> params = new ArrayList<>();
        for (Map.Entry<String, Double> e : f.params().entrySet()) {
            params.add(
                    new Parameter(e.getKey(), e.getValue(), f.standardErrors().get(e.getKey())));
        }
        b.table(new ReportTable<>(
                "parameters",
                "Parameters",
                List.of(
                        Column.text("parameter", "Parameter", "By the paper's name", Parameter::name),
                        Column.decimal("estimate", "Estimate", "", 4, "", Parameter::estimate),
                        Column.decimal(
                                "standard-error",
                                "Std. error",
                                "",
                                4,
                                "From the numerical Hessian",
                                Parameter::standardError)),
                params));
        return b.build();
    }

    /** Each customer's expected purchases and P(alive) by a fitted model. */
    public static Report predict(ClvFits.Prediction p, String modelTitle) {
        Report.Builder b = Report.builder("clv-predict", modelTitle + ": expected purchases per customer", null)
                .spec("Horizon", String.format(Locale.ROOT, "%s periods", trim(p.horizon())));
        b.figure(KeyFigure.count("customers", "Customers", p.customers().size(), "", "in the file"));
        b.figure(KeyFigure.decimal(
                "expected",
                "Expected purchases",
                p.totalExpectedTransactions(),
                "",
                1,
                "all customers, in the horizon"));
        b.table(new ReportTable<>(
                "customers",
                "Customers",
                List.of(
                        Column.text("id", "Customer", "", ClvFits.CustomerPrediction::id),
                        Column.decimal(
                                "x",
                                "Repeat purchases",
                                "",
                                0,
                                "In the calibration period",
                                ClvFits.CustomerPrediction::x),
                        Column.decimal(
                                "tx",
                                "Last purchase at",
                                "",
                                2,
                                "Time of the last purchase",
                                ClvFits.CustomerPrediction::tx),
                        Column.decimal(
                                "t",
                                "Observed for",
                                "",
                                2,
                                "Time from the first purchase to the end",
                                ClvFits.CustomerPrediction::t),
                        Column.decimal(
                                "expected",
                                "Expected purchases",
                                "",
                                3,
                                "In the horizon",
                                ClvFits.CustomerPrediction::expectedTransactions),
                        Column.decimal(
                                "p-alive",
                                "P(alive)",
                                "",
                                3,
                                "Probability the customer still buys",
                                ClvFits.CustomerPrediction::pAlive)),
                p.customers()));
        return b.build();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The churn model's stratified cross-validation on a table. */
    public static Report churnEvaluation(ChurnEvaluation e, int folds) {
        Report.Builder b = Report.builder("churn-evaluation", "Churn model, cross-validated", null)
                .spec("Folds", folds + ", stratified");
        b.figure(KeyFigure.decimal(
                "auc", "ROC AUC", e.auc(), "", 4, String.format(Locale.ROOT, "mean of folds %.4f", e.meanFoldAuc())));
        b.figure(KeyFigure.decimal("accuracy", "Accuracy", e.accuracy(), "", 4, "at a 0.5 cut"));
        b.figure(KeyFigure.count("rows", "Rows", e.rows(), "", e.features() + " features"));
        b.figure(KeyFigure.percent("churn-rate", "Churn rate", e.churnRate(), "in the table"));
        if (!e.calibration().isEmpty()) {
            b.chart(
                    "calibration",
                    "Predicted and observed churn",
                    () -> ChurnCharts.calibration(e.calibration(), "Calibration"));
        }
        b.table(new ReportTable<>(
                "folds",
                "Folds",
                List.of(
                        Column.integer("fold", "Fold", "", "", ChurnEvaluation.Fold::fold),
                        Column.integer("rows", "Rows", "", "", ChurnEvaluation.Fold::rows),
                        Column.decimal("auc", "ROC AUC", "", 4, "", ChurnEvaluation.Fold::auc),
                        Column.decimal("accuracy", "Accuracy", "", 4, "", ChurnEvaluation.Fold::accuracy)),
                e.folds()));
        b.table(new ReportTable<>(
                "features",
                "Strongest features",
                List.of(
                        Column.text("feature", "Feature", "", ChurnEvaluation.Coefficient::feature),
                        Column.decimal(
                                "coefficient",
                                "Coefficient per SD",
                                "",
                                3,
                                "+ means more churn",
                                ChurnEvaluation.Coefficient::coefficient)),
                e.topFeatures()));
        return b.notes(e.notes()).build();
    }

    /** One dated series forecast, with its bounds at each level and the backtest behind the method. */
    public static Report seriesForecast(SeriesForecast f, String valueName) {
        Report.Builder b = Report.builder("forecast-series", "Forecast of " + valueName, null)
                .spec("Method", f.method() + (f.chosen().equals(f.method()) ? "" : " → " + f.chosen()))
                .spec("Season", String.valueOf(f.season()));
        b.figure(KeyFigure.count("points", "Observations", f.points(), "", f.frequency()));
        b.figure(KeyFigure.text("model", "Model", f.model(), f.inWords()));
        List<String> levels = f.forecast().isEmpty()
                ? List.of()
                : new ArrayList<>(f.forecast().getFirst().lower().keySet());
        List<Column<SeriesForecast.Point>> cols = new ArrayList<>();
        cols.add(Column.text("period", "Period", "", SeriesForecast.Point::period));
        cols.add(Column.decimal("mean", "Forecast", "", 3, "The point forecast", SeriesForecast.Point::mean));
        for (String level : levels) {
            cols.add(Column.decimal("lower-" + level, level + " % low", "", 3, "", p -> p.lower()
                    .get(level)));
            cols.add(Column.decimal("upper-" + level, level + " % high", "", 3, "", p -> p.upper()
                    .get(level)));
        }
        b.table(new ReportTable<>("forecast", "Forecast", cols, f.forecast()));
        b.table(new ReportTable<>(
                "backtest", "Backtest of the methods", ForecastReports.backtestColumns(), f.backtest()));
        f.checks()
                .forEach(c -> b.note(c.finding() + " (" + c.policy() + ")"
                        + (c.periods().isEmpty() ? "" : ": " + String.join(", ", c.periods()))));
        return b.definitions(ForecastReports.details(f)).build();
    }

    /** Methods scored on M4-layout data as the M4 organisers did. */
    public static Report m4Evaluation(List<M4Evaluation.Row> rows, int series, int horizon, int season) {
        Report.Builder b = Report.builder(
                        "forecast-evaluation", "Forecasting methods scored on " + series + " series", null)
                .spec("Horizon", String.valueOf(horizon))
                .spec("Season", String.valueOf(season));
        b.table(new ReportTable<>(
                "methods",
                "Scores",
                List.<Column<M4Evaluation.Row>>of(
                        Column.text("method", "Method", "", r -> r.method().label()),
                        Column.decimal(
                                "smape",
                                "sMAPE",
                                "",
                                3,
                                "Symmetric mean absolute percentage error",
                                M4Evaluation.Row::smape),
                        Column.decimal("mase", "MASE", "", 3, "Mean absolute scaled error", M4Evaluation.Row::mase),
                        Column.decimal(
                                "owa", "OWA", "", 3, "Overall weighted average against Naive2", M4Evaluation.Row::owa),
                        new Column<>(
                                "coverage-95",
                                "In 95 %",
                                ColumnType.PERCENT,
                                "",
                                "Share of actuals inside the 95 % interval",
                                1,
                                r -> r.coverage95() / 100),
                        Column.decimal("msis", "MSIS", "", 3, "Mean scaled interval score", M4Evaluation.Row::msis),
                        Column.integer(
                                "fallbacks",
                                "Fell back",
                                "series",
                                "Series that fell back to Naive2",
                                M4Evaluation.Row::fallbacks)),
                rows));
        return b.build();
    }

    /** One Solomon route of a solved instance. */
    public record SolomonRoute(int route, List<Integer> customers) {}

    /** A Solomon VRPTW instance solved, with the independent check. */
    public static Report solomon(String instance, RoutePlan plan, List<List<Integer>> routes, SolomonCheck check) {
        Report.Builder b = Report.builder("route-solomon", "Solomon instance " + instance, null);
        b.figure(KeyFigure.count("vehicles", "Vehicles", check.vehicles(), "", "routes used"));
        b.figure(KeyFigure.decimal("distance", "Distance", check.distance(), "", 2, "unrounded Euclidean"));
        b.figure(KeyFigure.text(
                        "feasible",
                        "Check",
                        check.feasible() ? "feasible" : "infeasible",
                        "every window, load and route checked independently")
                .judged(check.feasible() ? Status.OK : Status.CRITICAL));
        List<SolomonRoute> rows = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            rows.add(new SolomonRoute(i + 1, routes.get(i)));
        }
        b.table(new ReportTable<>(
                "routes",
                "Routes",
                List.<Column<SolomonRoute>>of(
                        Column.integer("route", "Route", "", "", SolomonRoute::route),
                        Column.integer(
                                "stops", "Customers", "", "", r -> r.customers().size()),
                        Column.text(
                                "order",
                                "Order",
                                "Customers by their number, in the order visited",
                                r -> String.join(
                                        " ",
                                        r.customers().stream()
                                                .map(String::valueOf)
                                                .toList()))),
                rows));
        b.table(new ReportTable<>(
                "unassigned",
                "Left out",
                List.<Column<RoutePlan.Unassigned>>of(
                        Column.text("customer", "Customer", "", RoutePlan.Unassigned::label),
                        Column.text("reason", "Why", "", RoutePlan.Unassigned::reason)),
                plan.unassigned()));
        return b.notes(check.problems()).build();
    }
}
