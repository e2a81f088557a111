package quant.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Json;
import quant.core.routing.KeptPlans;
import quant.core.store.Store;

/** {@code quant route kept}: the plans kept for a day (the window's Kept plans tab), and deleting one. */
@Command(
        name = "kept",
        mixinStandardHelpOptions = true,
        description = "List the route plans kept for a day, or delete one.")
final class RouteKeptCommand implements Callable<Integer> {
    @ParentCommand
    RouteCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--date", paramLabel = "DATE", description = "The day whose kept plans to list.")
    LocalDate date;

    @Option(names = "--delete", paramLabel = "ID", description = "Delete the kept plan with this id (1 or more).")
    Long delete;

    @Option(names = "--json", description = "Print the list as JSON (keys in docs/cli.md).")
    boolean json;

    @Override
    public Integer call() {
        if ((date == null) == (delete == null)) {
            throw new InvalidSpecException("Give --date to list a day's kept plans, or --delete ID to delete one.");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = Store.openExisting(parent.parent.database())) {
            if (delete != null) {
                if (!KeptPlans.delete(store, delete)) {
                    throw new InvalidSpecException("There is no kept plan " + delete + ".");
                }
                out.println("Deleted kept plan " + delete + ".");
                out.flush();
                return QuantCommand.OK;
            }
            List<KeptPlans.Header> kept = KeptPlans.list(store, date);
            if (json) {
                out.println(Json.write(kept));
            } else if (kept.isEmpty()) {
                out.println("No plan is kept for " + date + ".");
            } else {
                out.printf(
                        "%5s  %-30s %-16s %8s %9s %10s %9s%n",
                        "id", "name", "kept", "planned", "left out", "driving", "km");
                for (KeptPlans.Header h : kept) {
                    out.printf(
                            Locale.ROOT,
                            "%5d  %-30s %-16s %8d %9d %6.0f min %9.1f%n",
                            h.id(),
                            h.label().length() > 30 ? h.label().substring(0, 29) + "…" : h.label(),
                            h.savedAt()
                                    .toLocalDateTime()
                                    .toString()
                                    .substring(0, 16)
                                    .replace('T', ' '),
                            h.planned(),
                            h.leftOut(),
                            h.travelMinutes(),
                            h.distanceKm());
                }
            }
        }
        out.flush();
        return QuantCommand.OK;
    }
}
