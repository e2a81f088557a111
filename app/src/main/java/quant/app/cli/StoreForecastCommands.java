package quant.app.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
import quant.core.forecast.business.Outlook;
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
                java.util.function.BiConsumer<PrintWriter, R> text,
                java.util.function.Supplier<quant.core.report.Report> report,
                quant.core.settings.BusinessSettings settings)
                throws java.io.IOException {
            output.emit(spec, json, result, out -> text.accept(out, result), report, settings);
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
            var loaded = CustomerFilterOptions.load(forecast.parent.database());
            DemandResult r = refusing(() -> DemandAnalysis.run(loaded.snapshot(), outlook(), CliProgress.monitor()));
            saving.saveIfAsked(
                    forecast.parent.database(),
                    r.lines().stream()
                            .map(l -> SavedForecast.of(SavedForecast.jobs(l.line()), l.jobs(), r.asOf(), saving.note))
                            .toList(),
                    spec.commandLine().getErr());
            OutlookSpec asked = outlook();
            return emit(r, Demand::print, () -> ForecastReports.demand(r, asked), loaded.settings());
        }

        private static void print(PrintWriter out, DemandResult r) {
            out.printf(Locale.ROOT, "Demand from %s, next %d days%n%n", r.asOf(), r.horizonDays());
            out.printf(Locale.ROOT, "%-20s %-34s %9s %19s %12s%n", "line", "model", "jobs", "80 % range", "hours");
            for (DemandResult.LineDemand d : r.lines()) {
                Outlook.Total j = d.windowJobs();
                out.printf(
                        Locale.ROOT,
                        "%-20s %-34s %,9.0f %,8.0f – %,8.0f %,12.0f%n",
                        d.name(),
                        d.jobs().forecast().model(),
                        j.mean(),
                        j.lower80(),
                        j.upper80(),
                        d.windowHours().mean());
            }
            out.printf("%nSeasonal index by month (1.00 = the trend):%n%-20s", "line");
            for (String m :
                    List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")) {
                out.printf(" %5s", m);
            }
            out.println();
            for (DemandResult.LineDemand d : r.lines()) {
                out.printf("%-20s", d.name());
                if (d.seasonalIndex().isEmpty()) {
                    out.print(" less than two years of history");
                }
                for (double v : d.seasonalIndex()) {
                    out.printf(Locale.ROOT, " %5.2f", v);
                }
                out.println();
            }
            out.printf(
                    "%nUtilisation by skill: hours needed ÷ available (* forecast, ! the upper 80 %% bound exceeds"
                            + " the hours available):%n%-9s",
                    "month");
            for (DemandResult.Capacity c : r.capacity()) {
                out.printf(" %8s", c.skill());
            }
            out.printf("%n%-9s", "techs");
            for (DemandResult.Capacity c : r.capacity()) {
                out.printf(" %8s", c.technicians() + "+" + c.sharedTechnicians());
            }
            out.println();
            int months = r.capacity().isEmpty()
                    ? 0
                    : r.capacity().getFirst().months().size();
            for (int k = 0; k < months; k++) {
                DemandResult.CapacityMonth first =
                        r.capacity().getFirst().months().get(k);
                out.printf("%-9s", first.period() + (first.forecast() ? "*" : ""));
                for (DemandResult.Capacity c : r.capacity()) {
                    DemandResult.CapacityMonth m = c.months().get(k);
                    out.printf(Locale.ROOT, " %6.0f%%%-1s", 100 * m.utilisation(), m.shortfall() ? "!" : "");
                }
                out.println();
            }
            out.println("(techs: technicians with only this skill + those who share it with others)");
            out.println();
            r.notes().forEach(out::println);
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
            var loaded = CustomerFilterOptions.load(forecast.parent.database());
            RevenueResult r = refusing(() -> RevenueAnalysis.run(loaded.snapshot(), outlook(), CliProgress.monitor()));
            saving.saveIfAsked(
                    forecast.parent.database(),
                    List.of(SavedForecast.of(SavedForecast.REVENUE, r.jobRevenue(), r.asOf(), saving.note)),
                    spec.commandLine().getErr());
            CliMoney money = CliMoney.of(loaded.settings());
            OutlookSpec asked = outlook();
            return emit(
                    r,
                    (out, result) -> print(out, result, money),
                    () -> ForecastReports.revenue(r, asked),
                    loaded.settings());
        }

        private static void print(PrintWriter out, RevenueResult r, CliMoney money) {
            out.printf(
                    Locale.ROOT,
                    "Revenue from %s %s; job revenue %s (%s)%n%s%n%n",
                    r.asOf(),
                    money.caption(),
                    "forecast from " + r.jobRevenue().forecast().inWords(),
                    r.jobRevenue().forecast().model(),
                    r.jobRevenue().forecast().reason() == null
                            ? ""
                            : r.jobRevenue().forecast().reason());
            out.printf(
                    Locale.ROOT,
                    "%-9s %13s %27s %12s %13s %13s %27s%n",
                    "window",
                    "jobs",
                    "80 % range",
                    "booked",
                    "pipeline",
                    "total",
                    "80 % range");
            for (RevenueResult.Window w : r.windows()) {
                out.printf(
                        Locale.ROOT,
                        "%-9s %,13.2f %,13.0f – %,11.0f %,12.2f %,13.2f %,13.2f %,13.0f – %,11.0f%n",
                        w.days() + " days",
                        w.jobs().mean(),
                        w.jobs().lower80(),
                        w.jobs().upper80(),
                        w.booked(),
                        w.pipeline().mean(),
                        w.total().mean(),
                        w.total().lower80(),
                        w.total().upper80());
            }
            if (r.overdue().deals() > 0) {
                out.printf(
                        Locale.ROOT,
                        "Overdue deals, past their expected close date and in no window: %,d, %s (%s weighted)%n",
                        r.overdue().deals(),
                        money.cents(r.overdue().value()),
                        money.cents(r.overdue().weightedValue()));
            }
            out.printf("%nWin rates by stage (learned from closed deals):%n");
            out.printf(
                    Locale.ROOT,
                    "%-14s %8s %6s %8s %6s %14s %14s%n",
                    "stage",
                    "closed",
                    "won",
                    "rate",
                    "open",
                    "value",
                    "weighted");
            for (RevenueResult.StageValue s : r.stages()) {
                out.printf(
                        Locale.ROOT,
                        "%-14s %8d %6d %7.1f%%%s %5d %,14.2f %,14.2f%n",
                        s.stage(),
                        s.closedDeals(),
                        s.won(),
                        100 * s.winRate(),
                        s.ownRate() ? " " : "*",
                        s.openDeals(),
                        s.openValue(),
                        s.weightedValue());
            }
            out.printf("%nBooked work by line (revenue per estimated hour over the last twelve months):%n");
            for (RevenueResult.LineRate l : r.lines()) {
                out.printf(
                        Locale.ROOT,
                        "%-20s %,9.2f /h %5d scheduled jobs %,14.2f%n",
                        l.name(),
                        l.revenuePerHour(),
                        l.scheduledJobs(),
                        l.bookedValue());
            }
            out.println();
            r.notes().forEach(out::println);
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
            var loaded = CustomerFilterOptions.load(forecast.parent.database());
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
            CliMoney money = CliMoney.of(loaded.settings());
            return emit(
                    r,
                    (out, result) -> print(out, result, money),
                    () -> ForecastReports.cashFlow(r, cashSpec),
                    loaded.settings());
        }

        private static void print(PrintWriter out, CashFlowResult r, CliMoney money) {
            out.printf(
                    Locale.ROOT,
                    "Cash flow from %s, next %d days; %s %s%n%n",
                    r.asOf(),
                    r.horizonDays(),
                    r.hasBalance()
                            ? "opening balance " + money.cents(r.openingCash())
                            : "no opening balance: flows only",
                    money.caption());
            out.printf(
                    Locale.ROOT,
                    "%-10s %13s %13s %13s %13s %13s %s%n",
                    "week from",
                    "invoices",
                    "new revenue",
                    "outflows",
                    "net",
                    r.hasBalance() ? "balance" : "cumulative",
                    r.hasBalance() ? "      80 % range" : "");
            for (CashFlowResult.Week w : r.weeks()) {
                CashFlowResult.Flows f = w.flows();
                out.printf(
                        Locale.ROOT,
                        "%-10s %,13.2f %,13.2f %,13.2f %,13.2f %,13.2f%s%n",
                        w.start(),
                        f.collectionsOpen(),
                        f.collectionsForecast(),
                        f.jobCosts() + f.fixedExpenses() + f.variableExpenses() + f.marketing(),
                        f.net(),
                        r.hasBalance() ? w.balance() : w.cumulativeNet(),
                        r.hasBalance()
                                ? String.format(
                                        Locale.ROOT, " %,13.0f – %,11.0f", w.balanceLower80(), w.balanceUpper80())
                                : "");
            }
            CashFlowResult.Flows t = r.totals();
            out.printf(
                    Locale.ROOT,
                    "%nOver %d days: collections %s on open invoices and %s on new revenue; job costs %s,"
                            + " fixed expenses %s, variable expenses %s, marketing %s; net %s.%n",
                    r.horizonDays(),
                    money.cents(t.collectionsOpen()),
                    money.cents(t.collectionsForecast()),
                    money.cents(t.jobCosts()),
                    money.cents(t.fixedExpenses()),
                    money.cents(t.variableExpenses()),
                    money.cents(t.marketing()),
                    money.cents(t.net()));
            CashFlowResult.OpenInvoices o = r.openInvoices();
            out.printf(
                    Locale.ROOT,
                    "Open invoices: %d with %s outstanding; %s expected within %d days, %s later," + " %s doubtful.%n",
                    o.count(),
                    money.cents(o.outstanding()),
                    money.cents(o.expected()),
                    r.horizonDays(),
                    money.cents(o.later()),
                    money.cents(o.doubtful()));
            for (CashFlowResult.AgeBand band : o.doubtfulByAge()) {
                if (band.count() > 0) {
                    out.printf(
                            Locale.ROOT,
                            "  doubtful, %s past due: %d invoice%s, %s%n",
                            band.label(),
                            band.count(),
                            band.count() == 1 ? "" : "s",
                            money.cents(band.amount()));
                }
            }
            if (r.hasBalance()) {
                out.printf(
                        Locale.ROOT,
                        "Low cash (below 30 days of outflows, %s): %s%s.%n",
                        money.cents(r.lowCashThreshold()),
                        r.lowCashDate() == null
                                ? "not within the horizon"
                                : "from " + r.lowCashDate() + ", " + r.lowCashDays() + " of " + r.horizonDays()
                                        + " days below",
                        r.lowCashDateLower80() == null || r.lowCashDateLower80().equals(r.lowCashDate())
                                ? ""
                                : " (possibly from " + r.lowCashDateLower80() + " at the lower 80 % bound)");
            }
            r.notes().forEach(out::println);
        }
    }
}
