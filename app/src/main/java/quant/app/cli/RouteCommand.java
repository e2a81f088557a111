package quant.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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

/** {@code quant route}: route planning, and the Solomon benchmark instances. */
@Command(
        name = "route",
        mixinStandardHelpOptions = true,
        description = "Plan technicians' routes, or solve a Solomon VRPTW benchmark instance.",
        subcommands = {
            RouteCommand.Day.class,
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
        throw new ParameterException(spec.commandLine(), "Name what to plan: route day, route month or route solomon");
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

        /** The JSON answer: the plan, and the id it was kept under (null when not kept). */
        record Output(
                @com.fasterxml.jackson.annotation.JsonUnwrapped
                DayPlan plan,

                Long keptId) {}

        @Override
        public Integer call() {
            RouteSearch.Limits limits = limits(seconds, options.seed);
            DayPlan plan;
            Long kept = null;
            CliMoney money;
            try (Store store = Store.openExisting(parent.parent.database())) {
                WorkDay day = WorkDayReader.read(store, date);
                BusinessSettings settings = BusinessSettings.read(store);
                money = CliMoney.of(settings);
                plan = DayPlanner.plan(day, RouteSettings.of(settings), limits, CliProgress.monitor());
                if (keep != null) {
                    try {
                        kept = KeptPlans.save(store, plan, keep, options.seed);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidSpecException(e.getMessage());
                    }
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                out.println(Json.write(new Output(plan, kept)));
            } else {
                RouteText.print(out, plan, money);
                if (kept != null) {
                    out.printf("%nKept as plan %d, \"%s\".%n", kept, keep.strip());
                }
            }
            out.flush();
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

        @Override
        public Integer call() {
            limits(seconds, options.seed);
            MonthComparison m;
            CliMoney money;
            try (Store store = Store.openExisting(parent.parent.database())) {
                BusinessSettings settings = BusinessSettings.read(store);
                money = CliMoney.of(settings);
                m = MonthComparison.run(
                        store, month, RouteSettings.of(settings), seconds, options.seed, CliProgress.monitor());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                out.println(Json.write(m));
            } else {
                RouteText.print(out, m, money);
            }
            out.flush();
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
}
