package quant.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.kpi.HealthReport;
import quant.core.kpi.HealthResult;
import quant.core.kpi.HealthScore;
import quant.core.kpi.KpiBoard;
import quant.core.kpi.KpiResult;
import quant.core.report.TextReport;

/** {@code quant health}: the health score, per section and overall, with each KPI's points and the trend. */
@Command(
        name = "health",
        mixinStandardHelpOptions = true,
        description = "The health score (0-100): the KPIs' attainment weighted by section, each KPI's points and"
                + " the score's trend over the last 12 periods.")
final class HealthCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    KpiOptions kpi;

    @Option(names = "--json", description = "Print the whole result as JSON (keys in docs/cli.md).")
    boolean json;

    @picocli.CommandLine.Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        output.check(parent.database());
        KpiCommand.Loaded loaded = KpiCommand.Loaded.of(parent.database());
        KpiResult kpis = KpiBoard.run(loaded.snapshot(), kpi.board(), loaded.inputs(), CliProgress.monitor());
        HealthResult h = HealthScore.of(kpis, loaded.inputs().rules());
        output.report(spec, json, h, () -> HealthReport.of(h), loaded.settings(), TextReport.DEFAULT_ROWS);
        return QuantCommand.OK;
    }
}
