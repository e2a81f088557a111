package quant.app.cli;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.finance.FinanceAnalysis;
import quant.core.finance.FinanceReport;
import quant.core.finance.FinanceResult;
import quant.core.report.TextReport;
import quant.core.settings.Monitors;

/** {@code quant finance}: concentration, margins by month, seasonality, volatility and reserve. */
@Command(
        name = "finance",
        mixinStandardHelpOptions = true,
        description = "The finance monitors: customer concentration (top-5 share, HHI), gross and operating margin by"
                + " month, revenue seasonality and volatility, and the cash reserve to carry the worst three months.")
final class FinanceCommand implements Callable<Integer> {
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

    @picocli.CommandLine.Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        output.check(parent.database());
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(parent.database(), FinanceAnalysis.PARTS);
        Monitors levels = loaded.settings().monitors();
        FinanceResult r =
                FinanceAnalysis.run(loaded.snapshot(), Optional.ofNullable(asOf), levels, CliProgress.monitor());
        output.report(spec, json, r, () -> FinanceReport.of(r, levels), loaded.settings(), TextReport.DEFAULT_ROWS);
        return QuantCommand.OK;
    }
}
