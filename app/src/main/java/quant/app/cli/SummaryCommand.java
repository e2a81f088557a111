package quant.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.SnapshotLoader;
import quant.core.forecast.business.ForecastLog;
import quant.core.kpi.KpiBoard;
import quant.core.kpi.KpiInputs;
import quant.core.kpi.KpiResult;
import quant.core.kpi.Outlooks;
import quant.core.kpi.SummaryReport;
import quant.core.kpi.SummaryResult;
import quant.core.kpi.SummaryWriter;
import quant.core.report.TextReport;
import quant.core.settings.BusinessSettings;
import quant.core.store.Store;

/** {@code quant summary}: the period in sentences, from the KPIs and the analyses behind them. */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = "The period in words: revenue against last year and target, what moved it, what is off"
                + " target and why, what the forecast expects, and the three actions the analyses recommend.")
final class SummaryCommand implements Callable<Integer> {
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
        BusinessSettings settings;
        KpiInputs in;
        quant.core.analysis.Snapshot snapshot;
        try (Store store = Store.openExisting(parent.database())) {
            settings = BusinessSettings.read(store);
            in = KpiInputs.of(settings, ForecastLog.list(store));
            snapshot = new SnapshotLoader(store).load(Outlooks.PARTS, CliProgress.monitor());
        }
        KpiResult kpis = KpiBoard.run(snapshot, kpi.board(), in, CliProgress.monitor());
        Outlooks outlooks = Outlooks.run(snapshot, settings, kpis.asOf().date(), CliProgress.monitor());
        SummaryResult r = SummaryWriter.write(kpis, snapshot, outlooks);
        output.report(spec, json, r, () -> SummaryReport.of(r), settings, TextReport.DEFAULT_ROWS);
        return QuantCommand.OK;
    }
}
