package quant.core.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;

/** A quote as a report: the price and what it is made of, the adjustments, and where it sits on the win curve. */
public final class QuoteReport {
    public static final String ID = "quote";

    private QuoteReport() {}

    public static Report of(QuoteResult q) {
        Report.Builder b = Report.builder(
                        ID,
                        String.format(
                                Locale.ROOT, "Quote: %s, %s h, %s priority", q.line(), trim(q.hours()), q.priority()),
                        q.asOf())
                .spec("Wanted", q.date().toString())
                .spec("Segment", q.segment() == null ? "not given" : q.segment())
                .spec("Materials at cost", String.format(Locale.ROOT, "%.2f", q.materials()));
        figures(q).forEach(b::figure);
        if (q.curve() != null) {
            b.chart(
                    "win-curve",
                    "Where this quote sits",
                    () -> PricingCharts.curve(q.curve(), q.ratio() * q.curve().medianRatio(), "this quote"));
        }
        b.table(new ReportTable<>("parts", "What the price is made of", partColumns(), q.parts()));
        b.table(new ReportTable<>("adjustments", "Adjustments", adjustmentColumns(), q.adjustments()));
        q.notes().forEach(b::note);
        return b.definitions(q.definitions()).build();
    }

    public static List<KeyFigure> figures(QuoteResult q) {
        List<KeyFigure> out = new ArrayList<>();
        out.add(KeyFigure.money(
                "price",
                "Quote",
                q.price(),
                "before adjustments " + String.format(Locale.ROOT, "%,.2f", q.beforeAdjustments())));
        out.add(KeyFigure.money("cost", "Cost", q.cost(), "labour, travel, equipment, overhead, materials"));
        out.add(KeyFigure.decimal(
                "ratio",
                "Against the usual price",
                q.ratio(),
                "×",
                2,
                Double.isFinite(q.usualPrice())
                        ? String.format(Locale.ROOT, "usual %,.2f (%,.2f an hour)", q.usualPrice(), q.goingRate())
                        : "no usual price"));
        out.add(KeyFigure.percent("win", "Chance of winning", q.winChance(), "by the line's pricing curve"));
        return out;
    }

    public static List<Column<QuoteResult.Part>> partColumns() {
        return List.of(
                Column.text("part", "Part", "", QuoteResult.Part::name),
                Column.money("amount", "Amount", "", QuoteResult.Part::amount),
                Column.text("basis", "How", "", QuoteResult.Part::basis));
    }

    public static List<Column<QuoteResult.Adjustment>> adjustmentColumns() {
        return List.of(
                Column.text("adjustment", "Adjustment", "", QuoteResult.Adjustment::key),
                Column.decimal("factor", "Factor", "×", 2, "", QuoteResult.Adjustment::factor),
                Column.text("why", "Why", "", QuoteResult.Adjustment::why));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
