package quant.core.finance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;
import quant.core.report.Status;
import quant.core.settings.Monitors;

/**
 * Receivables as a report: open and past due, DSO, the share over 60 days, collection efficiency and
 * the late-payment rate, each judged against its levels; the aging and DSO charts; the aging table
 * and the customers by what they owe past due (the main table).
 */
public final class ReceivablesReport {
    public static final String ID = "receivables";

    private ReceivablesReport() {}

    public static Report of(ReceivablesResult r, Monitors levels) {
        Report.Builder b = Report.builder(ID, "Receivables: aging, DSO and who pays late", r.asOf());
        figures(r).forEach(b::figure);
        b.chart("aging", "Receivables by days past due", () -> FinanceCharts.aging(r.aging()));
        b.chart("dso", "DSO at each month end", () -> FinanceCharts.dsoTrend(r.dsoTrend(), levels.dso()));
        b.table(new ReportTable<>(
                "customers", "Customers by what they owe past due", customerColumns(), r.customers()));
        b.table(new ReportTable<>(
                "slow-payers",
                "Who pays latest (invoices due and paid in 12 months)",
                customerColumns(),
                r.slowPayers()));
        b.table(new ReportTable<>("aging", "Aging", bucketColumns(), r.aging()));
        b.table(new ReportTable<>("dso", "DSO by month end", dsoColumns(), r.dsoTrend()).dataOnly());
        r.notes().forEach(b::note);
        r.levels().forEach(b::note);
        return b.definitions(r.definitions()).build();
    }

    static Status status(String s) {
        return s == null ? null : Status.valueOf(s.toUpperCase(Locale.ROOT));
    }

    static KeyFigure judged(KeyFigure f, String status) {
        Status s = status(status);
        return s == null ? f : f.judged(s);
    }

    public static List<KeyFigure> figures(ReceivablesResult r) {
        List<KeyFigure> out = new ArrayList<>();
        out.add(KeyFigure.money("open", "Open receivables", r.open(), "at the as-of date"));
        out.add(KeyFigure.money(
                "past-due", "Past due", r.pastDue(), r.customers().size() + " customers listed"));
        out.add(judged(
                KeyFigure.decimal("dso", "DSO", r.dso(), "days", 0, "open ÷ 90 days' invoicing × 90"), r.dsoStatus()));
        out.add(judged(
                KeyFigure.percent("over-60", "Over 60 days", r.overdue60Share(), "of open receivables"),
                r.overdue60Status()));
        out.add(judged(
                KeyFigure.percent(
                        "collection", "Collection efficiency", r.collection(), "collected ÷ collectible, 90 days"),
                r.collectionStatus()));
        out.add(KeyFigure.percent(
                "late-rate",
                "Paid late",
                r.lateRate(),
                Double.isFinite(r.averageDaysLate())
                        ? String.format(Locale.ROOT, "%.0f days late on average", r.averageDaysLate())
                        : "12 months"));
        return out;
    }

    public static List<Column<ReceivablesResult.Customer>> customerColumns() {
        return List.of(
                Column.text("customer", "Customer", "", ReceivablesResult.Customer::name),
                Column.money("past-due", "Past due", "", ReceivablesResult.Customer::pastDue),
                Column.money(
                        "over-60", "Over 60 days", "More than 60 days past due", ReceivablesResult.Customer::over60),
                Column.money("open", "Open", "All open, due or not", ReceivablesResult.Customer::open),
                Column.integer(
                        "oldest",
                        "Oldest",
                        "days",
                        "Days past due of the oldest open invoice",
                        ReceivablesResult.Customer::oldestDays),
                Column.integer(
                        "invoices-due",
                        "Due (12 mo)",
                        "",
                        "Invoices due in the last 12 months",
                        ReceivablesResult.Customer::invoicesDue),
                Column.percent(
                        "late-rate",
                        "Paid late",
                        "Late ÷ invoices due, 12 months",
                        ReceivablesResult.Customer::lateRate),
                Column.decimal(
                        "days-late",
                        "Days late",
                        "days",
                        0,
                        "Mean days past due of the late ones",
                        ReceivablesResult.Customer::averageDaysLate),
                Column.decimal(
                        "beyond-terms",
                        "Beyond terms",
                        "days",
                        0,
                        "Mean days from due date to payment over the invoices paid (0 when on time), 12 months",
                        ReceivablesResult.Customer::daysBeyondTerms),
                Column.text("id", "Id", "The customer's id", c -> String.valueOf(c.id())));
    }

    public static List<Column<ReceivablesResult.Bucket>> bucketColumns() {
        return List.of(
                Column.text("bucket", "Days past due", "", ReceivablesResult.Bucket::bucket),
                Column.money("amount", "Amount", "", ReceivablesResult.Bucket::amount),
                Column.integer("count", "Invoices", "", "", ReceivablesResult.Bucket::count),
                Column.percent("share", "Share", "Of open receivables", ReceivablesResult.Bucket::share));
    }

    public static List<Column<ReceivablesResult.DsoPoint>> dsoColumns() {
        return List.of(
                Column.date("date", "Date", "", ReceivablesResult.DsoPoint::date),
                Column.decimal("dso", "DSO", "days", 1, "", ReceivablesResult.DsoPoint::dso),
                Column.money("open", "Open", "", ReceivablesResult.DsoPoint::open),
                Column.money("invoiced-90", "Invoiced, 90 days", "", ReceivablesResult.DsoPoint::invoiced90));
    }
}
