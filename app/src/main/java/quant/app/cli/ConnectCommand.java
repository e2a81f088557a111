package quant.app.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.connections.Connections;
import quant.core.secrets.SecretStore;
import quant.core.store.Store;
import quant.importers.api.ApiClient;
import quant.importers.api.Connector;

/**
 * {@code quant connect VENDOR [--base-url URL]}: connects the database to a vendor's API. The token or
 * key is read from standard input (or asked for in a terminal), checked with one request, and kept in
 * the credential store; the database keeps only where the API is and the name the token is kept under.
 */
@Command(
        name = "connect",
        mixinStandardHelpOptions = true,
        description = {
            "Connect the database to a vendor's API (hubspot: a private app's access token; stripe: a restricted"
                    + " key; quickbooks, xero, salesforce: your own app's client id with --client-id (QuickBooks: its"
                    + " secret on standard input), then the browser asks you). The token or secret is read from standard input, e.g. quant"
                    + " connect hubspot < token.txt, never from the command line, and kept in the credential store."
        })
final class ConnectCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "VENDOR",
            description = "hubspot, stripe (a token or key), quickbooks, xero or salesforce (your own app, through the"
                    + " browser).")
    String vendor;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "Reach the API at another address (a proxy, a sandbox, a test server).")
    URI baseUrl;

    @Option(
            names = "--client-id",
            paramLabel = "ID",
            description = "QuickBooks, Xero, Salesforce: your own app's client id (QuickBooks' client secret is read"
                    + " from standard input).")
    String clientId;

    @Option(
            names = "--redirect-port",
            paramLabel = "PORT",
            defaultValue = "53682",
            description =
                    "QuickBooks, Xero, Salesforce: the port of the redirect address http://127.0.0.1:PORT/callback registered with"
                            + " your app, 0 to 65,535 (default ${DEFAULT-VALUE}; 0: any free port).")
    int redirectPort;

    @Option(
            names = "--secrets-passphrase-file",
            paramLabel = "FILE",
            description = "Where there is no credential store: the passphrase of the encrypted secrets file, on the"
                    + " first line of FILE (or set QUANT_SECRETS_PASSPHRASE).")
    Path secretsPassphrase;

    @Override
    public Integer call() throws Exception {
        Connector connector = ConnectorAccess.connector(vendor);
        if (connector.auth() == Connector.Auth.OAUTH) {
            return oauth(connector);
        }
        URI base = baseUrl == null ? connector.defaultBaseUrl() : withSlash(baseUrl);
        char[] token = token(connector);
        SecretStore secrets = CliSecrets.open(secretsPassphrase);
        String account = connector.check(new ApiClient(connector.vendor(), base, token::clone), CliProgress.monitor());
        var out = spec.commandLine().getOut();
        return Store.writeInto(parent.databaseToWrite(), store -> {
            String ref = Connections.ApiConnection.newSecretRef(connector.name());
            Connections.find(store, connector.name()).ifPresent(old -> secrets.remove(old.secretRef()));
            secrets.put(ref, token);
            java.util.Arrays.fill(token, '\0');
            Connections.save(
                    store,
                    new Connections.ApiConnection(
                            connector.name(), base, null, account, OffsetDateTime.now(), null, ref));
            out.println("Connected to " + connector.vendor().title() + (account == null ? "" : " (" + account + ")")
                    + " at " + base + "; the token is in " + secrets.describe() + ". Sync with quant sync "
                    + connector.name() + ".");
            out.flush();
            return QuantCommand.OK;
        });
    }

    /**
     * OAuth: the app's client id from {@code --client-id}, its secret from standard input; the vendor's page
     * opens in the browser (or its address is printed), and the answer comes back to a loopback listener.
     */
    private int oauth(Connector connector) throws Exception {
        if (clientId == null || clientId.isBlank()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    connector.vendor().title() + " connects through your own app: give its client id with --client-id"
                            + " and its client secret on standard input.");
        }
        char[] secret = connector.oauth().secretRequired() ? secret(connector, "app's client secret") : null;
        SecretStore secrets = CliSecrets.open(secretsPassphrase);
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        return Store.writeInto(parent.databaseToWrite(), store -> {
            String ref = Connections.ApiConnection.newSecretRef(connector.name());
            var connected = quant.importers.api.oauth.OAuthConnect.connect(
                    connector,
                    baseUrl == null ? null : withSlash(baseUrl),
                    clientId.strip(),
                    secret,
                    secrets,
                    ref,
                    uri -> browse(uri, err),
                    redirectPort,
                    CliProgress.monitor());
            Connections.find(store, connector.name())
                    .ifPresent(old -> quant.importers.api.SavedConnections.forget(old, secrets));
            Connections.save(
                    store,
                    new Connections.ApiConnection(
                            connector.name(),
                            connected.api(),
                            clientId.strip(),
                            connected.account(),
                            OffsetDateTime.now(),
                            null,
                            ref));
            out.println("Connected to " + connector.vendor().title()
                    + (connected.account() == null ? "" : " (" + connected.account() + ")") + "; the tokens are in "
                    + secrets.describe() + ". Sync with quant sync " + connector.name() + ".");
            out.flush();
            return QuantCommand.OK;
        });
    }

    /** Opens the vendor's page in the desktop's browser, or prints its address where there is none. */
    static void browse(URI uri, java.io.PrintWriter err) {
        err.println(
                "Opening " + uri.getHost() + " in your browser to let Quant Workbench in; if nothing opens, go to:");
        err.println(uri);
        err.flush();
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless()
                    && java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                java.awt.Desktop.getDesktop().browse(uri);
            }
        } catch (java.io.IOException | UnsupportedOperationException e) {
            // the address is printed above
        }
    }

    private char[] token(Connector connector) throws Exception {
        return secret(connector, connector.name().equals("stripe") ? "key" : "access token");
    }

    private char[] secret(Connector connector, String thing) throws Exception {
        String what = connector.vendor().title() + " " + thing;
        char[] token;
        if (System.console() != null && System.console().isTerminal()) {
            token = System.console().readPassword("%s: ", what);
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            token = line == null ? null : line.strip().toCharArray();
        }
        if (token == null || token.length == 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "No " + what + " on standard input; give it with quant connect " + connector.name()
                            + " < token.txt (never on the command line).");
        }
        return token;
    }

    static URI withSlash(URI u) {
        String s = u.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }
}
