package quant.app.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.alerts.AlertCentre;
import quant.core.alerts.AlertLog;
import quant.core.analysis.SnapshotLoader;
import quant.core.forecast.business.ForecastLog;
import quant.core.kpi.Alert;
import quant.core.kpi.AlertsReport;
import quant.core.kpi.KpiBoard;
import quant.core.kpi.KpiInputs;
import quant.core.report.TextReport;
import quant.core.settings.BusinessSettings;
import quant.core.store.Store;

/** {@code quant alerts}: checks the alert rules, keeps what they raise, lists the alerts, acknowledges one. */
@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description = "Checks the alert rules (KPI levels, saved forecasts' 95%% bands, sudden weekly changes) at"
                + " the data's last activity date, keeps the alerts they raise, and lists the open ones.")
final class AlertsCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--all", description = "List resolved alerts too.")
    boolean all;

    @Option(
            names = "--ack",
            paramLabel = "ID",
            description = "Acknowledge the open alert with this id (1 or more); needs --note.")
    Long ack;

    @Option(names = "--note", paramLabel = "TEXT", description = "What is being done about it (up to 1000 characters).")
    String note;

    @Option(names = "--json", description = "Print the whole result as JSON (keys in docs/cli.md).")
    boolean json;

    @picocli.CommandLine.Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        if (ack == null && note != null) {
            throw new ParameterException(spec.commandLine(), "--note goes with --ack ID: name the alert it is about");
        }
        if (ack != null && note == null) {
            throw new ParameterException(spec.commandLine(), "--ack needs --note TEXT: say what is being done");
        }
        output.check(parent.database());
        try (Store store = Store.openExisting(parent.database())) {
            if (ack != null) {
                Alert a = AlertLog.acknowledge(store, ack, note);
                java.io.PrintWriter out = spec.commandLine().getOut();
                out.println(
                        json ? quant.core.analysis.Json.write(a) : "Alert " + a.id() + " acknowledged: " + a.message());
                out.flush();
                return QuantCommand.OK;
            }
            BusinessSettings settings = BusinessSettings.read(store);
            KpiInputs in = KpiInputs.of(settings, ForecastLog.list(store));
            var snapshot = new SnapshotLoader(store).load(KpiBoard.PARTS, CliProgress.monitor());
            AlertCentre.Check check =
                    AlertCentre.check(store, snapshot, in, Optional.empty(), all, CliProgress.monitor());
            output.report(
                    spec,
                    json,
                    check.result(),
                    () -> AlertsReport.of(check.result()),
                    settings,
                    TextReport.DEFAULT_ROWS);
        }
        return QuantCommand.OK;
    }
}
