package quant.core.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import quant.core.analysis.DisplayNames;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;

/**
 * Customer lifetime value as a report: the value of each method side by side, the segments, every
 * customer's value (the main table), the model fits and the holdout by segment; the holdout charts
 * and the cohort curve; the notes of each method and the definitions.
 */
public final class ClvReport {
    public static final String ID = "lifetime-value";

    private ClvReport() {}

    /** One method's lifetime value of a customer, for the side-by-side table. */
    public record MethodValue(String key, String method, Double value, String basis) {}

    /** The four methods by key: historic, simple, cohort, probabilistic. */
    public static final java.util.Set<String> METHODS =
            java.util.Set.of("historic", "simple", "cohort", "probabilistic");

    /** The report with every method. */
    public static Report of(ClvResult r, ClvSpec spec) {
        return of(r, spec, METHODS);
    }

    /**
     * The report with the methods of {@code methods} ({@link #METHODS} keys) in the method table and
     * the notes; the model fits and the holdout come with {@code probabilistic}.
     */
    public static Report of(ClvResult r, ClvSpec spec, java.util.Set<String> methods) {
        Report.Builder b = Report.builder(ID, "Customer lifetime value", r.asOf())
                .spec("Horizon", r.horizonMonths() + " months")
                .spec("Discount rate", String.format(Locale.ROOT, "%.1f%% a year", 100 * r.annualDiscountRate()))
                .spec("Churned after", r.inactivityDays() + " days without a purchase")
                .spec("Filters", spec.filter().describe());
        ClvResult.Probabilistic p = r.probabilistic();
        b.figure(KeyFigure.count("customers", "Customers", r.customers(), "", "with a purchase"));
        b.figure(KeyFigure.money(
                "margin-to-date",
                "Margin to date per customer",
                r.historic().meanMargin(),
                "median " + whole(r.historic().medianMargin())));
        if (p.meanClv() != null) {
            b.figure(KeyFigure.money(
                    "future-clv",
                    "Future value per customer",
                    p.meanClv(),
                    "next " + r.horizonMonths() + " months, " + p.model()));
            b.figure(KeyFigure.money("future-clv-total", "Future value, all customers", p.totalClv(), "discounted"));
        }
        if (r.holdout() != null && r.holdout().actualHoldout() > 0) {
            HoldoutCheck h = r.holdout();
            b.figure(KeyFigure.percent(
                    "holdout-error",
                    "Holdout error",
                    h.predictedHoldout() / h.actualHoldout() - 1,
                    "predicted vs actual repeat purchases, " + h.split() + " to " + h.end()));
        }
        boolean probabilistic = methods.contains("probabilistic");
        if (probabilistic && r.holdout() != null) {
            b.chart(
                    "holdout-tracking",
                    "Repeat purchases, predicted and actual",
                    () -> ClvCharts.tracking(r.holdout()));
            b.chart(
                    "holdout-frequency",
                    "Holdout purchases by calibration frequency",
                    () -> ClvCharts.byFrequency(r.holdout()));
        }
        if (methods.contains("cohort") && r.cohortCurve().clv() != null) {
            b.chart(
                    "cohort-curve",
                    "The average cohort's cumulative margin",
                    () -> ClvCharts.cohortCurve(r.cohortCurve()));
        }
        b.table(new ReportTable<>("customers", "Customers by future value", customerColumns(), r.customerValues()));
        b.table(new ReportTable<>("segments", "By segment", segmentColumns(), r.bySegment()));
        b.table(new ReportTable<>(
                "methods",
                "Lifetime value by method",
                methodColumns(),
                methods(r).stream().filter(m -> methods.contains(m.key())).toList()));
        if (probabilistic) {
            List<ClvFits.Report> fits = new ArrayList<>(p.transactionFits());
            if (p.spendFit() != null) {
                fits.add(p.spendFit());
            }
            b.table(new ReportTable<>("fits", "Model fits", fitColumns(), fits));
            if (r.segmentFit() != null) {
                b.table(new ReportTable<>(
                        "segment-holdout",
                        "Holdout by segment",
                        segmentFitColumns(),
                        r.segmentFit().rows()));
                b.note(r.segmentFit().note());
            }
            b.note(p.note());
            if (r.holdout() == null) {
                b.note(r.holdoutNote());
            }
        }
        if (methods.contains("simple")) {
            b.note(r.simpleFormula().note());
        }
        if (methods.contains("cohort")) {
            b.note(r.cohortCurve().note());
        }
        b.note("Use: " + r.recommendation());
        return b.definitions(r.definitions()).build();
    }

