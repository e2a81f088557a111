package quant.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.Json;
import quant.core.connections.Connections;
import quant.core.secrets.SecretStore;
import quant.core.store.Store;
import quant.core.store.StoreException;
import quant.importers.api.Connector;
import quant.importers.api.Sync;

/**
 * {@code quant sync [VENDOR] [--full] [--json]}: brings each connection's changes since its last sync
 * into the database, every object of a connection in one run (all or nothing).
 */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = "Sync the database with its connected APIs (all of them, or VENDOR): what changed since the last"
                + " sync, or everything with --full; each connection all or nothing.")
final class SyncCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "VENDOR", description = "Sync only this connection.")
    String vendor;

    @Option(names = "--full", description = "Read everything again instead of the changes since the last sync.")
    boolean full;

    @Option(names = "--json", description = "Print what each object's sync did as JSON.")
    boolean json;

    @Option(
            names = "--secrets-passphrase-file",
            paramLabel = "FILE",
            description = "Where there is no credential store: the passphrase of the encrypted secrets file, on the"
                    + " first line of FILE (or set QUANT_SECRETS_PASSPHRASE).")
    Path secretsPassphrase;

    @Override
    public Integer call() throws Exception {
        Connector only = vendor == null ? null : ConnectorAccess.connector(vendor);
        var out = spec.commandLine().getOut();
        return Store.writeInto(parent.databaseToWrite(), store -> {
            List<Connections.ApiConnection> connections = new ArrayList<>();
            for (Connections.ApiConnection c : Connections.all(store)) {
                if (only == null || only.name().equals(c.connector())) {
                    connections.add(c);
                }
            }
            if (connections.isEmpty()) {
                throw new StoreException(
                        StoreException.Kind.REFUSED,
                        (only == null
                                        ? "The database has no connection"
                                        : "The database is not connected to "
                                                + only.vendor().title())
                                + "; connect first with quant connect " + (only == null ? "VENDOR" : only.name())
                                + ".");
            }
            SecretStore secrets = CliSecrets.open(secretsPassphrase);
            List<Sync.Report> reports = new ArrayList<>();
            for (Connections.ApiConnection c : connections) {
                Connector connector = ConnectorAccess.connector(c.connector());
                reports.add(Sync.run(
                        store, connector, ConnectorAccess.client(connector, c, secrets), full, CliProgress.monitor()));
            }
            if (json) {
                out.println(
                        Json.write(reports.stream().map(SyncCommand::document).toList()));
            } else {
                for (Sync.Report r : reports) {
                    out.printf("%s%s:%n", r.connector(), r.full() ? " (full)" : "");
                    out.printf(
                            "  %-12s %9s %9s %9s %9s  %s%n",
                            "object", "read", "inserted", "updated", "unchanged", "up to");
                    for (Sync.ObjectResult o : r.objects()) {
                        out.printf(
                                "  %-12s %,9d %,9d %,9d %,9d  %s%n",
                                o.object(),
                                o.result().read(),
                                o.result().inserted(),
                                o.result().updated(),
                                o.result().unchanged(),
                                o.reached() != null ? o.reached() : o.from() != null ? o.from() : "-");
                    }
                }
            }
            out.flush();
            return QuantCommand.OK;
        });
    }

    static Map<String, Object> document(Sync.Report r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("connector", r.connector());
        doc.put("full", r.full());
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Sync.ObjectResult o : r.objects()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("object", o.object());
            m.put("from", o.from());
            m.put("read", o.result().read());
            m.put("inserted", o.result().inserted());
            m.put("updated", o.result().updated());
            m.put("unchanged", o.result().unchanged());
            m.put("upTo", o.reached() != null ? o.reached() : o.from());
            m.put("run", o.result().runId());
            objects.add(m);
        }
        doc.put("objects", objects);
        return doc;
    }
}
