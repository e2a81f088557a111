package quant.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import quant.core.analysis.DisplayNames;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Marked;
import quant.core.report.Report;
import quant.core.report.ReportTable;
import quant.core.report.Status;

/**
 * The sales pipeline as a report: win rate, won and open value, days to win, velocity, stalled deals
 * and coverage as key figures; the open deals with their win chance and its drivers (the main table),
 * the funnel, the breakdown, time in stage, the weighted value by expected close month, the customer
 * journey and the scoring model's coefficients; the four charts.
 */
public final class PipelineReport {
    public static final String ID = "pipeline";

    private PipelineReport() {}

    public static Report of(PipelineResult r) {
        PipelineResult.Summary t = r.totals();
        Report.Builder b = Report.builder(ID, "Sales pipeline", r.asOf())
                .spec("Breakdown", r.groups().isEmpty() ? "none" : "by " + r.by());
        figures(r).forEach(b::figure);
        b.chart("funnel", "Deals reaching each stage", () -> PipelineCharts.funnel(r.funnel()));
        if (!r.stageTimes().isEmpty()) {
            b.chart("stage-days", "Days in each stage", () -> PipelineCharts.stageDays(r.stageTimes()));
        }
        if (!r.weightedByMonth().isEmpty()) {
            b.chart(
                    "weighted-by-month",
                    "Weighted value by expected close month",
                    () -> PipelineCharts.weightedByMonth(r.weightedByMonth()));
        }
        if (r.journey() != null) {
            b.chart("journey", "From lead to customer", () -> PipelineCharts.journey(r.journey()));
        }
        b.table(new ReportTable<>("open-deals", "Open deals", dealColumns(), r.openDeals()));
        b.table(new ReportTable<>("funnel", "Stages", funnelColumns(), r.funnel()));
        if (!r.groups().isEmpty()) {
            b.table(new ReportTable<>("breakdown", "By " + r.by(), groupColumns(r.by()), r.groups()));
        }
        b.table(new ReportTable<>("stage-times", "Time in stage", stageTimeColumns(), r.stageTimes()));
        b.table(new ReportTable<>("months", "Open deals by expected close month", monthColumns(), r.weightedByMonth()));
        if (r.journey() != null) {
            b.table(new ReportTable<>(
                    "journey", "Customer journey", journeyColumns(), r.journey().steps()));
        }
        PipelineResult.Scoring s = r.scoring();
        if (s != null) {
            b.table(new ReportTable<>(
                    "win-chance-model", "What moves the win chance", coefficientColumns(), s.coefficients()));
            b.note(String.format(
                    Locale.ROOT,
                    "Win chance: a logistic model on %,d closed deals, checked on the %,d deals closed since %s: ROC AUC %s"
                            + " (0.5 is chance).%s",
                    s.trainDeals() + s.testDeals(),
                    s.testDeals(),
                    s.splitDate(),
                    Double.isNaN(s.rocAuc()) ? "–" : String.format(Locale.ROOT, "%.2f", s.rocAuc()),
                    s.note() == null ? "" : " " + s.note() + "."));
        }
        b.note(String.format(
                Locale.ROOT,
                "Sales velocity %,.0f per day = %,d open deals × %.1f%% win rate × %,.0f average won value ÷ %s days to win.",
                t.salesVelocityPerDay(),
                t.open(),
                100 * t.winRate(),
                t.averageWonValue(),
                days(t.avgDaysToCloseWon())));
        if (r.coverage() == null) {
            b.note("There is no pipeline target for the next three months, so there is no coverage: import a monthly"
                    + " pipeline target (kpi monthly_pipeline) into the KPI targets.");
        }
        return b.definitions(r.definitions()).build();
    }

