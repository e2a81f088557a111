package quant.app.cli;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.pricing.QuoteCalculator;
import quant.core.pricing.QuoteReport;
import quant.core.pricing.QuoteResult;
import quant.core.pricing.QuoteSpec;
import quant.core.report.TextReport;

/** {@code quant quote}: what a job should be quoted at, part by part. */
@Command(
        name = "quote",
        mixinStandardHelpOptions = true,
        description = "Quote a job from the company's own costs of the last 12 months: labour, travel, equipment,"
                + " overhead, margin and materials, then the priority, segment and busy-week factors (business"
                + " settings pricing.*); compared with the usual price and the chance of winning at it.")
final class QuoteCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--line", required = true, paramLabel = "CODE", description = "The service line's code.")
    String line;

    @Option(
            names = "--hours",
            required = true,
            paramLabel = "H",
            description = "The estimated hours: more than 0, at most 1,000.")
    double hours;

    @Option(
            names = "--priority",
            paramLabel = "P",
            defaultValue = "normal",
            description = "low, normal, high or emergency (default: normal).")
    String priority;

    @Option(names = "--segment", paramLabel = "S", description = "The customer's segment (e.g. residential).")
    String segment;

    @Option(
            names = "--materials",
            paramLabel = "COST",
            defaultValue = "0",
            description = "The materials' cost before waste and markup: 0 to 10,000,000 (default: 0).")
    double materials;

    @Option(
            names = "--date",
            paramLabel = "D",
            description = "The day the job is wanted (default: a week after the as-of date).")
    LocalDate date;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "The records' date (default: the last activity in the data).")
    LocalDate asOf;

    @Option(names = "--json", description = "Print the whole result as JSON (keys in docs/cli.md).")
    boolean json;

    @picocli.CommandLine.Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        output.check(parent.database());
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(parent.database(), QuoteCalculator.PARTS);
        QuoteSpec quote = new QuoteSpec(
                line,
                hours,
                priority,
                Optional.ofNullable(segment),
                materials,
                Optional.ofNullable(date),
                Optional.ofNullable(asOf));
        QuoteResult r = QuoteCalculator.quote(
                loaded.snapshot(),
                quote,
                loaded.settings().pricingRules(),
                loaded.settings().overheadBy(),
                loaded.settings().stageOrder(),
                CliProgress.monitor());
        output.report(spec, json, r, () -> QuoteReport.of(r), loaded.settings(), TextReport.DEFAULT_ROWS);
        return QuantCommand.OK;
    }
}
