package quant.app.cli;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.operations.TechnicianAnalysis;
import quant.core.operations.TechnicianReport;
import quant.core.operations.TechnicianResult;
import quant.core.operations.TechnicianSpec;
import quant.core.report.TextReport;

/** {@code quant technicians}: the technicians' league table, scores and key people. */
@Command(
        name = "technicians",
        mixinStandardHelpOptions = true,
        description = "Technician performance: jobs, completion, time against estimate, utilisation, first-time fix,"
                + " rating, revenue and margin per hour, a score compared within each trade, and the service lines"
                + " that depend on one technician.")
final class TechniciansCommand implements Callable<Integer> {
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
            paramLabel = "technician|trade",
            description = "One row per technician (the default) or per main trade.")
    String by;

    @Option(
            names = "--months",
            paramLabel = "N",
            description = "The window: the N months up to the as-of date, 1 to 120 (default 12).")
    Integer months;

    @Option(names = "--json", description = "Print the whole result as JSON (keys in docs/cli.md).")
    boolean json;

    @picocli.CommandLine.Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        output.check(parent.database());
        TechnicianSpec.By rows = TechnicianSpec.By.parse(by);
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(parent.database(), TechnicianAnalysis.PARTS);
        TechnicianSpec s = TechnicianSpec.of(loaded.settings())
                .withAsOf(Optional.ofNullable(asOf))
                .withBy(rows);
        if (months != null) {
            s = s.withMonths(months);
        }
        TechnicianResult r = TechnicianAnalysis.run(loaded.snapshot(), s, CliProgress.monitor());
        output.report(spec, json, r, () -> TechnicianReport.of(r), loaded.settings(), TextReport.DEFAULT_ROWS);
        return QuantCommand.OK;
    }
}
