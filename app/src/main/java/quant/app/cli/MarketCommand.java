package quant.app.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.DisplayNames;
import quant.core.analysis.SnapshotLoader;
import quant.core.market.MarketAnalysis;
import quant.core.market.MarketResult;
import quant.core.market.SwotBoard;
import quant.core.store.Store;

/** {@code quant market}: market share by line, opportunities, competitors and the SWOT board. */
@Command(
        name = "market",
        mixinStandardHelpOptions = true,
        description = "Market position: share by period and line, opportunities, competitors, SWOT board.",
        subcommands = MarketSwotCommand.class)
final class MarketCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "Compute at this date (default: the last activity in the data).")
    LocalDate asOf;

    @Option(names = "--json", description = "Print the whole result as JSON (keys in docs/cli.md).")
    boolean json;

    /** The result with the SWOT board saved for the as-of year (null when none was saved). */
    record Output(@JsonUnwrapped MarketResult result, String swotPeriod, List<SwotBoard.Item> swot) {}

    @picocli.CommandLine.Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        output.check(parent.database());
        MarketResult r;
        List<SwotBoard.Item> board;
        String period;
        CliMoney money;
        quant.core.settings.BusinessSettings settings;
        try (Store store = Store.openExisting(parent.database())) {
            r = MarketAnalysis.run(
                    new SnapshotLoader(store).load(CliProgress.monitor()),
                    Optional.ofNullable(asOf),
                    CliProgress.monitor());
            period = String.valueOf(r.asOf().getYear());
            board = SwotBoard.read(store, period);
            settings = quant.core.settings.BusinessSettings.read(store);
            money = CliMoney.of(settings);
        }
        output.emit(
                spec,
                json,
                new Output(r, period, board.isEmpty() ? null : board),
                out -> print(out, r, period, board, money),
                () -> quant.core.market.MarketReport.of(r, period, board),
                settings);
        return QuantCommand.OK;
    }

    private static void print(
            PrintWriter out, MarketResult r, String period, List<SwotBoard.Item> board, CliMoney money) {
        out.printf("Market position as of %s%s%n%n", r.asOf(), r.asOfFromData() ? " (last activity in the data)" : "");
        out.printf(
                "  %-18s %-16s %-12s %16s %14s %9s%n",
                "segment", "metric", "period", "market", "revenue " + money.code(), "share");
        for (MarketResult.Period p : r.periods()) {
            out.printf(
                    Locale.ROOT,
                    "  %-18s %-16s %-12s %,16.0f %,14.0f %9s%s%n",
                    r.nameOf(p.segment()),
                    DisplayNames.of(p.metric()),
                    p.start(),
                    p.marketValue(),
                    p.ourRevenue(),
                    Double.isNaN(p.share()) ? "–" : String.format(Locale.ROOT, "%.3f %%", 100 * p.share()),
                    p.complete() ? "" : " (so far)");
        }
        if (!r.lines().isEmpty()) {
            out.printf("%nShare trend and latest growth:%n");
            for (MarketResult.Line l : r.lines()) {
                out.printf(
                        Locale.ROOT,
                        "  %-18s %.3f %% (%s) → %.3f %% (%s); market %s, our revenue %s%n",
                        r.nameOf(l.segment()),
                        100 * l.firstShare(),
                        l.firstPeriod(),
                        100 * l.lastShare(),
                        l.lastPeriod(),
                        percent(l.marketGrowth()),
                        percent(l.revenueGrowth()));
            }
        }
        if (!r.opportunities().isEmpty()) {
            out.printf("%nOpportunities:%n");
            r.opportunities().forEach(o -> out.println("  " + o.text()));
        }
        if (!r.competitors().isEmpty()) {
            out.printf(
                    "%nCompetitors (latest; change over a year)   our rating %s%n",
                    Double.isNaN(r.ourRating()) ? "–" : r.ourRating());
            for (MarketResult.Competitor c : r.competitors()) {
                out.printf(
                        Locale.ROOT,
                        "  %-28s %-18s %-14s %s %10.2f %8s%n",
                        c.competitor(),
                        c.segment() == null ? "" : r.nameOf(c.segment()),
                        DisplayNames.of(c.metric()),
                        c.observed(),
                        c.value(),
                        Double.isNaN(c.changeOverYear())
                                ? "–"
                                : String.format(Locale.ROOT, "%+.2f", c.changeOverYear()));
            }
        }
        out.printf("%nSWOT %s (%s):%n", period, board.isEmpty() ? "suggestions; no board saved yet" : "saved board");
        List<SwotBoard.Item> items = board.isEmpty() ? SwotBoard.suggested(r) : board;
        for (String q : SwotBoard.QUADRANTS) {
            items.stream().filter(i -> i.quadrant().equals(q)).forEach(i -> out.println("  " + q + ": " + i.text()));
        }
        out.println();
        r.definitions().forEach(out::println);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.1f %%", 100 * v);
    }
}
