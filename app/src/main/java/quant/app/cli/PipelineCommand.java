package quant.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.DisplayNames;
import quant.core.pipeline.PipelineAnalysis;
import quant.core.pipeline.PipelineResult;
import quant.core.pipeline.PipelineSpec;
import quant.core.settings.Setting;

/** {@code quant pipeline}: the sales pipeline's counts, win rate, cycle, funnel and weighted value. */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        description = "The sales pipeline: deals by stage, win rate, days to close, funnel and weighted open value.")
final class PipelineCommand implements Callable<Integer> {
    /** Stalled deals listed in the text output; the JSON has all of them. */
    static final int STALLED_SHOWN = 20;

    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--by", paramLabel = "rep|source|product|quarter", description = "Break the figures down.")
    String by;

    @Option(
            names = "--stage-order",
            paramLabel = "STAGES",
            description = "The open stages in order, separated by commas (default: the pipeline.stageOrder setting,"
                    + " else the order the stage history shows).")
    String stageOrder;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "Compute at this date (default: the last activity in the data, deals included).")
    LocalDate asOf;

    @Option(names = "--json", description = "Print the whole result as JSON (keys in docs/cli.md).")
    boolean json;

    @picocli.CommandLine.Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        output.check(parent.database());
        PipelineSpec.By breakdown = PipelineSpec.By.parse(by);
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(parent.database());
        List<String> order = stageOrder == null ? loaded.settings().stageOrder() : Setting.names(stageOrder);
        PipelineSpec pipelineSpec = new PipelineSpec(Optional.ofNullable(asOf), breakdown, order);
        PipelineResult r = PipelineAnalysis.run(loaded.snapshot(), pipelineSpec, CliProgress.monitor());
        output.emit(
                spec,
                json,
                r,
                out -> print(out, r, CliMoney.of(loaded.settings())),
                () -> quant.core.pipeline.PipelineReport.of(r),
                loaded.settings());
        return QuantCommand.OK;
    }

    private static void print(PrintWriter out, PipelineResult r, CliMoney money) {
        out.printf("Pipeline as of %s%s%n%n", r.asOf(), r.asOfFromData() ? " (last activity in the data)" : "");
        PipelineResult.Summary t = r.totals();
        out.printf(Locale.ROOT, "%,d deals: %,d won, %,d lost, %,d open%n", t.dealCount(), t.won(), t.lost(), t.open());
        out.printf(
                Locale.ROOT,
                "Win rate %s, won value %s (average %s)%n",
                percent(t.winRate()),
                money.cents(t.wonValue()),
                money.cents(t.averageWonValue()));
        out.printf(
                Locale.ROOT,
                "Days to close: won %s, lost %s, all %s%n",
                days(t.avgDaysToCloseWon()),
                days(t.avgDaysToCloseLost()),
                days(t.avgDaysToCloseAll()));
        out.printf(
                Locale.ROOT,
                "Open value %s, weighted %s; sales velocity %s a day%n%n",
                money.cents(t.openValue()),
                money.cents(t.weightedOpenValue()),
                money.cents(t.salesVelocityPerDay()));
        out.println("Deals by stage:");
        for (Map.Entry<String, Integer> e : t.stageCounts().entrySet()) {
            out.printf(Locale.ROOT, "  %-16s %,8d%n", DisplayNames.of(e.getKey()), e.getValue());
        }
        out.printf("%nFunnel (reached, on to the next stage, win rate and closed deals behind it):%n");
        for (PipelineResult.Step s : r.funnel()) {
            out.printf(
                    Locale.ROOT,
                    "  %-16s %,8d %8s %8s %,7d%s%n",
                    DisplayNames.of(s.stage()),
                    s.reached(),
                    percent(s.toNext()),
                    percent(s.winRate()),
                    s.closedSample(),
                    s.ownRate() ? "" : " (overall rate)");
        }
        if (!r.weightedByMonth().isEmpty()) {
            out.printf(
                    "%nOpen deals by expected close month %s:%n  %-8s %6s %16s %16s%n",
                    money.caption(), "month", "deals", "value", "weighted");
            for (PipelineResult.Month m : r.weightedByMonth()) {
                out.printf(
                        Locale.ROOT,
                        "  %-8s %,6d %,16.2f %,16.2f%n",
                        m.month(),
                        m.deals(),
                        m.value(),
                        m.weightedValue());
            }
        }
        if (r.coverage() == null) {
            out.printf("%nNo pipeline target (kpi monthly_pipeline) covers the next three months: no coverage.%n");
        } else {
            PipelineResult.Coverage c = r.coverage();
            out.printf(
                    Locale.ROOT,
                    "%nCoverage of the pipeline target (%s) %s–%s: weighted %s of %s target = %s%n",
                    c.kpi(),
                    c.months().getFirst(),
                    c.months().getLast(),
                    money.cents(c.weightedValue()),
                    money.cents(c.target()),
                    percent(c.ratio()));
        }
        out.printf(
                "%nDays in each stage (typical cycle %s days to win):%n  %-16s %6s %6s %6s %6s %9s %6s %8s%n",
                days(r.typicalCycleDays()), "", "stays", "mean", "median", "p75", "stalled >", "open", "stalled");
        for (PipelineResult.StageTime t2 : r.stageTimes()) {
            out.printf(
                    Locale.ROOT,
                    "  %-16s %6d %6s %6s %6s %9s %6d %8d%n",
                    DisplayNames.of(t2.stage()),
                    t2.stays(),
                    days(t2.meanDays()),
                    days(t2.medianDays()),
                    days(t2.p75Days()),
                    days(t2.stalledAfterDays()),
                    t2.openNow(),
                    t2.stalledNow());
        }
        List<PipelineResult.OpenDeal> stalled =
                r.openDeals().stream().filter(PipelineResult.OpenDeal::stalled).toList();
        if (!stalled.isEmpty()) {
            int shown = Math.min(STALLED_SHOWN, stalled.size());
            out.printf(
                    "%nStalled deals (%d%s):%n",
                    stalled.size(),
                    shown < stalled.size() ? ", the " + shown + " listed first; --json has them all" : "");
            for (PipelineResult.OpenDeal o : stalled.subList(0, shown)) {
                out.printf(
                        Locale.ROOT,
                        "  %-12s %-16s %6s days in stage, %6s old, %16s, win %s%n",
                        o.ref(),
                        DisplayNames.of(o.stage()),
                        days(o.daysInStage()),
                        days(o.ageDays()),
                        money.cents(o.amount()),
                        percent(o.winProbability()));
            }
        }
        if (r.scoring() != null) {
            PipelineResult.Scoring sc = r.scoring();
            out.printf(
                    Locale.ROOT,
                    "%nDeal scoring: trained on %,d deals closed before %s, ROC AUC %s on the %,d closed since%s%n",
                    sc.trainDeals(),
                    sc.splitDate(),
                    Double.isNaN(sc.rocAuc()) ? "–" : String.format(Locale.ROOT, "%.3f", sc.rocAuc()),
                    sc.testDeals(),
                    sc.note() == null ? "" : " (" + sc.note() + ")");
        }
        if (r.journey() != null) {
            PipelineResult.Journey j = r.journey();
            out.printf(
                    Locale.ROOT,
                    "%nCustomer journey of %,d leads (%,d reached a job without a deal):%n  %-10s %8s %9s %12s%n",
                    j.leads(),
                    j.jobsWithoutDeal(),
                    "",
                    "reached",
                    "of leads",
                    "stopped here");
            for (PipelineResult.JourneyStep st : j.steps()) {
                out.printf(
                        Locale.ROOT,
                        "  %-10s %,8d %9s %,12d%n",
                        st.step(),
                        st.reached(),
                        percent(st.shareOfLeads()),
                        st.stoppedHere());
            }
        }
        if (!r.groups().isEmpty()) {
            out.printf(
                    "%nBy %s %s:%n  %-36s %6s %6s %6s %6s %8s %14s %14s%n",
                    r.by(),
                    money.caption(),
                    "",
                    "deals",
                    "won",
                    "lost",
                    "open",
                    "win rate",
                    "won value",
                    "weighted open");
            for (PipelineResult.Group g : r.groups()) {
                PipelineResult.Summary s = g.summary();
                out.printf(
                        Locale.ROOT,
                        "  %-36s %6d %6d %6d %6d %8s %,14.2f %,14.2f%n",
                        DisplayNames.of(g.key()),
                        s.dealCount(),
                        s.won(),
                        s.lost(),
                        s.open(),
                        percent(s.winRate()),
                        s.wonValue(),
                        s.weightedOpenValue());
            }
        }
        out.println();
        r.definitions().forEach(out::println);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static String days(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }
}
