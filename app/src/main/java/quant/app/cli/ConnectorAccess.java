package quant.app.cli;

import quant.core.connections.Connections;
import quant.core.secrets.SecretStore;
import quant.importers.api.ApiClient;
import quant.importers.api.Connector;
import quant.importers.api.Connectors;

/** The connector a command names, and a client for a saved connection with its token. */
final class ConnectorAccess {
    private ConnectorAccess() {}

    static Connector connector(String name) {
        return Connectors.byName(name)
                .orElseThrow(() -> new quant.core.analysis.InvalidSpecException(
                        "There is no connector \"" + name + "\"; the connectors are " + Connectors.names() + "."));
    }

    /** A client for a saved connection; its token comes from the credential store. */
    static ApiClient client(Connector connector, Connections.ApiConnection saved, SecretStore secrets) {
        return quant.importers.api.SavedConnections.client(connector, saved, secrets);
    }
}
