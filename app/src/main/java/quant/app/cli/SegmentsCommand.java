package quant.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.report.TextReport;
import quant.core.segment.SegmentAnalysis;
import quant.core.segment.SegmentResult;
import quant.core.segment.SegmentSpec;

/** {@code quant segments}: RFM segments and k-means clusters of the customers. */
@Command(
        name = "segments",
        mixinStandardHelpOptions = true,
        description =
                "Customer segments: RFM scores with named segments, and k-means clusters with k chosen by silhouette.")
final class SegmentsCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--max-k",
            defaultValue = "8",
            paramLabel = "K",
            description = "Try k = 2 … K clusters, K from 2 to 20 (default: ${DEFAULT-VALUE}).")
    int maxK;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "N",
            description = "Seed of k-means++, any whole number (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    CustomerFilterOptions filter;

    @Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        output.check(parent.database());
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(parent.database(), SegmentAnalysis.PARTS);
        quant.core.analysis.Snapshot snapshot = loaded.snapshot();
        SegmentSpec segmentSpec = new SegmentSpec(maxK, seed, filter.filter(snapshot), filter.asOf());
        SegmentResult r = SegmentAnalysis.run(snapshot, segmentSpec, CliProgress.monitor());
        output.report(
                spec,
                filter.json,
                r,
                () -> quant.core.segment.SegmentReport.of(r, segmentSpec),
                loaded.settings(),
                TextReport.DEFAULT_ROWS);
        return QuantCommand.OK;
    }
}
