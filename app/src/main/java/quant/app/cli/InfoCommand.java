package quant.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.Json;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.core.store.StoreInfo;

/** {@code quant info [--json]}: where the database is, its schema version and its row counts. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Show the database path, schema version and row counts.")
final class InfoCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--json",
            description =
                    "Print JSON: {\"database\", \"engine\" (h2 or postgresql), \"role\" (viewer, analyst or admin),"
                            + " \"schemaVersion\", \"dataVersion\", \"readOnly\" (why, when it is),"
                            + " \"tables\": {name: rows}}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        StoreInfo info;
        String readOnly;
        try (Store store = Store.openExisting(parent.database())) {
            info = store.info();
            readOnly = store.readOnlyReason();
        }
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("database", info.database());
            doc.put("engine", info.engine());
            doc.put("role", info.role());
            doc.put("schemaVersion", info.schemaVersion());
            doc.put("dataVersion", info.dataVersion());
            if (readOnly != null) {
                doc.put("readOnly", readOnly);
            }
            Map<String, Long> tables = new LinkedHashMap<>();
            for (DomainTable t : DomainTable.values()) {
                tables.put(t.sqlName(), info.rowCounts().get(t));
            }
            doc.put("tables", tables);
            out.println(Json.write(doc));
        } else {
            out.printf("Database:       %s%n", info.database());
            out.printf("Engine:         %s%n", info.engine().equals("h2") ? "H2 file" : "PostgreSQL server");
            out.printf("Your role:      %s%n", info.role());
            out.printf("Schema version: %s%n", info.schemaVersion());
            out.printf("Data version:   %d%n", info.dataVersion());
            if (readOnly != null) {
                out.printf("Read-only:      %s%n", readOnly);
            }
            out.println();
            for (DomainTable t : DomainTable.values()) {
                out.printf("%-24s %,12d%n", t.sqlName(), info.rowCounts().get(t));
            }
        }
        out.flush();
        return QuantCommand.OK;
    }
}
