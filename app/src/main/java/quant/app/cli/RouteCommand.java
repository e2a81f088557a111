package quant.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Json;
import quant.core.report.TextReport;
import quant.core.routing.DayPlan;
import quant.core.routing.DayPlanner;
import quant.core.routing.KeptPlans;
import quant.core.routing.MonthComparison;
import quant.core.routing.RoutePlan;
import quant.core.routing.RouteSearch;
import quant.core.routing.RouteSettings;
import quant.core.routing.TravelTimes;
import quant.core.routing.WorkDay;
import quant.core.routing.WorkDayReader;
import quant.core.routing.solomon.SolomonCheck;
import quant.core.routing.solomon.SolomonInstance;
import quant.core.settings.BusinessSettings;
import quant.core.store.Store;
import quant.core.store.StoreLocation;

/** {@code quant route}: route planning, and the Solomon benchmark instances. */
@Command(
        name = "route",
        mixinStandardHelpOptions = true,
        description = "Plan technicians' routes, or solve a Solomon VRPTW benchmark instance.",
        subcommands = {
            RouteCommand.Day.class,
            RouteReplanCommand.class,
            RouteKeptCommand.class,
            RouteCommand.Month.class,
            RouteCommand.TravelTimesCommand.class,
            RouteCommand.Solomon.class
        })
