package quant.core.marketing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import quant.core.analysis.DisplayNames;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;
import quant.core.report.Status;

/**
 * Marketing as a report: spend, new customers, blended CAC, LTV:CAC against its target, the fastest
 * payback and the dearest channel; the channels with their total row (the main table), CAC by month
 * and the campaigns; the LTV-and-CAC, payback and monthly CAC charts; the recommendations.
 */
public final class MarketingReport {
    public static final String ID = "marketing";

    private MarketingReport() {}

    public static Report of(MarketingResult r) {
        Report.Builder b = Report.builder(ID, "Marketing: acquisition cost and payback", r.asOf())
                .spec(
                        "Lifetime value",
                        ("clv".equals(r.ltvMethod()) ? "predicted (margin to date + future)" : "margin to date"));
        figures(r).forEach(b::figure);
        if (!r.channels().isEmpty()) {
            String ltvLabel = "clv".equals(r.ltvMethod()) ? "LTV (predicted)" : "LTV (margin to date)";
            b.chart(
                    "ltv-and-cac",
                    "Lifetime value and acquisition cost by channel",
                    () -> MarketingCharts.ltvAndCac(r.channels(), ltvLabel));
            b.chart(
                    "payback",
                    "Cumulative margin per customer against CAC",
                    () -> MarketingCharts.payback(r.channels()));
        }
        if (!r.cacByMonth().isEmpty()) {
            b.chart("cac-by-month", "CAC by month", () -> MarketingCharts.cacByMonth(r.cacByMonth()));
        }
        b.table(new ReportTable<>(
                "channels",
                "Channels",
                channelColumns(),
                r.channels(),
                r.channels().isEmpty() ? null : r.total()));
        b.table(new ReportTable<>("cac-by-month", "CAC by month and channel", monthColumns(), r.cacByMonth())
                .dataOnly());
        b.table(new ReportTable<>("campaigns", "Campaigns", campaignColumns(), r.campaigns()));
        b.note(r.ltvNote());
        r.recommendations().forEach(b::note);
        return b.definitions(r.definitions()).build();
    }

    /** The headline figures. */
    public static List<KeyFigure> figures(MarketingResult r) {
        MarketingResult.Channel t = r.total();
        List<KeyFigure> out = new ArrayList<>();
        out.add(KeyFigure.money("spend", "Marketing spend", t.spend(), "all channels to date"));
        out.add(KeyFigure.count("new-customers", "New customers", t.newCustomers(), "", t.leads() + " leads"));
        out.add(KeyFigure.money("cac", "Blended CAC", t.cac(), "spend ÷ new customers"));
        KeyFigure ratio = KeyFigure.decimal(
                "ltv-to-cac",
                "LTV:CAC",
                t.ltvToCac(),
                "×",
                1,
                r.ltvToCacTarget() == null
                        ? r.ltvMethod() + " LTV"
                        : String.format(java.util.Locale.ROOT, "target %.1f×", r.ltvToCacTarget()));
        out.add(
                r.ltvToCacTarget() == null
                        ? ratio
                        : ratio.judged(t.ltvToCac() < r.ltvToCacTarget() ? Status.WARNING : Status.OK));
        r.channels().stream()
                .filter(c -> c.paybackMonths() != null)
                .min(Comparator.comparingInt(MarketingResult.Channel::paybackMonths))
                .ifPresent(c -> out.add(KeyFigure.count(
                        "fastest-payback",
                        "Fastest payback",
                        c.paybackMonths(),
                        "months",
                        DisplayNames.of(c.channel()))));
        r.channels().stream()
                .filter(c -> Double.isFinite(c.cac()))
                .max(Comparator.comparingDouble(MarketingResult.Channel::cac))
                .ifPresent(c -> out.add(
                        KeyFigure.money("dearest-channel", "Dearest channel", c.cac(), DisplayNames.of(c.channel()))));
        return out;
    }

    /** The channels' columns. */
    public static List<Column<MarketingResult.Channel>> channelColumns() {
        return List.of(
                Column.text("channel", "Channel", "How customers were acquired", c -> DisplayNames.of(c.channel())),
                Column.wholeMoney("spend", "Spend", "Marketing spend to date", MarketingResult.Channel::spend),
                Column.integer(
                        "customers", "Customers", "", "New customers acquired", MarketingResult.Channel::newCustomers),
                Column.wholeMoney("cac", "CAC", "Spend ÷ new customers", MarketingResult.Channel::cac),
                Column.wholeMoney(
                        "ltv", "LTV", "Lifetime value of a customer of the channel", MarketingResult.Channel::ltv),
                Column.decimal("ltv-to-cac", "LTV:CAC", "×", 1, "LTV ÷ CAC", MarketingResult.Channel::ltvToCac),
                Column.text(
                        "payback",
                        "Payback",
                        "Months until the average customer's cumulative margin covers the CAC",
                        c -> c.paybackMonths() != null
                                ? c.paybackMonths() + (c.paybackMonths() == 1 ? " month" : " months")
                                : Double.isFinite(c.recoveredShare())
                                        ? String.format(
                                                java.util.Locale.ROOT, "not yet (%.1f%%)", 100 * c.recoveredShare())
                                        : "–"),
                Column.integer("leads", "Leads", "", "", MarketingResult.Channel::leads),
                Column.percent(
                        "lead-conversion",
                        "Lead conv.",
                        "Leads that became customers",
                        MarketingResult.Channel::leadConversion));
    }

    private static List<Column<MarketingResult.MonthCac>> monthColumns() {
        return List.of(
                Column.text("month", "Month", "", MarketingResult.MonthCac::month),
                Column.text("channel", "Channel", "", m -> DisplayNames.of(m.channel())),
                Column.wholeMoney("spend", "Spend", "", MarketingResult.MonthCac::spend),
                Column.integer(
                        "customers",
                        "Customers",
                        "",
                        "New customers acquired in the month",
                        MarketingResult.MonthCac::newCustomers),
                Column.wholeMoney("cac", "CAC", "Spend ÷ new customers", MarketingResult.MonthCac::cac));
    }

    /** The campaigns' columns. */
    public static List<Column<MarketingResult.Campaign>> campaignColumns() {
        return List.of(
                Column.text("campaign", "Campaign", "", MarketingResult.Campaign::name),
                Column.text("channel", "Channel", "", c -> DisplayNames.of(c.channel())),
                Column.date("start", "Start", "", MarketingResult.Campaign::start),
                Column.date("end", "End", "", MarketingResult.Campaign::end),
                Column.wholeMoney("budget", "Budget", "", MarketingResult.Campaign::budget),
                Column.wholeMoney("spend", "Spend", "", MarketingResult.Campaign::spend),
                Column.integer("leads", "Leads", "", "", MarketingResult.Campaign::leads),
                Column.integer("deals", "Deals", "", "", MarketingResult.Campaign::deals),
                Column.integer("customers", "Customers", "", "", MarketingResult.Campaign::customers),
                Column.wholeMoney("revenue", "Revenue", "", MarketingResult.Campaign::revenue),
                Column.wholeMoney("margin", "Margin", "", MarketingResult.Campaign::margin),
                Column.percent("roi", "ROI", "(margin − spend) ÷ spend", MarketingResult.Campaign::roi));
    }
}
