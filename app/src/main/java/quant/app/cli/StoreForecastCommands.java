package quant.app.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.InvalidSpecException;
import quant.core.forecast.ExplodedForecastException;
import quant.core.forecast.business.CashFlowAnalysis;
import quant.core.forecast.business.CashFlowResult;
import quant.core.forecast.business.CashFlowSpec;
import quant.core.forecast.business.DemandAnalysis;
import quant.core.forecast.business.DemandResult;
import quant.core.forecast.business.ForecastReports;
import quant.core.forecast.business.OutlookSpec;
import quant.core.forecast.business.RevenueAnalysis;
import quant.core.forecast.business.RevenueResult;
import quant.core.forecast.business.SavedForecast;
import quant.core.settings.Setting;

/** {@code quant forecast demand|revenue|cashflow}: the forecasts on the store. */
final class StoreForecastCommands {
    private StoreForecastCommands() {}

    /** The options the three share. */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        ForecastCommand forecast;

        @Spec
        CommandSpec spec;

        @Option(
                names = "--horizon",
                paramLabel = "DAYS",
                description = "Days ahead (7 to 730; default: ${DEFAULT-VALUE}).")
        int horizon = defaultDays();

        @Option(
                names = "--as-of",
                paramLabel = "DATE",
                description = "Forecast from this date (default: the last activity in the data).")
        LocalDate asOf;

        @Option(
                names = "--model",
                paramLabel = "METHOD",
                defaultValue = "auto",
                description = "The monthly series' method, as for forecast series (default: ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--json", description = "Print the whole result as JSON (keys in docs/cli.md).")
        boolean json;

        @picocli.CommandLine.Mixin
        ReportOutput output;

        abstract int defaultDays();

        OutlookSpec outlook() {
            return new OutlookSpec(Optional.ofNullable(asOf), horizon, ForecastCommand.method(model));
        }

        /** Runs the analysis, turning a series the engine refuses into a data error. */
        static <T> T refusing(Callable<T> analysis) throws Exception {
            try {
                return analysis.call();
            } catch (InvalidSpecException e) {
                throw e;
            } catch (IllegalArgumentException | ExplodedForecastException e) {
                throw ForecastCommand.refusal(e);
            }
        }

        /**
         * Prints the result as JSON with --json, else as text, and writes its report to every --out;
         * the command's exit code.
         */
        <R> int emit(
                R result,
                java.util.function.Supplier<quant.core.report.Report> report,
                quant.core.settings.BusinessSettings settings)
                throws java.io.IOException {
            output.report(spec, json, result, report, settings, quant.core.report.TextReport.DEFAULT_ROWS);
            return QuantCommand.OK;
        }
    }

    @Command(
            name = "demand",
            mixinStandardHelpOptions = true,
            description = "Jobs per service line and technician hours needed vs available, by skill.")
    static final class Demand extends Base {
        @picocli.CommandLine.Mixin
        SavedForecastCommand.SaveOptions saving;

        @Override
        int defaultDays() {
            return DemandAnalysis.DEFAULT_DAYS;
        }

        @Override
        public Integer call() throws Exception {
            output.check(forecast.parent.database());
            var loaded = CustomerFilterOptions.load(forecast.parent.database(), DemandAnalysis.PARTS);
            DemandResult r = refusing(() -> DemandAnalysis.run(loaded.snapshot(), outlook(), CliProgress.monitor()));
            saving.saveIfAsked(
                    forecast.parent.database(),
                    r.lines().stream()
                            .map(l ->
                                    SavedForecast.of(SavedForecast.jobs(l.line()), l.jobs(), r.asOfText(), saving.note))
                            .toList(),
                    spec.commandLine().getErr());
            OutlookSpec asked = outlook();
            return emit(r, () -> ForecastReports.demand(r, asked), loaded.settings());
        }
    }

    @Command(
            name = "revenue",
            mixinStandardHelpOptions = true,
            description = "Revenue over 30, 90 and 365 days: jobs, booked work and the weighted sales pipeline.")
    static final class Revenue extends Base {
        @picocli.CommandLine.Mixin
        SavedForecastCommand.SaveOptions saving;

        @Override
        int defaultDays() {
            return RevenueAnalysis.DEFAULT_DAYS;
        }

        @Override
        public Integer call() throws Exception {
            output.check(forecast.parent.database());
            var loaded = CustomerFilterOptions.load(forecast.parent.database(), RevenueAnalysis.PARTS);
            RevenueResult r = refusing(() -> RevenueAnalysis.run(loaded.snapshot(), outlook(), CliProgress.monitor()));
            saving.saveIfAsked(
                    forecast.parent.database(),
                    List.of(SavedForecast.of(SavedForecast.REVENUE, r.jobRevenue(), r.asOfText(), saving.note)),
                    spec.commandLine().getErr());
            OutlookSpec asked = outlook();
            return emit(r, () -> ForecastReports.revenue(r, asked), loaded.settings());
        }
    }

    @Command(
            name = "cashflow",
            mixinStandardHelpOptions = true,
            description = "Cash in and out week by week, and the balance from the opening cash setting.")
    static final class CashFlow extends Base {
        @Option(
                names = "--opening-cash",
                paramLabel = "AMOUNT",
                description = "The balance at the as-of date for this run (default: the cash.openingBalance setting).")
        String openingCash;

        @Override
        int defaultDays() {
            return CashFlowSpec.DEFAULT_DAYS;
        }

        @Override
        public Integer call() throws Exception {
            output.check(forecast.parent.database());
            var loaded = CustomerFilterOptions.load(forecast.parent.database(), CashFlowAnalysis.PARTS);
            OptionalDouble opening = loaded.settings().openingCash();
            if (openingCash != null) {
                BigDecimal v;
                try {
                    v = Setting.OPENING_CASH.parse(openingCash);
                } catch (IllegalArgumentException e) {
                    throw new InvalidSpecException(e.getMessage());
                }
                opening = OptionalDouble.of(v.doubleValue());
            }
            CashFlowSpec cashSpec = new CashFlowSpec(outlook(), opening);
            CashFlowResult r = refusing(() -> CashFlowAnalysis.run(loaded.snapshot(), cashSpec, CliProgress.monitor()));
            return emit(r, () -> ForecastReports.cashFlow(r, cashSpec), loaded.settings());
        }
    }
}
