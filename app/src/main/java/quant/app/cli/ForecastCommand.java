package quant.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Json;
import quant.core.forecast.Backtest;
import quant.core.forecast.DataChecks;
import quant.core.forecast.ExplodedForecastException;
import quant.core.forecast.M4Evaluation;
import quant.core.forecast.M4Files;
import quant.core.forecast.Method;
import quant.core.forecast.SeriesFile;
import quant.core.forecast.SeriesForecast;
import quant.core.stats.ModelFitException;

/** {@code quant forecast}: forecasts of a series in a file, and the M4-style evaluation of methods. */
@Command(
        name = "forecast",
        mixinStandardHelpOptions = true,
        description = "Forecast the store's demand, revenue or cash flow, a series from a CSV file, or score methods"
                + " on competition data.",
        subcommands = {
            StoreForecastCommands.Demand.class,
            StoreForecastCommands.Revenue.class,
            StoreForecastCommands.CashFlow.class,
            SavedForecastCommand.Saved.class,
            ForecastCommand.Series.class,
            ForecastCommand.Evaluate.class
        })
final class ForecastCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                "Name what to forecast: forecast demand, revenue, cashflow, saved, series or evaluate");
    }

    /** Turns the engine's refusals into the CLI's: a bad option is a usage error, a series that cannot be fitted a data error. */
    static RuntimeException refusal(RuntimeException e) {
        return new ModelFitException(e.getMessage());
    }

    /** The interval levels of {@code --level}: whole percentages from 1 to 99, separated by commas. */
    static int[] levels(String list) {
        int[] levels;
        try {
            levels = Arrays.stream(list.split(","))
                    .map(String::trim)
                    .mapToInt(Integer::parseInt)
                    .toArray();
        } catch (NumberFormatException e) {
            levels = new int[0];
        }
        if (levels.length == 0 || Arrays.stream(levels).anyMatch(l -> l < 1 || l > 99)) {
            throw new InvalidSpecException("--level takes whole percentages from 1 to 99 separated by commas, such as"
                    + " 80,95; not " + (list.isBlank() ? "an empty value" : list) + ".");
        }
        return levels;
    }

    static Method method(String name) {
        try {
            return Method.parse(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(e.getMessage());
        }
    }

    @Command(
            name = "series",
            mixinStandardHelpOptions = true,
            description = "Forecast one series from a CSV file with a date column and a value column.")
    static final class Series implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "CSV with a header.")
        Path file;

        @Option(
                names = "--date-column",
                paramLabel = "C",
                description = "The dates (default: the first column of dates; \"\" for none).")
        String dateColumn;

        @Option(
                names = "--value-column",
                paramLabel = "C",
                description = "The values (default: the first numeric column).")
        String valueColumn;

        @Option(
                names = "--horizon",
                required = true,
                paramLabel = "H",
                description = "Periods to forecast, 1 to 1,000.")
        int horizon;

        @Option(
                names = "--season",
                paramLabel = "M",
                defaultValue = "0",
                description = "Season length, 1 to 1,000 (default: 12 for months, 4 for quarters, 52 for weeks,"
                        + " 7 for days, 1 otherwise).")
        int season;

        @Option(
                names = "--model",
                paramLabel = "METHOD",
                defaultValue = "auto",
                description =
                        "auto, naive, snaive, drift, naive2, ses, holt, damped, holt-winters, ets, theta, arima, "
                                + "croston, tsb, regression, comb or ensemble (default: ${DEFAULT-VALUE}: the backtest's choice).")
        String model;

        @Option(
                names = "--level",
                paramLabel = "L,…",
                defaultValue = "80,95",
                description = "Interval levels, whole percentages from 1 to 99 (default: ${DEFAULT-VALUE}).")
        String level;

        @Option(names = "--json", description = "Print JSON (keys in docs/cli.md).")
        boolean json;

        @picocli.CommandLine.Mixin
        ReportOutput output;

        @Override
        public Integer call() throws IOException {
            output.check(null, file);
            Method method = method(model);
            int[] levels = levels(level);
            SeriesFile.Read read;
            SeriesForecast result;
            try {
                read = SeriesFile.read(file, dateColumn, valueColumn);
                result = SeriesForecast.of(read.series(), method, horizon, season, levels);
            } catch (IllegalArgumentException | ExplodedForecastException e) {
                throw refusal(e);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(result));
            } else {
                print(out, read, result, levels);
            }
            out.flush();
            if (output.any()) {
                output.write(
                        quant.core.catalog.FileReports.seriesForecast(result, read.valueColumn()),
                        quant.core.settings.BusinessSettings.DEFAULTS,
                        spec.commandLine().getErr());
            }
            return QuantCommand.OK;
        }

        private static void print(PrintWriter out, SeriesFile.Read read, SeriesForecast r, int[] levels) {
            out.printf(
                    Locale.ROOT,
                    "%s of %s, %d %ss, season %d: %s%n",
                    r.chosen().equals(r.method()) ? "Forecast" : "Auto forecast",
                    read.valueColumn(),
                    r.points(),
                    r.frequency(),
                    r.season(),
                    r.model());
            if (r.reason() != null) {
                out.println(r.reason());
            }
            for (DataChecks.Finding f : r.checks()) {
                out.println("Check (" + f.check() + "): " + f.finding()
                        + (f.periods().isEmpty() ? "" : " " + String.join(", ", f.periods())));
            }
            if (!r.parameters().isEmpty()) {
                StringBuilder p = new StringBuilder("Parameters:");
                r.parameters().forEach((k, v) -> p.append(String.format(Locale.ROOT, " %s %.4g", k, v)));
                out.println(p);
            }
            if (!r.backtest().isEmpty()) {
                out.printf(
                        Locale.ROOT,
                        "%n%-30s %14s %14s %7s %7s %6s %6s%n",
                        "backtest",
                        "MAE",
                        "RMSE",
                        "sMAPE",
                        "MASE",
                        "cov80",
                        "cov95");
                for (Backtest.Score s : r.backtest()) {
                    if (s.usable()) {
                        out.printf(
                                Locale.ROOT,
                                "%-30s %14s %14s %7.2f %7.3f %6.1f %6.1f%s%n",
                                s.method().label(),
                                readable(s.mae()),
                                readable(s.rmse()),
                                100 * s.smape(),
                                s.mase(),
                                100 * s.coverage80(),
                                100 * s.coverage95(),
                                s.method().key().equals(r.chosen()) ? "  ← chosen" : "");
                    } else {
                        out.printf("%-30s %s%n", s.method().label(), s.problem());
                    }
                }
            }
            out.printf(Locale.ROOT, "%n%-10s %14s", "period", "forecast");
            int[] sorted = levels.clone();
            Arrays.sort(sorted);
            for (int level : sorted) {
                out.printf(Locale.ROOT, " %31s", level + " % interval");
            }
            out.println();
            for (SeriesForecast.Point p : r.forecast()) {
                out.printf(Locale.ROOT, "%-10s %14s", p.period(), readable(p.mean()));
                for (int level : sorted) {
                    String key = String.valueOf(level);
                    out.printf(
                            Locale.ROOT,
                            " %14s – %14s",
                            readable(p.lower().get(key)),
                            readable(p.upper().get(key)));
                }
                out.println();
            }
        }
    }

    /**
     * A value as a person reads it: grouped digits with two decimals (287,812.34) from 1 up, three
     * significant digits below (0.0123), never the exponent form 2.878e+05.
     */
    static String readable(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return Math.abs(v) >= 1 || v == 0
                ? String.format(Locale.ROOT, "%,.2f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    @Command(
            name = "evaluate",
            mixinStandardHelpOptions = true,
            description =
                    "Score methods on series in the M4 competition's layout (one series per row, id first), as the M4 organisers did.")
    static final class Evaluate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--train", required = true, paramLabel = "FILE", description = "The histories.")
        Path train;

        @Option(names = "--test", required = true, paramLabel = "FILE", description = "The values to forecast.")
        Path test;

        @Option(
                names = "--horizon",
                required = true,
                paramLabel = "H",
                description = "Periods to forecast, 1 to 1,000.")
        int horizon;

        @Option(
                names = "--season",
                required = true,
                paramLabel = "M",
                description = "Season length, 1 to 1,000 (1 for none).")
        int season;

        @Option(
                names = "--models",
                paramLabel = "LIST",
                defaultValue = "naive2,ses,theta,comb,auto",
                split = ",",
                description = "Methods to score (default: ${DEFAULT-VALUE}); Naive2 is always scored, for OWA.")
        List<String> models;

        @Option(names = "--json", description = "Print JSON (keys in docs/cli.md).")
        boolean json;

        /** The JSON form. */
        record Result(int series, int horizon, int season, List<Map<String, Object>> models) {}

        @picocli.CommandLine.Mixin
        ReportOutput output;

        @Override
        public Integer call() throws IOException {
            output.check(null, train, test);
            List<Method> methods = new ArrayList<>();
            for (String m : models) {
                methods.add(method(m));
            }
            if (horizon < 1 || season < 1) {
                throw new InvalidSpecException("--horizon and --season must be at least 1.");
            }
            List<M4Files.Series> series = M4Files.read(train, test);
            List<M4Evaluation.Row> rows;
            long started = System.nanoTime();
            try {
                rows = M4Evaluation.evaluate(series, season, horizon, methods);
            } catch (IllegalArgumentException e) {
                throw refusal(e);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (M4Evaluation.Row r : rows) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("model", r.method().key());
                    m.put("smape", r.smape());
                    m.put("mase", r.mase());
                    m.put("owa", r.owa());
                    m.put("coverage95", r.coverage95() / 100); // a fraction, as every rate in JSON
                    m.put("msis", r.msis());
                    m.put("fallbacks", r.fallbacks());
                    list.add(m);
                }
                out.println(Json.write(new Result(series.size(), horizon, season, list)));
            } else {
                out.printf(
                        Locale.ROOT,
                        "%d series, horizon %d, season %d (%.1f s)%n",
                        series.size(),
                        horizon,
                        season,
                        seconds);
                out.printf(
                        Locale.ROOT, "%-28s %8s %8s %7s %7s %8s%n", "model", "sMAPE", "MASE", "OWA", "cov95", "MSIS");
                for (M4Evaluation.Row r : rows) {
                    out.printf(
                            Locale.ROOT,
                            "%-28s %8.3f %8.3f %7.3f %7.1f %8.3f%s%n",
                            r.method().label(),
                            r.smape(),
                            r.mase(),
                            r.owa(),
                            r.coverage95(),
                            r.msis(),
                            r.fallbacks() > 0 ? "  (" + r.fallbacks() + " series fell back to Naive2)" : "");
                }
            }
            out.flush();
            if (output.any()) {
                output.write(
                        quant.core.catalog.FileReports.m4Evaluation(rows, series.size(), horizon, season),
                        quant.core.settings.BusinessSettings.DEFAULTS,
                        spec.commandLine().getErr());
            }
            return QuantCommand.OK;
        }
    }
}
