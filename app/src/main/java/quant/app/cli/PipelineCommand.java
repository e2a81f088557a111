package quant.app.cli;

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
import quant.core.pipeline.PipelineAnalysis;
import quant.core.pipeline.PipelineResult;
import quant.core.pipeline.PipelineSpec;
import quant.core.report.TextReport;
import quant.core.settings.Setting;

/** {@code quant pipeline}: the sales pipeline's counts, win rate, cycle, funnel and weighted value. */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        description = "The sales pipeline: deals by stage, win rate, days to close, funnel and weighted open value.")
final class PipelineCommand implements Callable<Integer> {
    /** Stalled deals listed in the text output; the JSON has all of them. */
    static final int STALLED_SHOWN = 20;

    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--by", paramLabel = "rep|source|product|quarter", description = "Break the figures down.")
    String by;

    @Option(
            names = "--stage-order",
            paramLabel = "STAGES",
            description = "The open stages in order, separated by commas (default: the pipeline.stageOrder setting,"
                    + " else the order the stage history shows).")
    String stageOrder;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "Compute at this date (default: the last activity in the data, deals included).")
    LocalDate asOf;

    @Option(names = "--json", description = "Print the whole result as JSON (keys in docs/cli.md).")
    boolean json;

    @picocli.CommandLine.Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        output.check(parent.database());
        PipelineSpec.By breakdown = PipelineSpec.By.parse(by);
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(parent.database(), PipelineAnalysis.PARTS);
        List<String> order = stageOrder == null ? loaded.settings().stageOrder() : Setting.names(stageOrder);
        PipelineSpec pipelineSpec = new PipelineSpec(Optional.ofNullable(asOf), breakdown, order);
        PipelineResult r = PipelineAnalysis.run(loaded.snapshot(), pipelineSpec, CliProgress.monitor());
        output.report(
                spec,
                json,
                r,
                () -> quant.core.pipeline.PipelineReport.of(r),
                loaded.settings(),
                TextReport.DEFAULT_ROWS);
        return QuantCommand.OK;
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static String days(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }
}