    private static String whole(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static List<MethodValue> methods(ClvResult r) {
        return List.of(
                new MethodValue("historic", "Historic", r.historic().meanMargin(), "margin to date per customer"),
                new MethodValue(
                        "simple",
                        "Simple formula",
                        r.simpleFormula().clv(),
                        "margin per customer-month ÷ monthly churn"),
                new MethodValue(
                        "cohort", "Cohort curve", r.cohortCurve().clv(), "the average cohort's margin, extrapolated"),
                new MethodValue(
                        "probabilistic",
                        "Probabilistic",
                        r.probabilistic().meanClv() == null
                                ? null
                                : r.historic().meanMargin() + r.probabilistic().meanClv(),
                        "margin to date + discounted future value ("
                                + r.probabilistic().model() + ")"));
    }

    /** The columns of every customer's value, on screen and in files. */
    public static List<Column<ClvResult.CustomerValue>> customerColumns() {
        return List.of(
                Column.text("customer", "Customer", "The customer's name", ClvResult.CustomerValue::name),
                Column.text("segment", "Segment", "The customer's segment", v -> DisplayNames.of(v.segment())),
                Column.text("channel", "Channel", "How the customer was acquired", v -> DisplayNames.of(v.channel())),
                Column.wholeMoney(
                        "margin-to-date",
                        "Margin to date",
                        "Revenue less job costs of completed jobs",
                        ClvResult.CustomerValue::marginToDate),
                Column.integer(
                        "purchases", "Purchases", "", "Days with a completed job", ClvResult.CustomerValue::purchases),
                Column.date(
                        "last-purchase",
                        "Last purchase",
                        "The last day with a completed job",
                        ClvResult.CustomerValue::lastPurchase),
                Column.decimal(
                        "p-alive",
                        "P(alive)",
                        "",
                        2,
                        "Probability the customer still buys",
                        ClvResult.CustomerValue::pAlive),
                Column.decimal(
                        "expected-purchases",
                        "Expected purchases",
                        "",
                        1,
                        "Repeat purchases expected in the horizon",
                        ClvResult.CustomerValue::expectedTransactions),
                Column.wholeMoney(
                        "future-clv",
                        "Future CLV",
                        "Discounted margin expected in the horizon",
                        ClvResult.CustomerValue::clv),
                Column.text(
                        "churned",
                        "Churned",
                        "No purchase for longer than the churn setting",
                        v -> v.churned() ? "yes" : ""));
    }

    /** The columns of the segments' values. */
    public static List<Column<ClvResult.SegmentValue>> segmentColumns() {
        return List.of(
                Column.text("segment", "Segment", "The customers' segment", v -> DisplayNames.of(v.segment())),
                Column.integer(
                        "customers", "Customers", "", "Customers with a purchase", ClvResult.SegmentValue::customers),
                Column.wholeMoney(
                        "margin-per-customer",
                        "Margin to date / customer",
                        "Mean margin to date",
                        ClvResult.SegmentValue::meanMargin),
                Column.wholeMoney(
                        "future-clv-per-customer",
                        "Future CLV / customer",
                        "Mean discounted future margin",
                        ClvResult.SegmentValue::meanClv),
                Column.decimal(
                        "mean-p-alive",
                        "Mean P(alive)",
                        "",
                        2,
                        "Mean probability a customer still buys",
                        ClvResult.SegmentValue::meanPAlive));
    }

    private static List<Column<MethodValue>> methodColumns() {
        return List.of(
                Column.text("method", "Method", "How the value is computed", MethodValue::method),
                Column.wholeMoney(
                        "value", "Lifetime value per customer", "The method's value of a customer", MethodValue::value),
                Column.text("basis", "Basis", "What it is made of", MethodValue::basis));
    }

    private static List<Column<ClvFits.Report>> fitColumns() {
        return List.of(
                Column.text("model", "Model", "The fitted model", ClvFits.Report::model),
                Column.decimal(
                        "log-likelihood",
                        "Log-likelihood",
                        "",
                        2,
                        "The maximised log-likelihood",
                        ClvFits.Report::logLikelihood),
                Column.integer(
                        "customers", "Customers", "", "Customers the likelihood used", ClvFits.Report::customers),
                Column.text("parameters", "Parameters", "Estimates by the papers' names", ClvReport::parameters));
    }

    private static String parameters(ClvFits.Report f) {
        StringBuilder b = new StringBuilder();
        f.params().forEach((k, v) -> {
            Double se = f.standardErrors().get(k);
            b.append(k).append(' ').append(String.format(Locale.ROOT, "%.4g", v));
            if (se != null && Double.isFinite(se)) {
                b.append(String.format(Locale.ROOT, " (±%.2g)", se));
            }
            b.append("; ");
        });
        return b.isEmpty() ? "" : b.substring(0, b.length() - 2);
    }

    private static List<Column<SegmentFit.Row>> segmentFitColumns() {
        return List.of(
                Column.text("segment", "Segment", "The customers' segment", r -> DisplayNames.of(r.segment())),
                Column.integer("customers", "Customers", "", "Customers in the check", SegmentFit.Row::customers),
                Column.decimal(
                        "actual", "Actual", "purchases", 0, "Repeat purchases in the holdout", SegmentFit.Row::actual),
                Column.decimal(
                        "pooled",
                        "One fit for all",
                        "purchases",
                        0,
                        "The pooled fit's prediction",
                        SegmentFit.Row::pooled),
                Column.percent("pooled-bias", "Its error", "(pooled − actual) ÷ actual", SegmentFit.Row::pooledBias),
                Column.decimal(
                        "own-fit",
                        "Own fit",
                        "purchases",
                        0,
                        "The segment's own fit's prediction",
                        SegmentFit.Row::ownFit),
                Column.text("own-model", "Own model", "The segment's model, by lowest AIC", SegmentFit.Row::ownModel));
    }
}
