package quant.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotLoader;
import quant.core.forecast.business.ForecastLog;
import quant.core.forecast.business.SavedForecast;
import quant.core.kpi.KpiBoard;
import quant.core.kpi.KpiInputs;
import quant.core.kpi.KpiReport;
import quant.core.kpi.KpiResult;
import quant.core.report.TextReport;
import quant.core.settings.BusinessSettings;
import quant.core.store.Store;

/** {@code quant kpi}: every KPI over the month, quarter or year to date, judged against its target. */
@Command(
        name = "kpi",
        mixinStandardHelpOptions = true,
        description = "The KPIs over the month, quarter or year to the as-of date: value, target, status"
                + " (ok, warning, critical) and the same period a year earlier.")
final class KpiCommand implements Callable<Integer> {
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
        Loaded loaded = Loaded.of(parent.database());
        KpiResult r = KpiBoard.run(loaded.snapshot(), kpi.board(), loaded.inputs(), CliProgress.monitor());
        output.report(spec, json, r, () -> KpiReport.of(r), loaded.settings(), TextReport.DEFAULT_ROWS);
        return QuantCommand.OK;
    }

    /** What the KPI commands read: the snapshot of the KPI parts, the settings and the saved forecasts. */
    record Loaded(Snapshot snapshot, BusinessSettings settings, List<SavedForecast> saved) {
        static Loaded of(quant.core.store.StoreLocation path) {
            try (Store store = Store.openExisting(path)) {
                if (store.readOnlyReason() != null && store.role() != quant.core.store.Role.VIEWER) {
                    System.err.println("quant: note: " + store.location().name() + " is open read-only ("
                            + store.readOnlyReason() + ").");
                }
                return new Loaded(
                        new SnapshotLoader(store).load(KpiBoard.PARTS, CliProgress.monitor()),
                        BusinessSettings.read(store),
                        ForecastLog.list(store));
            }
        }

        KpiInputs inputs() {
            return KpiInputs.of(settings, saved);
        }
    }
}
