package quant.importers.api;

import quant.core.connections.Connections;
import quant.core.importing.ImportException;
import quant.core.secrets.SecretStore;
import quant.importers.api.oauth.OAuthConnect;

/** A client for a saved connection, its token (or OAuth tokens, renewed as they expire) from the credential store. */
public final class SavedConnections {
    private SavedConnections() {}

    public static ApiClient client(Connector connector, Connections.ApiConnection saved, SecretStore secrets) {
        if (secrets.get(saved.secretRef()).isEmpty()) {
            throw new ImportException(
                    ImportException.Kind.SOURCE,
                    connector.vendor().title() + "'s token is not in " + secrets.describe()
                            + " on this computer; connect again with "
                            + connector.vendor().reconnect() + ".");
        }
        ApiClient.Credentials credentials = connector.auth() == Connector.Auth.OAUTH
                ? OAuthConnect.credentials(connector, saved.baseUrl(), saved.clientId(), secrets, saved.secretRef())
                : () -> secrets.get(saved.secretRef())
                        .orElseThrow(() -> new ImportException(
                                ImportException.Kind.SOURCE,
                                connector.vendor().title() + "'s token was removed during the sync."));
        return new ApiClient(connector.vendor(), saved.baseUrl(), credentials);
    }

    /** Forgets every secret of a connection: its token or tokens, and the app's client secret. */
    public static void forget(Connections.ApiConnection saved, SecretStore secrets) {
        secrets.remove(saved.secretRef());
        secrets.remove(OAuthConnect.clientSecretKey(saved.secretRef()));
    }
}
