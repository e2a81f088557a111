package quant.importers.api.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import quant.core.job.JobMonitor;
import quant.core.secrets.SecretStore;
import quant.importers.api.ApiClient;
import quant.importers.api.Connector;

/**
 * Connecting and reaching an OAuth connector: the loopback authorisation in the user's browser, the
 * code exchanged for tokens (kept in the credential store with the app's client secret, where the vendor
 * requires one), the company's API address and name; and, for a saved connection, credentials that renew
 * the access token. With {@code --base-url} every endpoint moves to that host ({@link Connector#onHost}).
 */
public final class OAuthConnect {
    /**
     * The loopback port of the redirect address {@code http://127.0.0.1:53682/callback}, which the user
     * registers with their app: vendors that match redirect addresses exactly need a fixed one.
     */
    public static final int REDIRECT_PORT = 53682;

    /** How long the user has to approve the access in the browser. */
    public static final Duration WAIT = Duration.ofMinutes(10);

    /** An authorised connection: its API address and the account's name (or null). */
    public record Connected(URI api, String account) {}

    private OAuthConnect() {}

    /** The secret key of the app's client secret, beside the tokens' key. */
    public static String clientSecretKey(String secretRef) {
        return secretRef + ":client-secret";
    }

    public static Connected connect(
            Connector connector,
            URI host,
            String clientId,
            char[] clientSecret,
            SecretStore secrets,
            String secretRef,
            Consumer<URI> browser,
            int redirectPort,
            JobMonitor monitor)
            throws IOException {
        Connector.OAuth o = connector.oauth();
        if (clientId == null || clientId.isBlank()) {
            throw new quant.core.importing.ImportException(
                    quant.core.importing.ImportException.Kind.SETTINGS,
                    connector.vendor().title() + " connects through your own app: give its client id (--client-id).");
        }
        if (o.secretRequired() && (clientSecret == null || clientSecret.length == 0)) {
            throw new quant.core.importing.ImportException(
                    quant.core.importing.ImportException.Kind.SETTINGS,
                    connector.vendor().title() + " requires the app's client secret as well as its id.");
        }
        URI authorize = host == null ? o.authorize() : Connector.onHost(o.authorize(), host);
        URI base = host == null ? connector.defaultBaseUrl() : host;
        Map<String, String> parameters = new LinkedHashMap<>(o.extra());
        parameters.put("client_id", clientId);
        parameters.put("scope", o.scope());
        LoopbackAuthorization.Grant grant =
                LoopbackAuthorization.authorize(authorize, parameters, browser, redirectPort, WAIT, monitor);
        OAuthTokens tokens = tokens(connector, host, clientId, clientSecret, secrets, secretRef);
        JsonNode answer = tokens.exchange(grant);
        URI api = connector.apiBase(base, grant.parameters(), answer);
        tokens.keepHeaders(connector.connectionHeaders(new ApiClient(connector.vendor(), api, tokens), monitor));
        String account = connector.check(new ApiClient(connector.vendor(), api, tokens), monitor);
        if (clientSecret != null && clientSecret.length > 0) {
            secrets.put(clientSecretKey(secretRef), clientSecret);
        }
        return new Connected(api, account);
    }

    /**
     * Credentials for a saved connection: its tokens, renewed at the vendor's token endpoint (on the
     * connection's host when it is not the vendor's own).
     */
    public static OAuthTokens credentials(
            Connector connector, URI api, String clientId, SecretStore secrets, String secretRef) {
        URI host = api.getHost().equals(connector.defaultBaseUrl().getHost()) ? null : api;
        char[] secret = secrets.get(clientSecretKey(secretRef)).orElse(null);
        return tokens(connector, host, clientId, secret, secrets, secretRef);
    }

    private static OAuthTokens tokens(
            Connector connector, URI host, String clientId, char[] secret, SecretStore secrets, String secretRef) {
        URI token = host == null
                ? connector.oauth().token()
                : Connector.onHost(connector.oauth().token(), host);
        return new OAuthTokens(connector.vendor(), new OAuthTokens.Client(token, clientId, secret), secrets, secretRef);
    }
}
