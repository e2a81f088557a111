package quant.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Json;
import quant.core.analysis.SnapshotLoader;
import quant.core.market.MarketAnalysis;
import quant.core.market.SwotBoard;
import quant.core.store.Store;

/**
 * {@code quant market swot}: the SWOT board of a period (the window's board in Market position) —
 * shown, added to, taken from, or filled with the suggestions the figures make. Every change is saved
 * in one transaction.
 */
@Command(
        name = "swot",
        mixinStandardHelpOptions = true,
        description =
                "Show or edit the SWOT board of a period: add or remove entries, or add the figures' suggestions.")
final class MarketSwotCommand implements Callable<Integer> {
    @ParentCommand
    MarketCommand market;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--period",
            paramLabel = "LABEL",
            description = "The board's period, e.g. 2025 (default: the year of the data's last activity).")
    String period;

    @Option(
            names = "--add",
            paramLabel = "QUADRANT:TEXT",
            description =
                    "Add an entry: strengths, weaknesses, opportunities or threats, a colon, the text. Repeat for several.")
    List<String> add = new ArrayList<>();

    @Option(
            names = "--remove",
            paramLabel = "QUADRANT:TEXT",
            description = "Remove the entry with this quadrant and text. Repeat for several.")
    List<String> remove = new ArrayList<>();

    @Option(
            names = "--suggestions",
            description = "Add the suggestions the market figures make that are not on the board.")
    boolean suggestions;

    @Option(names = "--json", description = "Print the board as JSON: period and items[] (quadrant, text, suggested).")
    boolean json;

    record Board(String period, List<SwotBoard.Item> items) {}

    @Override
    public Integer call() {
        List<SwotBoard.Item> adding = add.stream().map(MarketSwotCommand::item).toList();
        List<SwotBoard.Item> removing =
                remove.stream().map(MarketSwotCommand::item).toList();
        Board board;
        boolean changed = !adding.isEmpty() || !removing.isEmpty() || suggestions;
        try (Store store = Store.openExisting(market.parent.database())) {
            var result = period == null || suggestions
                    ? MarketAnalysis.run(
                            new SnapshotLoader(store).load(MarketAnalysis.PARTS, CliProgress.monitor()),
                            Optional.empty(),
                            CliProgress.monitor())
                    : null;
            String p = period != null
                    ? period.strip()
                    : String.valueOf(result.asOf().date().getYear());
            List<SwotBoard.Item> items = new ArrayList<>(SwotBoard.read(store, p));
            for (SwotBoard.Item r : removing) {
                if (!items.removeIf(
                        i -> i.quadrant().equals(r.quadrant()) && i.text().equals(r.text()))) {
                    throw new InvalidSpecException("The " + p + " board has no " + r.quadrant() + " entry \"" + r.text()
                            + "\"; nothing was changed.");
                }
            }
            items.addAll(adding);
            if (suggestions) {
                for (SwotBoard.Item s : SwotBoard.suggested(result)) {
                    if (items.stream()
                            .noneMatch(i -> i.quadrant().equals(s.quadrant())
                                    && i.text().equals(s.text()))) {
                        items.add(s);
                    }
                }
            }
            if (changed) {
                try {
                    SwotBoard.save(store, p, items);
                } catch (IllegalArgumentException e) {
                    throw new InvalidSpecException(e.getMessage());
                }
            }
            board = new Board(p, List.copyOf(items));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(board));
        } else {
            out.println("SWOT board " + board.period() + (changed ? " (saved)" : ""));
            if (board.items().isEmpty()) {
                out.println("No entries. Add some with --add, or the figures' suggestions with --suggestions.");
            }
            for (String q : SwotBoard.QUADRANTS) {
                List<SwotBoard.Item> in = board.items().stream()
                        .filter(i -> i.quadrant().equals(q))
                        .toList();
                if (!in.isEmpty()) {
                    out.println();
                    out.println(Character.toUpperCase(q.charAt(0)) + q.substring(1) + ":");
                    in.forEach(i -> out.println("  - " + i.text() + (i.suggested() ? "  (suggested)" : "")));
                }
            }
        }
        out.flush();
        return QuantCommand.OK;
    }

    /** An entry as QUADRANT:TEXT. */
    private static SwotBoard.Item item(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new InvalidSpecException(
                    "A SWOT entry is QUADRANT:TEXT, e.g. strengths:Fast response; not \"" + text + "\".");
        }
        try {
            return new SwotBoard.Item(text.substring(0, colon), text.substring(colon + 1), false);
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(e.getMessage());
        }
    }
}
