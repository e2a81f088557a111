package quant.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.Period;
import quant.core.cohort.CohortAnalysis;
import quant.core.cohort.CohortMetric;
import quant.core.cohort.CohortReport;
import quant.core.cohort.CohortResult;
import quant.core.cohort.CohortSpec;
import quant.core.report.TextReport;

/** {@code quant cohort}: customer and revenue retention by acquisition cohort. */
@Command(
        name = "cohort",
        mixinStandardHelpOptions = true,
        description = "Retention by acquisition cohort: active customers, revenue and margin per period of age.")
final class CohortCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--period",
            paramLabel = "month|quarter",
            defaultValue = "month",
            description = "Cohort and age period (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(
            names = "--metric",
            paramLabel = "customers|revenue|margin",
            defaultValue = "customers",
            description =
                    "The figure of the table: share of the cohort active, revenue as a share of the first period, or cumulative margin per customer (default: ${DEFAULT-VALUE}).")
    String metric;

    @Mixin
    CustomerFilterOptions filter;

    @Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        Period chosen = Period.parse(period);
        CohortMetric measured = CohortMetric.parse(metric);
        output.check(parent.database());
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(parent.database(), CohortAnalysis.PARTS);
        quant.core.analysis.Snapshot snapshot = loaded.snapshot();
        CohortSpec cohortSpec = new CohortSpec(chosen, measured, filter.filter(snapshot), filter.asOf());
        CohortResult result = CohortAnalysis.run(snapshot, cohortSpec, CliProgress.monitor());
        output.report(
                spec,
                filter.json,
                result,
                () -> CohortReport.of(result, cohortSpec),
                loaded.settings(),
                TextReport.DEFAULT_ROWS);
        return QuantCommand.OK;
    }
}