final class RouteCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                "Name what to plan: route day, route replan, route kept, route month or route solomon");
    }

    static RouteSearch.Limits limits(double seconds, long seed) {
        if (!(seconds > 0) || seconds > 3600) {
            throw new InvalidSpecException("--seconds must be more than 0 and at most 3600; not " + seconds + ".");
        }
        return RouteSearch.Limits.seconds(seconds, seed);
    }

    @Command(
            name = "day",
            mixinStandardHelpOptions = true,
            description = "Plan one day's routes for the technicians at work, and compare a past day with what was"
                    + " driven.")
    static final class Day implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        RouteCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--date", required = true, paramLabel = "DATE", description = "The day to plan.")
        java.time.LocalDate date;

        @Option(
                names = "--seconds",
                paramLabel = "S",
                defaultValue = "10",
                description = "Time limit, more than 0, at most 3,600 (default: ${DEFAULT-VALUE}).")
        double seconds;

        @picocli.CommandLine.Mixin
        SearchOptions options;

        @Option(
                names = "--keep",
                paramLabel = "NAME",
                description = "Keep the plan in the database under this name (the jobs are not changed).")
        String keep;

        @picocli.CommandLine.Mixin
        ReportOutput output;

        @Option(
                names = "--sheets",
                paramLabel = "FILE",
                description = "Also write the technicians' run sheets: .pdf (a page or more each) or .csv (a row per"
                        + " stop).")
        Path sheets;

        @Option(
                names = "--technician",
                paramLabel = "ID",
                split = ",",
                description = "The technicians whose run sheets --sheets writes (default: every one with a stop).")
        List<String> technicians = new ArrayList<>();

        /** The JSON answer: the plan, and the id it was kept under (null when not kept). */
        record Output(
                @com.fasterxml.jackson.annotation.JsonUnwrapped
                DayPlan plan,

                Long keptId) {}

        @Override
        public Integer call() throws java.io.IOException {
            RouteSearch.Limits limits = limits(seconds, options.seed);
            output.check(parent.parent.database());
            Path sheetFile = sheets == null ? null : checkedSheets(sheets, parent.parent.database());
            DayPlan plan;
            Long kept = null;
            BusinessSettings settings;
            try (Store store = Store.openExisting(parent.parent.database())) {
                WorkDay day = WorkDayReader.read(store, date);
                settings = BusinessSettings.read(store);
                plan = DayPlanner.plan(day, RouteSettings.of(settings), limits, CliProgress.monitor());
                if (keep != null) {
                    try {
                        kept = KeptPlans.save(store, plan, keep, options.seed);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidSpecException(e.getMessage());
                    }
                }
            }
            DayPlan planned = plan;
            Long keptId = kept;
            if (!technicians.isEmpty()) {
                List<String> known = planned.plan().routes().stream()
                        .map(quant.core.routing.RoutePlan.Route::vehicleId)
                        .toList();
                for (String t : technicians) {
                    if (!known.contains(t.strip())) {
                        throw new InvalidSpecException("There is no technician " + t.strip() + " at work on " + date
                                + "; those at work are " + String.join(", ", known) + ".");
                    }
                }
            }
            output.report(
                    spec,
                    options.json,
                    new Output(planned, keptId),
                    () -> quant.core.routing.RouteReports.day(planned),
                    settings,
                    TextReport.DEFAULT_ROWS);
            if (!options.json && keptId != null) {
                spec.commandLine().getOut().printf("%nKept as plan %d, \"%s\".%n", keptId, keep.strip());
                spec.commandLine().getOut().flush();
            }
            if (sheetFile != null) {
                List<String> ids = technicians.stream().map(String::strip).toList();
                quant.core.io.AtomicFile.write(sheetFile, stream -> {
                    if (sheetFile
                            .getFileName()
                            .toString()
                            .toLowerCase(java.util.Locale.ROOT)
                            .endsWith(".pdf")) {
                        quant.core.routing.RunSheets.pdf(planned, ids, stream);
                    } else {
                        java.io.Writer w =
                                new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8);
                        quant.core.routing.RunSheets.csv(planned, ids, w);
                        w.flush();
                    }
                });
                spec.commandLine().getErr().println("quant: wrote " + sheets);
                spec.commandLine().getErr().flush();
                ExportTrail.record(
                        parent.parent.database(),
                        List.of(new ExportTrail.Written("Run sheets " + planned.date(), sheetFile)),
                        spec.commandLine().getErr());
            }
            return QuantCommand.OK;
        }
    }

    @Command(
            name = "month",
            mixinStandardHelpOptions = true,
            description = "Plan every past day of a month and total what better routes would have saved.")
    static final class Month implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        RouteCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month.")
        java.time.YearMonth month;

        @Option(
                names = "--seconds-per-day",
                paramLabel = "S",
                defaultValue = "5",
                description = "Time limit per day, more than 0, at most 600 (default: ${DEFAULT-VALUE}).")
        double seconds;

        @picocli.CommandLine.Mixin
        SearchOptions options;

        @picocli.CommandLine.Mixin
        ReportOutput output;

        @Override
        public Integer call() throws java.io.IOException {
            limits(seconds, options.seed);
            output.check(parent.parent.database());
            MonthComparison m;
            BusinessSettings settings;
            try (Store store = Store.openExisting(parent.parent.database())) {
                settings = BusinessSettings.read(store);
                m = MonthComparison.run(
                        store, month, RouteSettings.of(settings), seconds, options.seed, CliProgress.monitor());
            }
            MonthComparison month = m;
            output.report(
                    spec,
                    options.json,
                    month,
                    () -> quant.core.routing.RouteReports.month(month),
                    settings,
                    TextReport.DEFAULT_ROWS);
            return QuantCommand.OK;
        }
    }

    @Command(
            name = "solomon",
            mixinStandardHelpOptions = true,
            description =
                    "Solve a Solomon VRPTW instance: fewest vehicles, then shortest distance (unrounded Euclidean).")
    static final class Solomon implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "An instance in the Solomon text format.")
        Path file;

        @Option(
                names = "--seconds",
                paramLabel = "S",
                defaultValue = "30",
                description = "Time limit, more than 0, at most 3,600 (default: ${DEFAULT-VALUE}).")
        double seconds;

        @picocli.CommandLine.Mixin
        SearchOptions options;

        @picocli.CommandLine.Mixin
        ReportOutput output;

        /** The JSON answer. */
        record Output(
                String instance,
                int vehicles,
                double distance,
                List<RoutePlan.Unassigned> unassigned,
                List<List<Integer>> routes,
                boolean feasible,
                List<String> problems,
                double seconds,
                long seed) {}

        @Override
        public Integer call() throws IOException {
            RouteSearch.Limits limits = limits(seconds, options.seed);
            output.check(null, file);
            SolomonInstance instance = SolomonInstance.read(file);
            RoutePlan plan = RouteSearch.solve(instance.problem(), java.util.Map.of(), limits, CliProgress.monitor());
            List<List<Integer>> routes = plan.routes().stream()
                    .filter(RoutePlan.Route::used)
                    .map(r -> r.stops().stream()
                            .map(v -> Integer.parseInt(v.stopId()))
                            .toList())
                    .toList();
            SolomonCheck check = SolomonCheck.of(instance, routes);
            Output o = new Output(
                    instance.name(),
                    check.vehicles(),
                    check.distance(),
                    plan.unassigned(),
                    routes,
                    check.feasible(),
                    check.problems(),
                    plan.seconds(),
                    options.seed);
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                out.println(Json.write(o));
            } else {
                out.printf(
                        Locale.ROOT,
                        "%s: %d vehicles, distance %.2f, %s (%.1f s, seed %d)%n",
                        o.instance(),
                        o.vehicles(),
                        o.distance(),
                        o.feasible() ? "feasible" : "NOT feasible",
                        o.seconds(),
                        options.seed);
                for (String p : o.problems()) {
                    out.println("  " + p);
                }
                for (RoutePlan.Unassigned u : o.unassigned()) {
                    out.println("  unassigned " + u.stopId() + ": " + u.reason());
                }
                for (int i = 0; i < routes.size(); i++) {
                    out.printf(Locale.ROOT, "  route %2d: %s%n", i + 1, routes.get(i));
                }
            }
            out.flush();
            if (output.any()) {
                output.write(
                        quant.core.catalog.FileReports.solomon(instance.name(), plan, routes, check),
                        BusinessSettings.DEFAULTS,
                        spec.commandLine().getErr());
            }
            return QuantCommand.OK;
        }
    }

    @Command(
            name = "travel-times",
            mixinStandardHelpOptions = true,
            description = "Import a travel-time matrix (CSV: from,to,minutes[,km], places by technician or customer"
                    + " reference) that route planning uses instead of the coordinate rule, or remove it.")
    static final class TravelTimesCommand implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        RouteCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The matrix to import.")
        Path file;

        @Option(names = "--clear", description = "Remove the imported matrix: travel comes from coordinates again.")
        boolean clear;

        @Override
        public Integer call() throws IOException {
            if ((file == null) == !clear) {
                throw new ParameterException(spec.commandLine(), "Give either a FILE to import or --clear");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = Store.openExisting(parent.parent.database())) {
                if (clear) {
                    int n = TravelTimes.clear(store);
                    out.printf(Locale.ROOT, "Removed %,d travel times; travel comes from coordinates.%n", n);
                } else {
                    int n = TravelTimes.replace(store, TravelTimes.read(file).values());
                    out.printf(
                            Locale.ROOT,
                            "Imported %,d travel times from %s; they replace any imported before.%n",
                            n,
                            file.getFileName());
                }
            }
            out.flush();
            return QuantCommand.OK;
        }
    }

    /** The options every route command shares: the random seed and JSON output. */
    static final class SearchOptions {
        @Option(
                names = "--seed",
                paramLabel = "N",
                defaultValue = "1",
                description = "Random seed, any whole number (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--json", description = "Print JSON (keys in docs/cli.md).")
        boolean json;
    }

    /** Checks a run-sheet file before the plan is made: .pdf or .csv, a writable place, not the database. */
    static Path checkedSheets(Path file, StoreLocation database) {
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".pdf") && !name.endsWith(".csv")) {
            throw new InvalidSpecException("--sheets names " + file + "; run sheets are written as .pdf or .csv.");
        }
        return quant.core.io.OutputPath.check(file, "--sheets", database.protectedFiles());
    }
}
