package quant.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.connections.Connections;
import quant.core.store.Store;
import quant.core.store.StoreException;
import quant.importers.api.Connector;

/** {@code quant disconnect VENDOR}: forgets a connection and its token; the data it brought stays. */
@Command(
        name = "disconnect",
        mixinStandardHelpOptions = true,
        description = "Forget a connection and its token; the rows it brought and their history stay (undo them in"
                + " quant imports / quant undo).")
final class DisconnectCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VENDOR", description = "The connection to forget.")
    String vendor;

    @Option(
            names = "--secrets-passphrase-file",
            paramLabel = "FILE",
            description = "Where there is no credential store: the passphrase of the encrypted secrets file, on the"
                    + " first line of FILE (or set QUANT_SECRETS_PASSPHRASE).")
    Path secretsPassphrase;

    @Override
    public Integer call() throws Exception {
        Connector connector = ConnectorAccess.connector(vendor);
        var out = spec.commandLine().getOut();
        return Store.writeInto(parent.databaseToWrite(), store -> {
            Connections.ApiConnection saved = Connections.find(store, connector.name())
                    .orElseThrow(() -> new StoreException(
                            StoreException.Kind.REFUSED,
                            "The database is not connected to "
                                    + connector.vendor().title() + "."));
            quant.importers.api.SavedConnections.forget(saved, CliSecrets.open(secretsPassphrase));
            Connections.delete(store, connector.name());
            out.println("Disconnected from " + connector.vendor().title() + "; its token is forgotten. The rows it"
                    + " brought stay.");
            out.flush();
            return QuantCommand.OK;
        });
    }
}
