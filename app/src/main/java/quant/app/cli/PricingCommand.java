package quant.app.cli;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.pricing.PricingAnalysis;
import quant.core.pricing.PricingReport;
import quant.core.pricing.PricingResult;
import quant.core.report.TextReport;

/** {@code quant pricing}: how price wins or loses quotes, and the price to quote by line and segment. */
@Command(
        name = "pricing",
        mixinStandardHelpOptions = true,
        description = "Price sensitivity from the quote history (deals that reached the quote stage, won or lost):"
                + " the chance of winning against price ÷ list price with its band, and by service line and segment"
                + " the price with the highest expected margin and the range within 5 %% of it.")
final class PricingCommand implements Callable<Integer> {
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
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(parent.database(), PricingAnalysis.PARTS);
        PricingResult r = PricingAnalysis.run(
                loaded.snapshot(), Optional.ofNullable(asOf), loaded.settings().stageOrder(), CliProgress.monitor());
        output.report(spec, json, r, () -> PricingReport.of(r), loaded.settings(), TextReport.DEFAULT_ROWS);
        return QuantCommand.OK;
    }
}
