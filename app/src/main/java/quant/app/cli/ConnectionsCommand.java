package quant.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.Json;
import quant.core.connections.Connections;
import quant.core.store.Store;

/** {@code quant connections [--json]}: the database's connections and each object's last sync. */
@Command(
        name = "connections",
        mixinStandardHelpOptions = true,
        description = "List the database's API connections and what each object's last sync did.")
final class ConnectionsCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the connections as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Store store = Store.openExisting(parent.database())) {
            for (Connections.ApiConnection c : Connections.all(store)) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("connector", c.connector());
                doc.put("baseUrl", c.baseUrl().toString());
                doc.put("account", c.account());
                doc.put("connectedAt", c.connectedAt().toString());
                doc.put("syncEveryHours", c.syncEveryHours());
                List<Map<String, Object>> objects = new ArrayList<>();
                for (Connections.LastSync s : Connections.lastSyncs(store, c.connector())) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("object", s.object());
                    m.put("at", s.at().toString());
                    m.put("outcome", s.outcome().code() + (s.undone() ? " (undone)" : ""));
                    m.put("read", s.read());
                    m.put("inserted", s.inserted());
                    m.put("updated", s.updated());
                    m.put("unchanged", s.unchanged());
                    m.put("upTo", s.watermark());
                    objects.add(m);
                }
                doc.put("lastSync", objects);
                docs.add(doc);
            }
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(docs));
        } else if (docs.isEmpty()) {
            out.println("No connections; connect one with quant connect VENDOR.");
        } else {
            for (Map<String, Object> d : docs) {
                out.printf(
                        "%s at %s%s, connected %s%n",
                        d.get("connector"),
                        d.get("baseUrl"),
                        d.get("account") == null ? "" : " (" + d.get("account") + ")",
                        String.valueOf(d.get("connectedAt")).substring(0, 16).replace('T', ' '));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> objects = (List<Map<String, Object>>) d.get("lastSync");
                if (objects.isEmpty()) {
                    out.println("  not synced yet");
                }
                for (Map<String, Object> o : objects) {
                    out.printf(
                            "  %-12s %s  %-22s %,9d read %,9d inserted %,9d updated %,9d unchanged%n",
                            o.get("object"),
                            String.valueOf(o.get("at")).substring(0, 16).replace('T', ' '),
                            o.get("outcome"),
                            (Long) o.get("read"),
                            (Long) o.get("inserted"),
                            (Long) o.get("updated"),
                            (Long) o.get("unchanged"));
                }
            }
        }
        out.flush();
        return QuantCommand.OK;
    }
}
