package quant.app.cli;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.InvalidSpecException;
import quant.core.report.TextReport;
import quant.core.routing.DayPlan;
import quant.core.routing.DayPlanner;
import quant.core.routing.KeptPlans;
import quant.core.routing.RouteReports;
import quant.core.routing.RouteSearch;
import quant.core.routing.RouteSettings;
import quant.core.routing.RunSheets;
import quant.core.routing.WorkDay;
import quant.core.routing.WorkDayReader;
import quant.core.settings.BusinessSettings;
import quant.core.store.Store;

/**
 * {@code quant route replan}: the window's Cancel job and Add emergency… on the command line. The day
 * is planned, then planned again from a time of day: work started by then stays, cancelled jobs leave,
 * emergencies join.
 */
@Command(
        name = "replan",
        mixinStandardHelpOptions = true,
        description = "Plan a day, then re-plan it from a time of day with jobs cancelled or emergencies added.")
final class RouteReplanCommand implements Callable<Integer> {
    @ParentCommand
    RouteCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--date", required = true, paramLabel = "DATE", description = "The day.")
    LocalDate date;

    @Option(names = "--at", required = true, paramLabel = "HH:MM", description = "Re-plan from this time of day.")
    String at;

    @Option(
            names = "--cancel",
            paramLabel = "JOB",
            split = ",",
            description = "Jobs (by reference) that leave the day; their work must not have started by --at.")
    List<String> cancel = new ArrayList<>();

    @Option(
            names = "--emergency",
            paramLabel = "CUSTOMER:LINE:HOURS[:PRIORITY[:HH:MM-HH:MM]]",
            description = "A job to add, for a customer (by reference) with a map position: the service line it"
                    + " needs, hours on site, priority (default emergency) and arrival window (default from --at to"
                    + " the end of the day). Repeat for several.")
    List<String> emergencies = new ArrayList<>();

    @Option(
            names = "--seconds",
            paramLabel = "S",
            defaultValue = "10",
            description = "Time limit of each search, more than 0, at most 3,600 (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(
            names = "--keep",
            paramLabel = "NAME",
            description = "Keep the re-planned day in the database under this name (the jobs are not changed).")
    String keep;

    @Mixin
    RouteCommand.SearchOptions options;

    @Mixin
    ReportOutput output;

    @Override
    public Integer call() throws IOException {
        RouteSearch.Limits limits = RouteCommand.limits(seconds, options.seed);
        int now = clock(at, "--at");
        if (cancel.isEmpty() && emergencies.isEmpty()) {
            throw new InvalidSpecException("Say what changed: --cancel a job, or add one with --emergency.");
        }
        output.check(parent.parent.database());
        DayPlan replanned;
        Long kept = null;
        BusinessSettings settings;
        try (Store store = Store.openExisting(parent.parent.database())) {
            WorkDay day = WorkDayReader.read(store, date);
            settings = BusinessSettings.read(store);
            List<DayPlanner.Addition> added = additions(WorkDayReader.locatedCustomers(store), now);
            DayPlan first = DayPlanner.plan(day, RouteSettings.of(settings), limits, CliProgress.monitor());
            replanned = DayPlanner.replan(first, now, jobIds(day), added, limits, CliProgress.monitor());
            if (keep != null) {
                try {
                    kept = KeptPlans.save(store, replanned, keep, options.seed);
                } catch (IllegalArgumentException e) {
                    throw new InvalidSpecException(e.getMessage());
                }
            }
        }
        DayPlan plan = replanned;
        Long keptId = kept;
        output.report(
                spec,
                options.json,
                new RouteCommand.Day.Output(plan, keptId),
                () -> RouteReports.day(plan),
                settings,
                TextReport.DEFAULT_ROWS);
        if (!options.json) {
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%nRe-planned from %s%s.%n",
                            RunSheets.clock(now),
                            keptId == null ? "" : "; kept as plan " + keptId + ", \"" + keep.strip() + "\"");
            spec.commandLine().getOut().flush();
        }
        return QuantCommand.OK;
    }

    /** The ids of the cancelled jobs, by their references. */
    private Set<String> jobIds(WorkDay day) {
        Set<String> ids = new HashSet<>();
        for (String ref : cancel) {
            String r = ref.strip();
            WorkDay.Job job = day.jobs().stream()
                    .filter(j -> j.ref().equalsIgnoreCase(r))
                    .findFirst()
                    .orElseThrow(() -> new InvalidSpecException("There is no job " + r + " booked on " + date + "."));
            ids.add(String.valueOf(job.id()));
        }
        return ids;
    }

    private List<DayPlanner.Addition> additions(List<WorkDayReader.Customer> customers, int now) {
        List<DayPlanner.Addition> out = new ArrayList<>();
        int n = 0;
        for (String e : emergencies) {
            String[] p = e.split(":", 5);
            if (p.length < 3) {
                throw new InvalidSpecException("--emergency " + e + " needs CUSTOMER:LINE:HOURS at least.");
            }
            String ref = p[0].strip();
            WorkDayReader.Customer c = customers.stream()
                    .filter(x -> x.ref().equalsIgnoreCase(ref))
                    .findFirst()
                    .orElseThrow(() -> new InvalidSpecException(
                            "There is no customer " + ref + " with a map position for --emergency."));
            double hours;
            try {
                hours = Double.parseDouble(p[2].strip());
            } catch (NumberFormatException x) {
                throw new InvalidSpecException(
                        "--emergency " + e + ": the hours on site must be a number, not \"" + p[2].strip() + "\".");
            }
            String priority = p.length > 3 ? p[3].strip().toLowerCase(Locale.ROOT) : "emergency";
            if (!List.of("low", "normal", "high", "emergency").contains(priority)) {
                throw new InvalidSpecException("--emergency " + e
                        + ": the priority is low, normal, high or emergency, not \"" + priority + "\".");
            }
            int from = now;
            int until = 24 * 60 - 1;
            if (p.length > 4) {
                String[] w = p[4].split("-", 2);
                if (w.length != 2) {
                    throw new InvalidSpecException("--emergency " + e + ": the window is HH:MM-HH:MM.");
                }
                from = clock(w[0], "--emergency");
                until = clock(w[1], "--emergency");
            }
            out.add(new DayPlanner.Addition(
                    "NEW" + (++n),
                    c.name(),
                    c.ref(),
                    c.address(),
                    c.lat(),
                    c.lon(),
                    p[1].strip(),
                    priority,
                    hours,
                    from,
                    until));
        }
        return out;
    }

    /** Minutes since midnight of {@code HH:MM}. */
    static int clock(String text, String option) {
        String t = text.strip();
        int colon = t.indexOf(':');
        try {
            int h = Integer.parseInt(colon < 0 ? "x" : t.substring(0, colon));
            int m = Integer.parseInt(t.substring(colon + 1));
            if (h >= 0 && h < 24 && m >= 0 && m < 60 && t.length() - colon == 3) {
                return h * 60 + m;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new InvalidSpecException(option + " takes a time of day as HH:MM (00:00 to 23:59), not \"" + t + "\".");
    }
}
