package quant.app.cli;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.finance.ReceivablesAnalysis;
import quant.core.finance.ReceivablesReport;
import quant.core.finance.ReceivablesResult;
import quant.core.report.TextReport;
import quant.core.settings.Monitors;

/** {@code quant receivables}: aging, DSO and its trend, collection efficiency, who pays late. */
@Command(
        name = "receivables",
        mixinStandardHelpOptions = true,
        description = "Receivables at a date: aging by days past due, DSO and its trend, collection efficiency,"
                + " the late-payment rate, and the customers by what they owe past due.")
final class ReceivablesCommand implements Callable<Integer> {
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
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(parent.database(), ReceivablesAnalysis.PARTS);
        Monitors levels = loaded.settings().monitors();
        ReceivablesResult r =
                ReceivablesAnalysis.run(loaded.snapshot(), Optional.ofNullable(asOf), levels, CliProgress.monitor());
        output.report(spec, json, r, () -> ReceivablesReport.of(r, levels), loaded.settings(), TextReport.DEFAULT_ROWS);
        return QuantCommand.OK;
    }
}
