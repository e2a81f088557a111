package quant.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.runs.RunUndo;
import quant.core.store.Store;

/** {@code quant undo RUN}: undo one import run as a whole. */
@Command(
        name = "undo",
        mixinStandardHelpOptions = true,
        description = "Undo an import run: delete the rows it added and restore the rows it changed.")
final class UndoCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run number shown by 'quant imports' (1 or more).")
    long run;

    @Override
    public Integer call() {
        try (Store store = Store.openExisting(parent.database())) {
            RunUndo.Result r = RunUndo.undo(store, run);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Undid import run %d: deleted %,d rows, restored %,d rows.%n",
                            run, r.deleted(), r.restored());
            spec.commandLine().getOut().flush();
            return QuantCommand.OK;
        }
    }
}
