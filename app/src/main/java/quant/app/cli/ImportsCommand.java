package quant.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.Json;
import quant.core.runs.RunHistory;
import quant.core.store.Store;

/** {@code quant imports [--limit N] [--json]}: the import history, newest first. */
@Command(name = "imports", mixinStandardHelpOptions = true, description = "List the import history, newest first.")
final class ImportsCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--limit",
            defaultValue = "50",
            paramLabel = "N",
            description = "Show at most N runs, 1 to 100,000 (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the runs as a JSON array.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<RunHistory.Run> runs;
        try (Store store = Store.openExisting(parent.database())) {
            runs = RunHistory.runs(store, limit);
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(runs));
        } else if (runs.isEmpty()) {
            out.println("No imports yet.");
        } else {
            out.printf(
                    "%5s  %-19s  %-28s %10s  %-16s  %-22s %9s %9s %9s %9s  %s%n",
                    "run",
                    "started",
                    "from",
                    "size",
                    "sha-256",
                    "table",
                    "read",
                    "inserted",
                    "updated",
                    "rejected",
                    "outcome");
            for (RunHistory.Run r : runs) {
                out.printf(
                        "%5d  %-19s  %-28s %10s  %-16s  %-22s %,9d %,9d %,9d %,9d  %s%n",
                        r.id(),
                        r.startedAt().toLocalDateTime().withNano(0).toString().replace('T', ' '),
                        r.origin().length() <= 28 ? r.origin() : r.origin().substring(0, 27) + "…",
                        r.fileSize() == null ? "" : String.format("%,d", r.fileSize()),
                        r.sha256() == null
                                ? "until " + (r.watermark() == null ? "-" : r.watermark())
                                : r.sha256()
                                        .substring(0, Math.min(16, r.sha256().length())),
                        r.table(),
                        r.read(),
                        r.inserted(),
                        r.updated(),
                        r.rejected(),
                        r.outcome().code() + (r.undoneAt() != null ? " (undone)" : ""));
            }
        }
        out.flush();
        return QuantCommand.OK;
    }
}
