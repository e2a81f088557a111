package quant.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Json;
import quant.core.secrets.SecretStore;
import quant.core.store.Role;
import quant.core.store.ServerRoles;
import quant.core.store.Store;
import quant.core.store.StoreCopy;
import quant.core.store.StoreException;
import quant.core.store.StoreLocation;

/** {@code quant db copy|roles|password}: moving a database to a team server and back, and the server's roles. */
final class DbServerCommands {
    private DbServerCommands() {}

    @Command(
            name = "copy",
            mixinStandardHelpOptions = true,
            description = "Copy every table of the database to another: a file to a team server"
                    + " (--to jdbc:postgresql://…), a server back to a file, in one consistent read, then check"
                    + " every table's row count and checksum on both sides. An empty target is filled; one"
                    + " that holds data is refused unless --replace.")
    static final class Copy implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Spec
        CommandSpec spec;

        @Option(
                names = "--to",
                required = true,
                paramLabel = "FILE|URL",
                description = "The target: a database file, or jdbc:postgresql://host:port/database.")
        String to;

        @Option(names = "--replace", description = "Empty a target that holds data and put the copy in its place.")
        boolean replace;

        @Option(names = "--json", description = "Print {from, to, rows, seconds, tables: [{table, rows, sha256}]}.")
        boolean json;

        @Override
        public Integer call() {
            StoreLocation target = StoreLocation.parse(to);
            if (target instanceof StoreLocation.Server server) {
                ServerLogins.give(server);
            }
            StoreCopy.Result result;
            StoreLocation source;
            try (Store from = Store.openExisting(db.parent.database());
                    Store into = Store.open(target)) {
                source = from.location();
                result = StoreCopy.copy(from, into, replace, CliProgress.monitor());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("from", source.text());
                doc.put("to", target.text());
                doc.put("rows", result.rows());
                doc.put("seconds", result.took().toMillis() / 1000.0);
                doc.put("tables", result.tables());
                out.println(Json.write(doc));
            } else {
                out.printf(
                        Locale.ROOT,
                        "Copied %,d rows in %d tables from %s to %s in %.1f s; every table's row count and checksum"
                                + " agree.%n",
                        result.rows(),
                        result.tables().size(),
                        source.describe(),
                        target.describe(),
                        result.took().toMillis() / 1000.0);
            }
            out.flush();
            return QuantCommand.OK;
        }
    }

    @Command(
            name = "roles",
            mixinStandardHelpOptions = true,
            description = "The team server's roles: viewer (analyses, dashboard, exports), analyst (also imports,"
                    + " undo, settings, saved forecasts and plans, schedules), admin (also migrations and roles)."
                    + " With --init, make them and grant them on every table (an admin, once, and again after an"
                    + " update); with --grant USER --role ROLE, give a user a role; without options, list who has"
                    + " which.")
    static final class Roles implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Spec
        CommandSpec spec;

        @Option(
                names = "--init",
                description = "Make the roles quant_viewer, quant_analyst, quant_admin and grant them.")
        boolean init;

        @Option(names = "--grant", paramLabel = "USER", description = "The server user to give a role.")
        String user;

        @Option(names = "--role", paramLabel = "ROLE", description = "viewer, analyst or admin (with --grant).")
        String role;

        @Option(names = "--json", description = "Print {members: {user: role}} (after any change).")
        boolean json;

        @Override
        public Integer call() {
            if ((user == null) != (role == null)) {
                throw new InvalidSpecException("--grant USER and --role ROLE go together.");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = Store.openExisting(db.parent.database())) {
                List<String> done = new ArrayList<>();
                if (init) {
                    done.addAll(ServerRoles.init(store));
                }
                if (user != null) {
                    Role r = parse(role);
                    ServerRoles.grant(store, user, r);
                    done.add("gave " + user.toLowerCase(Locale.ROOT) + " the role " + r.word());
                }
                Map<String, Role> members = ServerRoles.members(store);
                if (json) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    Map<String, String> m = new LinkedHashMap<>();
                    members.forEach((k, v) -> m.put(k, v.word()));
                    doc.put("done", done);
                    doc.put("members", m);
                    out.println(Json.write(doc));
                } else {
                    done.forEach(d -> out.println(Character.toUpperCase(d.charAt(0)) + d.substring(1) + "."));
                    if (members.isEmpty()) {
                        out.println("No user has a workbench role yet (give one with --grant USER --role ROLE).");
                    }
                    members.forEach((k, v) -> out.printf("%-24s %s%n", k, v.word()));
                }
            }
            out.flush();
            return QuantCommand.OK;
        }

        private static Role parse(String word) {
            for (Role r : Role.values()) {
                if (r.word().equalsIgnoreCase(word.strip())) {
                    return r;
                }
            }
            throw new InvalidSpecException("--role " + word + " is not a role; give viewer, analyst or admin.");
        }
    }

    @Command(
            name = "password",
            mixinStandardHelpOptions = true,
            description = "Keep the password of the team server's user (named by --db) in the credential store,"
                    + " read from standard input (e.g. quant --db URL db password < file); --forget takes it out."
                    + " Without one, the PostgreSQL password file (~/.pgpass) is read.")
    static final class Password implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Spec
        CommandSpec spec;

        @Option(names = "--forget", description = "Take the kept password out of the credential store.")
        boolean forget;

        @Option(
                names = "--secrets-passphrase-file",
                paramLabel = "FILE",
                description = "Where there is no credential store: the passphrase of the encrypted secrets.json.")
        java.nio.file.Path secretsPassphrase;

        @Override
        public Integer call() throws java.io.IOException {
            if (!(db.parent.database() instanceof StoreLocation.Server server)) {
                throw new StoreException(
                        StoreException.Kind.REFUSED,
                        "A password is for a team server: name it with --db jdbc:postgresql://host:port/database.");
            }
            SecretStore secrets = CliSecrets.open(secretsPassphrase);
            PrintWriter out = spec.commandLine().getOut();
            if (forget) {
                secrets.remove(server.secretName());
                out.println("Forgot the password of " + server.user() + " for " + server.describe() + ".");
            } else {
                String line = new java.io.BufferedReader(
                                new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                        .readLine();
                if (line == null || line.isEmpty()) {
                    throw new InvalidSpecException("Give the password on standard input (quant db password < file).");
                }
                char[] password = line.toCharArray();
                try {
                    secrets.put(server.secretName(), password);
                } finally {
                    java.util.Arrays.fill(password, '\0');
                }
                out.println("Kept the password of " + server.user() + " for " + server.describe() + " in "
                        + secrets.describe() + ".");
            }
            out.flush();
            return QuantCommand.OK;
        }
    }
}
