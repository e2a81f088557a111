package quant.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.InvalidSpecException;
import quant.core.forecast.business.ForecastAccuracy;
import quant.core.forecast.business.ForecastLog;
import quant.core.forecast.business.SavedForecast;
import quant.core.report.TextReport;
import quant.core.store.Store;
import quant.core.store.StoreLocation;

/** {@code quant forecast saved}, and the {@code --save} option of the forecasts that can be saved. */
final class SavedForecastCommand {
    private SavedForecastCommand() {}

    /** {@code --save} and {@code --note}: keep the forecast to compare with what happens. */
    static final class SaveOptions {
        @Option(
                names = "--save",
                description =
                        "Keep the monthly forecast in the database, to compare with what happens (forecast saved).")
        boolean save;

        @Option(names = "--note", paramLabel = "TEXT", description = "A note kept with a saved forecast.")
        String note;

        /** Saves the forecasts when asked and says so on {@code err} (so --json output stays one document). */
        void saveIfAsked(StoreLocation database, List<SavedForecast> forecasts, PrintWriter err) {
            if (!save) {
                if (note != null) {
                    throw new InvalidSpecException("--note goes with --save.");
                }
                return;
            }
            List<Long> ids;
            try (Store store = Store.openExisting(database)) {
                ids = ForecastLog.save(store, forecasts);
            }
            for (int k = 0; k < ids.size(); k++) {
                err.printf(
                        "Saved forecast %d: %s (%s).%n",
                        ids.get(k), forecasts.get(k).label(), forecasts.get(k).model());
            }
            err.flush();
        }
    }

    @Command(
            name = "saved",
            mixinStandardHelpOptions = true,
            description = "The saved forecasts and how they compare with what happened since.")
    static final class Saved implements Callable<Integer> {
        @ParentCommand
        ForecastCommand forecast;

        @Spec
        CommandSpec spec;

        @Option(
                names = "--delete",
                paramLabel = "ID",
                description = "Delete the saved forecast with this id (1 or more).")
        Long delete;

        @Option(names = "--json", description = "Print the whole result as JSON (keys in docs/cli.md).")
        boolean json;

        @picocli.CommandLine.Mixin
        ReportOutput output;

        @Override
        public Integer call() throws java.io.IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (delete != null && output.any()) {
                throw new InvalidSpecException(
                        "--out writes the saved forecasts' report; it does not go with --delete.");
            }
            output.check(forecast.parent.database());
            if (delete != null) {
                boolean gone;
                try (Store store = Store.openExisting(forecast.parent.database())) {
                    gone = ForecastLog.delete(store, delete);
                }
                if (!gone) {
                    throw new InvalidSpecException("There is no saved forecast " + delete + ".");
                }
                out.println("Deleted saved forecast " + delete + ".");
                out.flush();
                return QuantCommand.OK;
            }
            List<SavedForecast> saved;
            try (Store store = Store.openExisting(forecast.parent.database())) {
                saved = ForecastLog.list(store);
            }
            var loaded = CustomerFilterOptions.load(forecast.parent.database(), ForecastAccuracy.PARTS);
            ForecastAccuracy.Result r = ForecastAccuracy.run(loaded.snapshot(), saved, CliProgress.monitor());
            output.report(
                    spec,
                    json,
                    r,
                    () -> quant.core.forecast.business.SavedForecastReport.of(r),
                    loaded.settings(),
                    TextReport.DEFAULT_ROWS);
            return QuantCommand.OK;
        }
    }
}
