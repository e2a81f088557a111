package quant.core.finance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Marked;
import quant.core.report.Report;
import quant.core.report.ReportTable;
import quant.core.settings.Monitors;

/**
 * The finance monitors as a report: concentration, margins, volatility and the reserve, each judged;
 * the concentration, margin and seasonality charts; margins by month (the main table), the largest
 * customers and the seasonal indices.
 */
public final class FinanceReport {
    public static final String ID = "finance";

    private FinanceReport() {}

    public static Report of(FinanceResult r, Monitors levels) {
        Report.Builder b = Report.builder(ID, "Finance monitors: concentration, margins and reserve", r.asOf());
        figures(r).forEach(b::figure);
        if (!r.concentration().isEmpty()) {
            b.chart(
                    "concentration",
                    "Customer concentration",
                    () -> FinanceCharts.concentration(r.concentration(), levels.top5()));
        }
        b.chart(
                "margins",
                "Margins by month",
                () -> FinanceCharts.margins(r.months(), levels.grossMargin(), levels.operatingMargin()));
        if (!r.seasonality().isEmpty()) {
            b.chart("seasonality", "Seasonality", () -> FinanceCharts.seasonality(r.seasonality()));
        }
        b.table(new ReportTable<>("months", "Margins by month", monthColumns(), r.months()));
        b.table(new ReportTable<>("customers", "Largest customers, 12 months", shareColumns(), r.concentration()));
        b.table(new ReportTable<>("seasonality", "Seasonal index", seasonColumns(), r.seasonality()));
        r.notes().forEach(b::note);
        r.levels().forEach(b::note);
        return b.definitions(r.definitions()).build();
    }

    public static List<KeyFigure> figures(FinanceResult r) {
        List<KeyFigure> out = new ArrayList<>();
        out.add(ReceivablesReport.judged(
                KeyFigure.percent("top5", "Top-5 customers", r.top5Share(), "of 12 months' invoicing"),
                r.top5Status()));
        out.add(ReceivablesReport.judged(
                KeyFigure.decimal("hhi", "Concentration (HHI)", r.hhi(), "", 3, r.customersInvoiced() + " customers"),
                r.hhiStatus()));
        out.add(ReceivablesReport.judged(
                KeyFigure.percent("gross-margin", "Gross margin", r.grossMargin(), "last 3 complete months"),
                r.grossStatus()));
        out.add(ReceivablesReport.judged(
                KeyFigure.percent(
                        "operating-margin", "Operating margin", r.operatingMargin(), "last 3 complete months"),
                r.operatingStatus()));
        out.add(ReceivablesReport.judged(
                KeyFigure.percent("volatility", "Revenue volatility", r.volatility(), "beyond trend and season"),
                r.volatilityStatus()));
        if (r.reserve() != null) {
            out.add(KeyFigure.money(
                    "reserve",
                    "Cash reserve",
                    r.reserve().shortfall(),
                    r.reserve().shortfall() > 0
                            ? String.format(
                                    Locale.ROOT,
                                    "%.1f months of fixed costs (%s to %s)",
                                    r.reserve().monthsOfFixedCosts(),
                                    r.reserve().from(),
                                    r.reserve().to())
                            : "the worst 3 months (" + r.reserve().from() + " to "
                                    + r.reserve().to() + ") covered fixed costs"));
        }
        return out;
    }

    public static List<Column<FinanceResult.Month>> monthColumns() {
        return List.of(
                Column.text("month", "Month", "* partial", m -> m.complete() ? m.month() : new Marked(m.month(), "*")),
                Column.wholeMoney("revenue", "Revenue", "", FinanceResult.Month::revenue),
                Column.wholeMoney(
                        "job-costs", "Job costs", "Labour + materials + equipment", FinanceResult.Month::jobCosts),
                Column.wholeMoney("gross", "Gross margin", "", FinanceResult.Month::grossMargin),
                Column.percent("gross-share", "Gross %", "", FinanceResult.Month::grossShare),
                Column.wholeMoney("fixed", "Fixed costs", "", FinanceResult.Month::fixedCosts),
                Column.wholeMoney("variable", "Variable costs", "", FinanceResult.Month::variableCosts),
                Column.wholeMoney("marketing", "Marketing", "", FinanceResult.Month::marketing),
                Column.wholeMoney("operating", "Operating margin", "", FinanceResult.Month::operatingMargin),
                Column.percent("operating-share", "Operating %", "", FinanceResult.Month::operatingShare));
    }

    public static List<Column<FinanceResult.Share>> shareColumns() {
        return List.of(
                Column.integer("rank", "Rank", "", "", FinanceResult.Share::rank),
                Column.text("customer", "Customer", "", FinanceResult.Share::name),
                Column.wholeMoney("invoiced", "Invoiced", "12 months", FinanceResult.Share::invoiced),
                Column.percent("share", "Share", "", FinanceResult.Share::share),
                Column.percent("cumulative", "Running total", "", FinanceResult.Share::cumulativeShare));
    }

    public static List<Column<FinanceResult.Season>> seasonColumns() {
        return List.of(
                Column.text("month", "Month", "", s -> java.time.Month.of(s.month())
                        .getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)),
                Column.decimal("index", "Index", "", 2, "Revenue ÷ an average month", FinanceResult.Season::index));
    }
}
