package quant.core.market;

import java.util.List;
import java.util.Locale;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;

/**
 * Market position as a report: our share of each line's market and how it moved (the main table),
 * every market period, the competitors' observations, the opportunities and the SWOT board of the
 * as-of year where one was kept; the share trend and growth charts.
 */
public final class MarketReport {
    public static final String ID = "market";

    private MarketReport() {}

    /**
     * @param board the SWOT board kept for {@code period}, or empty
     */
    public static Report of(MarketResult r, String period, List<SwotBoard.Item> board) {
        Report.Builder b = Report.builder(ID, "Market position", r.asOf());
        b.figure(KeyFigure.count(
                "lines", "Lines with a market", r.lines().size(), "", "service lines with market-size figures"));
        b.figure(KeyFigure.count(
                "opportunities",
                "Opportunities",
                r.opportunities().size(),
                "",
                "lines whose market outgrew our revenue"));
        if (Double.isFinite(r.ourRating())) {
            b.figure(KeyFigure.decimal(
                    "our-rating", "Our rating", r.ourRating(), "", 2, "mean job rating, last twelve months"));
        }
        if (r.periods().stream().anyMatch(p -> Double.isFinite(p.share()))) {
            b.chart(
                    "share-trend",
                    "Our share of each line's market",
                    () -> MarketCharts.shareTrend(r.periods(), r::nameOf));
        }
        if (!r.lines().isEmpty()) {
            b.chart("growth", "Market growth against ours", () -> MarketCharts.growth(r.lines(), r::nameOf));
        }
        b.table(new ReportTable<>("lines", "Share by line", lineColumns(r::nameOf), r.lines()));
        b.table(new ReportTable<>("periods", "Market periods", periodColumns(r), r.periods()));
        b.table(new ReportTable<>("competitors", "Competitors", competitorColumns(r), r.competitors()));
        if (!board.isEmpty()) {
            b.table(new ReportTable<>("swot", "SWOT board " + period, swotColumns(), board));
        }
        r.opportunities().forEach(o -> b.note(o.text()));
        return b.definitions(r.definitions()).build();
    }

    /** The lines' columns, segments named by {@code name}. */
    public static List<Column<MarketResult.Line>> lineColumns(java.util.function.UnaryOperator<String> name) {
        return List.of(
                Column.text("line", "Line", "", l -> name.apply(l.segment())),
                Column.text("first-period", "From", "The first period with a share", MarketResult.Line::firstPeriod),
                new Column<>(
                        "first-share",
                        "Share then",
                        quant.core.report.ColumnType.PERCENT,
                        "",
                        "",
                        3,
                        MarketResult.Line::firstShare),
                Column.text("last-period", "To", "The latest period with a share", MarketResult.Line::lastPeriod),
                new Column<>(
                        "last-share",
                        "Share now",
                        quant.core.report.ColumnType.PERCENT,
                        "",
                        "",
                        3,
                        MarketResult.Line::lastShare),
                Column.decimal(
                        "change",
                        "Change",
                        "pts",
                        3,
                        "Percentage points from then to now",
                        MarketResult.Line::shareChangePoints),
                Column.percent(
                        "market-growth",
                        "Market growth",
                        "The market's growth over the last period",
                        MarketResult.Line::marketGrowth),
                Column.percent(
                        "our-growth",
                        "Our growth",
                        "Our revenue's growth over the same period",
                        MarketResult.Line::revenueGrowth));
    }

    private static List<Column<MarketResult.Period>> periodColumns(MarketResult r) {
        return List.of(
                Column.text("segment", "Line", "", p -> r.nameOf(p.segment())),
                Column.text("metric", "Metric", "", MarketResult.Period::metric),
                Column.date("start", "Start", "", MarketResult.Period::start),
                Column.date("end", "End", "", MarketResult.Period::end),
                Column.text(
                        "complete",
                        "Complete",
                        "Whether the period is over at the as-of date",
                        p -> p.complete() ? "yes" : "running"),
                Column.wholeMoney(
                        "market", "Market", "The market's size in the period", MarketResult.Period::marketValue),
                Column.wholeMoney("our-revenue", "Our revenue", "", MarketResult.Period::ourRevenue),
                new Column<>(
                        "share",
                        "Share",
                        quant.core.report.ColumnType.PERCENT,
                        "",
                        "Our revenue ÷ the market",
                        3,
                        MarketResult.Period::share));
    }

    private static List<Column<MarketResult.Competitor>> competitorColumns(MarketResult r) {
        return List.of(
                Column.text("competitor", "Competitor", "", MarketResult.Competitor::competitor),
                Column.text("segment", "Segment", "", c -> r.nameOf(c.segment())),
                Column.text("metric", "Metric", "", c -> c.metric().replace('_', ' ')),
                Column.date("observed", "Observed", "", MarketResult.Competitor::observed),
                Column.decimal("value", "Value", "", 2, "", MarketResult.Competitor::value),
                Column.decimal("change", "Change over a year", "", 2, "", MarketResult.Competitor::changeOverYear));
    }

    private static List<Column<SwotBoard.Item>> swotColumns() {
        return List.of(
                Column.text(
                        "quadrant",
                        "Quadrant",
                        "",
                        i -> i.quadrant().substring(0, 1).toUpperCase(Locale.ROOT)
                                + i.quadrant().substring(1)),
                Column.text("item", "Item", "", SwotBoard.Item::text),
                Column.text(
                        "suggested",
                        "Suggested",
                        "Suggested from the data rather than written",
                        i -> i.suggested() ? "yes" : ""));
    }
}
