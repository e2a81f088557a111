package quant.app.connections;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import quant.app.errors.Failures;
import quant.app.job.JobRunner;
import quant.app.reports.Secrets;
import quant.core.connections.Connections;
import quant.core.secrets.SecretStore;
import quant.core.store.Store;
import quant.core.store.StoreException;
import quant.importers.api.ApiClient;
import quant.importers.api.Connector;
import quant.importers.api.Connectors;
import quant.importers.api.Sync;

/**
 * The Connections view's state and work: the database's connections with each object's last sync,
 * connecting (the token checked with one request, then kept in the credential store), syncing now as a
 * job with progress and Cancel, the schedule, and disconnecting (the token forgotten, the rows kept).
 */
public final class ConnectionsViewModel {
    /** One connection with what its objects' last syncs did. */
    public record Row(Connections.ApiConnection connection, List<Connections.LastSync> syncs) {
        public String title() {
            return Connectors.byName(connection.connector())
                    .map(c -> c.vendor().title())
                    .orElse(connection.connector());
        }

        /** When the newest object's sync ran, or null. */
        public OffsetDateTime lastSync() {
            return syncs.stream()
                    .map(Connections.LastSync::at)
                    .max(OffsetDateTime::compareTo)
                    .orElse(null);
        }
    }

    private final JobRunner jobs;
    private final Supplier<Store> store;
    private final Secrets secrets;
    private final Runnable onDataChanged;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final java.util.Set<String> syncing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ConnectionsViewModel(JobRunner jobs, Supplier<Store> store, Secrets secrets, Runnable onDataChanged) {
        this.jobs = jobs;
        this.store = store;
        this.secrets = secrets;
        this.onDataChanged = onDataChanged;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public Secrets secrets() {
        return secrets;
    }

    public void say(String sentence) {
        message.set(sentence);
    }

    public void refresh() {
        Store s = store.get();
        if (s == null) {
            return;
        }
        jobs.submit(
                "Reading the connections",
                monitor -> {
                    List<Row> out = new ArrayList<>();
                    for (Connections.ApiConnection c : Connections.all(s)) {
                        out.add(new Row(c, Connections.lastSyncs(s, c.connector())));
                    }
                    return out;
                },
                rows::setAll,
                error -> message.set(Failures.sentence(error)));
    }

    private SecretStore secretStore() {
        return secrets.store()
                .orElseThrow(() -> new StoreException(
                        StoreException.Kind.REFUSED,
                        "Tokens are kept in " + secrets.file() + ", encrypted: unlock it with its passphrase first."));
    }

    /** Checks the token with one request, then keeps it and the connection. */
    public void connect(Connector connector, URI base, char[] token) {
        Store s = store.get();
        jobs.submit(
                "Connecting to " + connector.vendor().title(),
                monitor -> {
                    SecretStore kept = secretStore();
                    String account = connector.check(new ApiClient(connector.vendor(), base, token::clone), monitor);
                    String ref = Connections.ApiConnection.newSecretRef(connector.name());
                    Connections.find(s, connector.name()).ifPresent(old -> kept.remove(old.secretRef()));
                    kept.put(ref, token);
                    Connections.save(
                            s,
                            new Connections.ApiConnection(
                                    connector.name(), base, null, account, OffsetDateTime.now(), null, ref));
                    return account;
                },
                account -> {
                    java.util.Arrays.fill(token, '\0');
                    message.set("Connected to " + connector.vendor().title()
                            + (account == null ? "" : " (" + account + ")") + "; the token is in "
                            + secretStore().describe() + ". Sync now to bring its data in.");
                    refresh();
                },
                error -> {
                    java.util.Arrays.fill(token, '\0');
                    message.set(Failures.sentence(error));
                });
    }

    /**
     * Connects an OAuth vendor: its page opens in the browser (the address is shown too), the answer comes
     * back to the loopback redirect, and the tokens and the app's secret go to the credential store.
     *
     * @param host another host for every endpoint, or null for the vendor's own
     */
    public void connectOAuth(Connector connector, URI host, String clientId, char[] clientSecret) {
        Store s = store.get();
        jobs.submit(
                "Connecting to " + connector.vendor().title() + " (approve it in your browser)",
                monitor -> {
                    SecretStore kept = secretStore();
                    String ref = Connections.ApiConnection.newSecretRef(connector.name());
                    var connected = quant.importers.api.oauth.OAuthConnect.connect(
                            connector,
                            host,
                            clientId,
                            clientSecret,
                            kept,
                            ref,
                            this::browse,
                            quant.importers.api.oauth.OAuthConnect.REDIRECT_PORT,
                            monitor);
                    Connections.find(s, connector.name())
                            .ifPresent(old -> quant.importers.api.SavedConnections.forget(old, kept));
                    Connections.save(
                            s,
                            new Connections.ApiConnection(
                                    connector.name(),
                                    connected.api(),
                                    clientId,
                                    connected.account(),
                                    OffsetDateTime.now(),
                                    null,
                                    ref));
                    return connected.account();
                },
                account -> {
                    if (clientSecret != null) {
                        java.util.Arrays.fill(clientSecret, '\0');
                    }
                    message.set("Connected to " + connector.vendor().title()
                            + (account == null ? "" : " (" + account + ")") + ". Sync now to bring its data in.");
                    refresh();
                },
                error -> {
                    if (clientSecret != null) {
                        java.util.Arrays.fill(clientSecret, '\0');
                    }
                    message.set(Failures.sentence(error));
                });
    }

    /** Opens the vendor's page in the desktop's browser and shows its address in case nothing opens. */
    private void browse(URI uri) {
        javafx.application.Platform.runLater(
                () -> message.set("Approve the access in your browser; if no page opened, go to " + uri));
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless()
                    && java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                java.awt.Desktop.getDesktop().browse(uri);
            }
        } catch (java.io.IOException | UnsupportedOperationException e) {
            // the address is shown in the message
        }
    }

    /** Syncs one connection as a job (progress and Cancel in the status bar); {@code full} reads everything. */
    public void sync(Row row, boolean full) {
        Store s = store.get();
        String name = row.connection().connector();
        if (!syncing.add(name)) {
            message.set(row.title() + " is syncing already.");
            return;
        }
        jobs.submit(
                "Syncing " + row.title() + (full ? " (everything)" : ""),
                monitor -> {
                    Connector connector = Connectors.byName(name)
                            .orElseThrow(() -> new StoreException(
                                    StoreException.Kind.REFUSED, "This workbench has no connector " + name + "."));
                    // a token, or OAuth tokens renewed as they expire, from the credential store
                    ApiClient client =
                            quant.importers.api.SavedConnections.client(connector, row.connection(), secretStore());
                    return Sync.run(s, connector, client, full, monitor);
                },
                report -> {
                    syncing.remove(name);
                    long in = report.objects().stream()
                            .mapToLong(o -> o.result().inserted())
                            .sum();
                    long up = report.objects().stream()
                            .mapToLong(o -> o.result().updated())
                            .sum();
                    message.set("Synced " + row.title() + ": %,d rows inserted, %,d updated.".formatted(in, up));
                    refresh();
                    onDataChanged.run();
                },
                error -> {
                    syncing.remove(name);
                    message.set(row.title() + ": " + Failures.sentence(error));
                    refresh();
                });
    }

    /** Sets the schedule: every {@code hours} hours while the workbench is open, or never (null). */
    public void schedule(Row row, Integer hours) {
        Store s = store.get();
        jobs.submit(
                "Saving the schedule",
                monitor -> {
                    Connections.setSchedule(s, row.connection().connector(), hours);
                    return hours;
                },
                h -> {
                    message.set(
                            h == null
                                    ? row.title() + " syncs when you ask."
                                    : row.title() + " syncs every " + h + (h == 1 ? " hour" : " hours")
                                            + " while the workbench is open.");
                    refresh();
                },
                error -> message.set(Failures.sentence(error)));
    }

    /** Forgets the connection and its token; the rows it brought stay. */
    public void disconnect(Row row) {
        Store s = store.get();
        jobs.submit(
                "Disconnecting " + row.title(),
                monitor -> {
                    quant.importers.api.SavedConnections.forget(row.connection(), secretStore());
                    return Connections.delete(s, row.connection().connector());
                },
                done -> {
                    message.set(
                            "Disconnected from " + row.title() + "; its token is forgotten, the rows it brought stay.");
                    refresh();
                },
                error -> message.set(Failures.sentence(error)));
    }
}
