package quant.core.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;

/**
 * Pricing as a report: the quote history and the price effect with its interval, each line and segment's
 * recommended price with its curve, and the model's terms.
 */
public final class PricingReport {
    public static final String ID = "pricing";

    private PricingReport() {}

    public static Report of(PricingResult r) {
        Report.Builder b = Report.builder(ID, "Pricing: what wins the job without giving margin away", r.asOf());
        figures(r).forEach(b::figure);
        if (r.refusal() != null) {
            b.note(r.refusal());
        }
        for (PricingResult.Recommendation rec : r.recommendations()) {
            r.curves().stream()
                    .filter(c -> c.line().equals(rec.line()) && c.segment().equals(rec.segment()))
                    .findFirst()
                    .ifPresent(c -> b.chart(
                            "curve-" + key(c.line()) + "-" + key(c.segment()),
                            c.line() + ", " + c.segment(),
                            () -> PricingCharts.curve(c, rec.bestRatio(), "best")));
        }
        b.table(new ReportTable<>(
                "recommendations", "Price to quote by line and segment", columns(), r.recommendations()));
        b.table(new ReportTable<>("model", "The win model's terms", effectColumns(), r.effects()));
        r.notes().forEach(b::note);
        return b.definitions(r.definitions()).build();
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    public static List<KeyFigure> figures(PricingResult r) {
        List<KeyFigure> out = new ArrayList<>();
        out.add(KeyFigure.count("quotes", "Decided quotes", r.quotes(), "", r.won() + " won"));
        out.add(KeyFigure.percent(
                "win-rate", "Won", r.quotes() > 0 ? (double) r.won() / r.quotes() : Double.NaN, "of decided quotes"));
        out.add(KeyFigure.decimal(
                "slope",
                "Price effect",
                r.slope(),
                "",
                2,
                Double.isFinite(r.slope())
                        ? String.format(
                                Locale.ROOT,
                                "95 %% %.2f to %.2f; 10 %% dearer: odds × %.2f",
                                r.slopeLower(),
                                r.slopeUpper(),
                                Math.pow(1.1, -r.slope()))
                        : "no fit"));
        return out;
    }

    public static List<Column<PricingResult.Recommendation>> columns() {
        return List.of(
                Column.text("line", "Line", "", PricingResult.Recommendation::line),
                Column.text("segment", "Segment", "", PricingResult.Recommendation::segment),
                Column.integer("quotes", "Quotes", "", "Decided", PricingResult.Recommendation::quotes),
                Column.integer("won", "Won", "", "", PricingResult.Recommendation::won),
                Column.decimal(
                        "median",
                        "Quoted so far",
                        "× list",
                        2,
                        "Median price ÷ list price",
                        PricingResult.Recommendation::medianRatio),
                Column.decimal(
                        "best",
                        "Best",
                        "× list",
                        2,
                        "Highest expected margin",
                        PricingResult.Recommendation::bestRatio),
                Column.decimal(
                        "low",
                        "As good from",
                        "× list",
                        2,
                        "Within 5 % of the best",
                        PricingResult.Recommendation::lowRatio),
                Column.decimal(
                        "high",
                        "As good to",
                        "× list",
                        2,
                        "Within 5 % of the best",
                        PricingResult.Recommendation::highRatio),
                Column.percent("win-best", "Wins at best", "Chance", PricingResult.Recommendation::winAtBest),
                Column.percent(
                        "win-median", "Wins now", "Chance at the median", PricingResult.Recommendation::winAtMedian),
                Column.decimal(
                        "expected-best",
                        "Margin at best",
                        "per 1 of list",
                        3,
                        "Expected",
                        PricingResult.Recommendation::expectedAtBest),
                Column.decimal(
                        "expected-median",
                        "Margin now",
                        "per 1 of list",
                        3,
                        "Expected at the median",
                        PricingResult.Recommendation::expectedAtMedian),
                Column.percent(
                        "cost",
                        "Cost share",
                        "Of revenue, the line's jobs, 12 months",
                        PricingResult.Recommendation::costShare),
                Column.money("list", "List price", "Median of the quotes", PricingResult.Recommendation::listPrice),
                Column.money("price", "Best price", "Best × list price", PricingResult.Recommendation::bestPrice));
    }

    public static List<Column<PricingResult.Effect>> effectColumns() {
        return List.of(
                Column.text("term", "Term", "", PricingResult.Effect::term),
                Column.decimal("coefficient", "Log-odds", "", 3, "", PricingResult.Effect::coefficient),
                Column.decimal("lower", "Low", "", 3, "95 %", PricingResult.Effect::lower),
                Column.decimal("upper", "High", "", 3, "95 %", PricingResult.Effect::upper));
    }
}
