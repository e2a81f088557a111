package quant.app.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.finance.ProfitabilityAnalysis;
import quant.core.finance.ProfitabilityReport;
import quant.core.finance.ProfitabilityResult;
import quant.core.finance.ProfitabilitySpec;
import quant.core.report.TextReport;

/** {@code quant profitability}: margin by a dimension after direct, travel and overhead cost. */
@Command(
        name = "profitability",
        mixinStandardHelpOptions = true,
        description = "Margin of completed jobs by service line, segment, city, postal code, technician, customer or"
                + " job: revenue less labour, materials, equipment, travel and a share of overhead, with the least"
                + " profitable customers and jobs and why.")
final class ProfitabilityCommand implements Callable<Integer> {
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
            names = "--by",
            paramLabel = "DIMENSION",
            description = "line (the default), segment, city, zip, technician, customer or job.")
    String by;

    @Option(
            names = "--where",
            paramLabel = "DIMENSION=KEY",
            description = "Only the jobs of one key, e.g. line=HVAC or customer=42 (the customer's id); repeat to"
                    + " narrow further (a drill-down).")
    List<String> where = new ArrayList<>();

    @Option(
            names = "--months",
            paramLabel = "N",
            description = "The window: the N months up to the as-of date, 1 to 120 (default 12).")
    Integer months;

    @Option(
            names = "--overhead-by",
            paramLabel = "hours|jobs|revenue",
            description = "Share overhead out by labour hours, job count or revenue (default: the business setting"
                    + " profitability.overheadBy, else hours).")
    String overheadBy;

    @Option(names = "--json", description = "Print the whole result as JSON (keys in docs/cli.md).")
    boolean json;

    @picocli.CommandLine.Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        output.check(parent.database());
        List<ProfitabilitySpec.Within> within =
                where.stream().map(ProfitabilitySpec.Within::parse).toList();
        ProfitabilitySpec.Dimension dimension = ProfitabilitySpec.Dimension.parse(by);
        CustomerFilterOptions.Loaded loaded =
                CustomerFilterOptions.load(parent.database(), ProfitabilityAnalysis.PARTS);
        ProfitabilitySpec s = ProfitabilitySpec.DEFAULT
                .withAsOf(Optional.ofNullable(asOf))
                .withBy(dimension)
                .withOverheadBy(
                        overheadBy != null
                                ? overheadBy.strip().toLowerCase(java.util.Locale.ROOT)
                                : loaded.settings().overheadBy())
                .withWithin(within);
        if (months != null) {
            s = s.withMonths(months);
        }
        ProfitabilityResult r = ProfitabilityAnalysis.run(loaded.snapshot(), s, CliProgress.monitor());
        output.report(spec, json, r, () -> ProfitabilityReport.of(r), loaded.settings(), TextReport.DEFAULT_ROWS);
        return QuantCommand.OK;
    }
}
