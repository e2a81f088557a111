package quant.app.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
import quant.core.analysis.SnapshotLoader;
import quant.core.market.MarketAnalysis;
import quant.core.market.MarketResult;
import quant.core.market.SwotBoard;
import quant.core.report.TextReport;
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
        quant.core.settings.BusinessSettings settings;
        try (Store store = Store.openExisting(parent.database())) {
            r = MarketAnalysis.run(
                    new SnapshotLoader(store).load(MarketAnalysis.PARTS, CliProgress.monitor()),
                    Optional.ofNullable(asOf),
                    CliProgress.monitor());
            period = String.valueOf(r.asOf().date().getYear());
            board = SwotBoard.read(store, period);
            settings = quant.core.settings.BusinessSettings.read(store);
        }
        output.report(
                spec,
                json,
                new Output(r, period, board.isEmpty() ? null : board),
                () -> quant.core.market.MarketReport.of(r, period, board),
                settings,
                TextReport.DEFAULT_ROWS);
        return QuantCommand.OK;
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.1f %%", 100 * v);
    }
}
