package quant.app.cli;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.marketing.MarketingAnalysis;
import quant.core.marketing.MarketingResult;
import quant.core.marketing.MarketingSpec;
import quant.core.report.TextReport;

/** {@code quant marketing}: CAC, LTV:CAC and payback by channel, campaigns, recommendations. */
@Command(
        name = "marketing",
        mixinStandardHelpOptions = true,
        description = "Marketing efficiency: CAC, LTV:CAC and payback by channel, CAC by month, campaigns.")
final class MarketingCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "Compute at this date (default: the last activity in the data).")
    LocalDate asOf;

    @Option(
            names = "--ltv",
            paramLabel = "clv|historic",
            description = "Lifetime value: margin to date plus the CLV model's future margin (clv, the default),"
                    + " or margin to date only (historic).")
    String ltv;

    @Option(names = "--json", description = "Print the whole result as JSON (keys in docs/cli.md).")
    boolean json;

    @picocli.CommandLine.Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        output.check(parent.database());
        MarketingSpec.Ltv method = MarketingSpec.Ltv.parse(ltv);
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(parent.database(), MarketingAnalysis.PARTS);
        MarketingResult r = MarketingAnalysis.run(
                loaded.snapshot(),
                new MarketingSpec(
                        Optional.ofNullable(asOf), method, loaded.settings().customers()),
                CliProgress.monitor());
        output.report(
                spec,
                json,
                r,
                () -> quant.core.marketing.MarketingReport.of(r),
                loaded.settings(),
                TextReport.DEFAULT_ROWS);
        return QuantCommand.OK;
    }
}
