package quant.app.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.segment.KMeans;
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
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(parent.database());
        quant.core.analysis.Snapshot snapshot = loaded.snapshot();
        CliMoney money = CliMoney.of(loaded.settings());
        SegmentSpec segmentSpec = new SegmentSpec(maxK, seed, filter.filter(snapshot), filter.asOf());
        SegmentResult r = SegmentAnalysis.run(snapshot, segmentSpec, CliProgress.monitor());
        output.emit(
                spec,
                filter.json,
                r,
                out -> {
                    out.printf(
                            Locale.ROOT,
                            "Segments as of %s: %,d customers with a purchase%n",
                            r.asOf().describe(),
                            r.customers());
                    out.printf(
                            "%nRFM segments %s:%n  %-20s %9s %7s %9s %9s %11s %8s  %s%n",
                            money.caption(),
                            "segment",
                            "customers",
                            "share",
                            "days ago",
                            "purchases",
                            "revenue",
                            "of rev.",
                            "what to do");
                    for (SegmentResult.NamedSegment s : r.segments()) {
                        out.printf(
                                Locale.ROOT,
                                "  %-20s %,9d %6.1f%% %9.0f %9.1f %,11.0f %7.1f%%  %s%n",
                                s.name(),
                                s.customers(),
                                100 * s.share(),
                                s.meanRecencyDays(),
                                s.meanPurchases(),
                                s.meanRevenue(),
                                100 * s.revenueShare(),
                                s.action());
                    }
                    out.printf(Locale.ROOT, "%nk-means: k = %d (mean silhouette by k:", r.k());
                    for (KMeans.Trial t : r.trials()) {
                        out.printf(Locale.ROOT, " %d: %.3f", t.k(), t.silhouette());
                    }
                    out.println(")");
                    for (SegmentResult.Cluster c : r.clusters()) {
                        out.printf(
                                Locale.ROOT,
                                "  %d. %-40s %,6d customers, last purchase %.0f days ago, %.1f purchases, revenue %s, margin %s, %.0f%% churned; mostly %s%n",
                                c.cluster(),
                                c.label(),
                                c.customers(),
                                c.meanRecencyDays(),
                                c.meanPurchases(),
                                money.whole(c.meanRevenue()),
                                money.whole(c.meanMargin()),
                                100 * c.churnedShare(),
                                c.topSegment());
                    }
                },
                () -> quant.core.segment.SegmentReport.of(r, segmentSpec),
                loaded.settings());
        return QuantCommand.OK;
    }
}
