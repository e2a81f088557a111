package quant.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Json;
import quant.core.clv.ClvAnalysis;
import quant.core.clv.ClvFits;
import quant.core.clv.ClvModel;
import quant.core.clv.ClvResult;
import quant.core.clv.ClvSpec;
import quant.core.clv.SummaryCsv;
import quant.core.clv.TransactionLog;
import quant.core.settings.CustomerSettings;

/** {@code quant clv fit|predict}: the probabilistic customer-base models on a file. */
@Command(
        name = "clv",
        mixinStandardHelpOptions = true,
        description = {
            "Customer lifetime value on the database: historic, simple formula, cohort curve and"
                    + " BG/NBD or Pareto/NBD with Gamma-Gamma, side by side, with a holdout check.",
            "clv fit and clv predict run the models on a file of customer summaries or transactions."
        },
        subcommands = {ClvCommand.Fit.class, ClvCommand.Predict.class})
final class ClvCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--horizon",
            paramLabel = "MONTHS",
            description =
                    "Months of future value, 1 to 240 (default: the business setting customers.clvHorizonMonths, 36 unless set).")
    Integer horizon;

    @Option(
            names = "--discount",
            paramLabel = "RATE",
            description =
                    "Yearly discount rate as a fraction, 0 to 1 (default: the business setting customers.annualDiscountRate, 0.10 unless set).")
    Double discount;

    @Option(
            names = "--inactivity-days",
            paramLabel = "DAYS",
            description =
                    "A customer with no transaction for this long is churned, 30 to 3,650 (default: the business setting customers.inactivityDays, 365 unless set).")
    Integer inactivityDays;

    @Option(
            names = "--holdout-weeks",
            paramLabel = "WEEKS",
            defaultValue = "52",
            description =
                    "Weeks before the as-of date held out to check the model, 4 to 260 (default: ${DEFAULT-VALUE}).")
    int holdoutWeeks;

    @Option(
            names = "--method",
            paramLabel = "M",
            defaultValue = "all",
            description =
                    "Which method to print in the text form: all, historic, simple, cohort or probabilistic (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "10",
            description =
                    "Customers listed in the text form, highest future value first, 0 to 100,000 (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    CustomerFilterOptions filter;

    @Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        java.util.Set<String> shown = methods(method);
        output.check(parent.database());
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(parent.database(), ClvAnalysis.PARTS);
        CustomerSettings defaults = loaded.settings().customers();
        ClvSpec clvSpec = new ClvSpec(
                horizon != null ? horizon : defaults.clvHorizonMonths(),
                discount != null ? discount : defaults.annualDiscountRate(),
                inactivityDays != null ? inactivityDays : defaults.inactivityDays(),
                holdoutWeeks,
                filter.filter(loaded.snapshot()),
                filter.asOf());
        ClvResult result = ClvAnalysis.run(loaded.snapshot(), clvSpec, CliProgress.monitor());
        output.report(
                spec,
                filter.json,
                result,
                () -> quant.core.clv.ClvReport.of(result, clvSpec, shown),
                loaded.settings(),
                top);
        return QuantCommand.OK;
    }

    /**
     * The methods the text shows: all four, or one of {@link quant.core.clv.ClvReport#METHODS}.
     *
     * @throws InvalidSpecException for any other name
     */
    static java.util.Set<String> methods(String text) {
        String m = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (m.equals("all")) {
            return quant.core.clv.ClvReport.METHODS;
        }
        if (!quant.core.clv.ClvReport.METHODS.contains(m)) {
            throw new InvalidSpecException(
                    "The method must be all, historic, simple, cohort or probabilistic, not \"" + text + "\".");
        }
        return java.util.Set.of(m);
    }

    /** A transaction log cut at a date. */
    static final class Transactions {
        @Option(
                names = "--transactions",
                paramLabel = "FILE",
                required = true,
                description = "Transaction log: customer_id, date and optionally amount; summarised in weeks.")
        Path file;

        @Option(
                names = "--calibration-end",
                paramLabel = "DATE",
                required = true,
                description = "Last day of the calibration period (ISO date) for --transactions.")
        LocalDate end;
    }

    @Command(
            name = "fit",
            mixinStandardHelpOptions = true,
            description =
                    "Fit a model by maximum likelihood and print its parameters, log-likelihood and standard errors.")
    static final class Fit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--model",
                required = true,
                paramLabel = "MODEL",
                description = "bgnbd, pareto-nbd or gamma-gamma.")
        String model;

        @ArgGroup(exclusive = true, multiplicity = "1")
        InputChoice input;

        @Option(
                names = "--json",
                description = "Print JSON: {model, params, logLikelihood, standardErrors, customers, evaluations}.")
        boolean json;

        @picocli.CommandLine.Mixin
        ReportOutput output;

        @Override
        public Integer call() throws Exception {
            output.check(null, input.files());
            ClvFits.Report report = ClvFits.fit(ClvModel.parse(model), input.read());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(report));
            } else {
                out.printf(
                        "%s fitted on %,d customers (%d evaluations)%n",
                        ClvModel.parse(model).title(), report.customers(), report.evaluations());
                out.printf("%-8s %12s %12s%n", "param", "estimate", "std. error");
                for (Map.Entry<String, Double> e : report.params().entrySet()) {
                    out.printf(
                            "%-8s %12.4f %12.4f%n",
                            e.getKey(), e.getValue(), report.standardErrors().get(e.getKey()));
                }
                out.printf("log-likelihood %.2f%n", report.logLikelihood());
            }
            out.flush();
            if (output.any()) {
                output.write(
                        quant.core.catalog.FileReports.fit(
                                report, ClvModel.parse(model).title()),
                        quant.core.settings.BusinessSettings.DEFAULTS,
                        spec.commandLine().getErr());
            }
            return QuantCommand.OK;
        }
    }

    @Command(
            name = "predict",
            mixinStandardHelpOptions = true,
            description =
                    "Fit BG/NBD or Pareto/NBD and print each customer's expected purchases in the horizon and P(alive).")
    static final class Predict implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "MODEL", description = "bgnbd or pareto-nbd.")
        String model;

        @ArgGroup(exclusive = true, multiplicity = "1")
        InputChoice input;

        @Option(
                names = "--horizon",
                required = true,
                paramLabel = "PERIODS",
                description = "Periods ahead, in the summaries' time unit: more than 0, at most 10,000.")
        double horizon;

        @Option(
                names = "--json",
                description =
                        "Print JSON: {model, params, horizon, customers: [{id, x, tx, t, expectedTransactions, pAlive}], totalExpectedTransactions}.")
        boolean json;

        @picocli.CommandLine.Mixin
        ReportOutput output;

        @Override
        public Integer call() throws Exception {
            output.check(null, input.files());
            ClvFits.Prediction p = ClvFits.predict(ClvModel.parse(model), input.read(), horizon);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(p));
            } else {
                out.printf("%-12s %6s %8s %8s %10s %8s%n", "customer", "x", "t_x", "T", "expected", "P(alive)");
                for (ClvFits.CustomerPrediction c : p.customers()) {
                    out.printf(
                            "%-12s %6.0f %8.2f %8.2f %10.4f %8.4f%n",
                            c.id(), c.x(), c.tx(), c.t(), c.expectedTransactions(), c.pAlive());
                }
                out.printf(
                        "Expected repeat purchases of all %,d customers in the next %s periods: %.1f%n",
                        p.customers().size(),
                        Double.toString(horizon).replaceAll("\\.0$", ""),
                        p.totalExpectedTransactions());
            }
            out.flush();
            if (output.any()) {
                output.write(
                        quant.core.catalog.FileReports.predict(
                                p, ClvModel.parse(model).title()),
                        quant.core.settings.BusinessSettings.DEFAULTS,
                        spec.commandLine().getErr());
            }
            return QuantCommand.OK;
        }
    }

    /** Either --summary FILE or --transactions FILE --calibration-end DATE. */
    static final class InputChoice {
        @Option(
                names = "--summary",
                paramLabel = "FILE",
                description = "CSV with x, t_x, T (or frequency, recency, T) per customer, and zbar (or"
                        + " monetary_value) for Gamma-Gamma; times in one unit, e.g. weeks.")
        Path summary;

        @ArgGroup(exclusive = false)
        Transactions transactions;

        /** The files read, which an output must not overwrite. */
        Path[] files() {
            return new Path[] {summary, transactions == null ? null : transactions.file};
        }

        SummaryCsv read() throws java.io.IOException {
            if (summary != null) {
                return SummaryCsv.read(summary);
            }
            if (transactions == null) {
                throw new InvalidSpecException("Give --summary FILE or --transactions FILE --calibration-end DATE.");
            }
            return TransactionLog.summarise(transactions.file, transactions.end);
        }
    }
}