    /** The headline figures, in the order the view and documents show them. */
    public static List<KeyFigure> figures(PipelineResult r) {
        PipelineResult.Summary t = r.totals();
        List<KeyFigure> out = new ArrayList<>();
        out.add(KeyFigure.percent(
                "win-rate", "Win rate", t.winRate(), t.won() + " won of " + (t.won() + t.lost()) + " closed"));
        out.add(KeyFigure.money(
                "won-value",
                "Won value",
                t.wonValue(),
                String.format(Locale.ROOT, "avg %,.0f per deal", t.averageWonValue())));
        out.add(KeyFigure.money(
                "open-pipeline",
                "Open pipeline",
                t.openValue(),
                String.format(Locale.ROOT, "%,d deals, %,.0f weighted", t.open(), t.weightedOpenValue())));
        out.add(KeyFigure.decimal(
                "days-to-win",
                "Days to win",
                t.avgDaysToCloseWon(),
                "days",
                0,
                "median " + days(r.typicalCycleDays())));
        out.add(KeyFigure.money(
                "sales-velocity",
                "Sales velocity",
                t.salesVelocityPerDay(),
                "per day: open × win rate × size ÷ cycle"));
        long stalled =
                r.openDeals().stream().filter(PipelineResult.OpenDeal::stalled).count();
        out.add(KeyFigure.count("stalled", "Stalled deals", stalled, "", "of " + t.open() + " open")
                .judged(stalled > 0 ? Status.WARNING : Status.OK));
        if (r.coverage() != null) {
            out.add(KeyFigure.percent(
                            "coverage", "Coverage", r.coverage().ratio(), "of the pipeline target, next 3 months")
                    .judged(r.coverage().ratio() < 1 ? Status.WARNING : Status.OK));
        }
        return out;
    }

    private static String days(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
    }

    /** The open deals' columns. */
    public static List<Column<PipelineResult.OpenDeal>> dealColumns() {
        return List.of(
                Column.text("deal", "Deal", "The deal's reference", PipelineResult.OpenDeal::ref),
                Column.text("customer", "Customer", "", PipelineResult.OpenDeal::customer),
                Column.text("stage", "Stage", "Where the deal is now", d -> DisplayNames.of(d.stage())),
                Column.text(
                        "stalled",
                        "Stalled",
                        "Longer in its stage than 3 in 4 deals stayed",
                        d -> d.stalled() ? "stalled" : ""),
                Column.wholeMoney("amount", "Amount", "The deal's value", PipelineResult.OpenDeal::amount),
                Column.percent(
                        "win-chance",
                        "Win chance",
                        "The scoring model's probability of winning",
                        PipelineResult.OpenDeal::winProbability),
                Column.text(
                        "drivers",
                        "Drivers",
                        "What raises (▲) or lowers (▼) the chance against the average deal",
                        PipelineReport::drivers),
                Column.decimal("days-in-stage", "Days in stage", "", 0, "", PipelineResult.OpenDeal::daysInStage),
                Column.decimal(
                        "age", "Age", "days", 0, "Days since the deal was created", PipelineResult.OpenDeal::ageDays),
                Column.decimal(
                        "age-vs-cycle",
                        "× cycle",
                        "",
                        1,
                        "Age ÷ the typical days to win",
                        PipelineResult.OpenDeal::ageVsTypicalCycle),
                Column.date("expected-close", "Expected close", "", PipelineResult.OpenDeal::expectedClose),
                Column.text("overdue", "Overdue", "Past its expected close", d -> d.overdue() ? "overdue" : ""),
                Column.wholeMoney(
                        "weighted",
                        "Weighted",
                        "Amount × the stage's win rate",
                        PipelineResult.OpenDeal::weightedValue),
                Column.text("rep", "Rep", "The sales rep", PipelineResult.OpenDeal::rep),
                Column.text("source", "Source", "Where the deal came from", d -> DisplayNames.of(d.source())),
                Column.text("product", "Product", "", PipelineResult.OpenDeal::product));
    }

    private static String drivers(PipelineResult.OpenDeal d) {
        return d.drivers().stream()
                .map(x -> x.feature() + " " + (x.logOdds() >= 0 ? "▲" : "▼"))
                .collect(Collectors.joining(", "));
    }

    /** The funnel's columns. */
    public static List<Column<PipelineResult.Step>> funnelColumns() {
        return List.of(
                Column.text("stage", "Stage", "", s -> DisplayNames.of(s.stage())),
                Column.integer(
                        "reached", "Reached", "deals", "Deals that reached the stage", PipelineResult.Step::reached),
                Column.percent("go-on", "Go on", "Share that reached the next stage", PipelineResult.Step::toNext),
                Column.percent(
                        "win-rate",
                        "Win rate",
                        "Share of the stage's closed deals that were won",
                        PipelineResult.Step::winRate),
                Column.integer(
                        "closed-deals",
                        "Closed deals behind it",
                        "",
                        "Closed deals the win rate rests on; marked (overall rate) where too few",
                        s -> s.ownRate()
                                ? (Object) s.closedSample()
                                : new Marked(s.closedSample(), " (overall rate)")));
    }

    /** The breakdown's columns, the first titled by what is broken down. */
    public static List<Column<PipelineResult.Group>> groupColumns(String by) {
        return List.of(
                Column.text(
                        "group",
                        by == null || by.isEmpty() ? "Group" : DisplayNames.of(by),
                        "",
                        g -> DisplayNames.of(g.key())),
                Column.integer("deals", "Deals", "", "", g -> g.summary().dealCount()),
                Column.integer("won", "Won", "", "", g -> g.summary().won()),
                Column.integer("lost", "Lost", "", "", g -> g.summary().lost()),
                Column.integer("open", "Open", "", "", g -> g.summary().open()),
                Column.percent(
                        "win-rate", "Win %", "Won ÷ closed", g -> g.summary().winRate()),
                Column.wholeMoney("won-value", "Won value", "", g -> g.summary().wonValue()),
                Column.decimal("days-to-win", "Days to win", "", 0, "Mean days from creation to a win", g -> g.summary()
                        .avgDaysToCloseWon()),
                Column.wholeMoney("weighted", "Weighted", "Open value × win rates", g -> g.summary()
                        .weightedOpenValue()),
                Column.wholeMoney(
                        "per-day", "Per day", "Sales velocity", g -> g.summary().salesVelocityPerDay()));
    }

    /** The time-in-stage columns. */
    public static List<Column<PipelineResult.StageTime>> stageTimeColumns() {
        return List.of(
                Column.text("stage", "Stage", "", s -> DisplayNames.of(s.stage())),
                Column.integer(
                        "stays",
                        "Finished stays",
                        "",
                        "Stays in the stage that ended",
                        PipelineResult.StageTime::stays),
                Column.decimal("mean-days", "Mean days", "", 0, "", PipelineResult.StageTime::meanDays),
                Column.decimal("median-days", "Median", "days", 0, "", PipelineResult.StageTime::medianDays),
                Column.decimal("p75-days", "75th pct", "days", 0, "", PipelineResult.StageTime::p75Days),
                Column.decimal(
                        "stalled-after",
                        "Stalled after",
                        "days",
                        0,
                        "A deal longer in the stage counts as stalled",
                        PipelineResult.StageTime::stalledAfterDays),
                Column.integer("open-now", "Open now", "", "", PipelineResult.StageTime::openNow),
                Column.integer("stalled-now", "Stalled now", "", "", PipelineResult.StageTime::stalledNow));
    }

    /** The expected-close months' columns. */
    public static List<Column<PipelineResult.Month>> monthColumns() {
        return List.of(
                Column.text("month", "Expected close", "", m -> m.month().equals("none") ? "no date" : m.month()),
                Column.integer("deals", "Deals", "", "", PipelineResult.Month::deals),
                Column.wholeMoney("open-value", "Open value", "", PipelineResult.Month::value),
                Column.wholeMoney(
                        "weighted-value",
                        "Weighted value",
                        "Open value × win rates",
                        PipelineResult.Month::weightedValue));
    }

    /** The journey's columns. */
    public static List<Column<PipelineResult.JourneyStep>> journeyColumns() {
        return List.of(
                Column.text("step", "Step", "", PipelineResult.JourneyStep::step),
                Column.integer("reached", "Leads reached", "", "", PipelineResult.JourneyStep::reached),
                Column.percent("share-of-leads", "Of all leads", "", PipelineResult.JourneyStep::shareOfLeads),
                Column.integer(
                        "stopped-here",
                        "Stopped here",
                        "",
                        "Leads whose journey ended at this step",
                        PipelineResult.JourneyStep::stoppedHere));
    }

    private static List<Column<PipelineResult.Coefficient>> coefficientColumns() {
        return List.of(
                Column.text("feature", "Feature", "", PipelineResult.Coefficient::feature),
                Column.decimal(
                        "per-sd",
                        "Log-odds per SD",
                        "",
                        3,
                        "The change in log-odds of winning per standard deviation",
                        PipelineResult.Coefficient::perSd));
    }
}
