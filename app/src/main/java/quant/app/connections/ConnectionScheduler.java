package quant.app.connections;

import java.time.Duration;
import java.time.OffsetDateTime;
import javafx.application.Platform;
import quant.app.job.EveryMinute;
import quant.core.connections.Connections;
import quant.core.store.Store;

/**
 * Syncs the connections that have a schedule while the workbench is open: checks once a minute which
 * one's last successful sync is older than its interval (or that never synced) and syncs it as a job,
 * like Sync now.
 */
public final class ConnectionScheduler implements AutoCloseable {
    private final Store store;
    private final ConnectionsViewModel model;
    private EveryMinute clock;
    /** When each connection's scheduled sync was last started, so a failing one waits its interval too. */
    private final java.util.Map<String, OffsetDateTime> tried = new java.util.concurrent.ConcurrentHashMap<>();

    public ConnectionScheduler(Store store, ConnectionsViewModel model) {
        this.store = store;
        this.model = model;
    }

    public ConnectionScheduler start() {
        if (!store.isReadOnly()) {
            clock = EveryMinute.start("connection-syncs", this::check);
        }
        return this;
    }

    private void check() {
        OffsetDateTime now = OffsetDateTime.now();
        for (Connections.ApiConnection c : Connections.all(store)) {
            if (c.syncEveryHours() == null) {
                continue;
            }
            Duration every = Duration.ofHours(c.syncEveryHours());
            OffsetDateTime last = Connections.lastSynced(store, c.connector());
            OffsetDateTime attempt = tried.get(c.connector());
            boolean due = last == null || Duration.between(last, now).compareTo(every) >= 0;
            boolean waited = attempt == null || Duration.between(attempt, now).compareTo(every) >= 0;
            if (due && waited) {
                tried.put(c.connector(), now);
                ConnectionsViewModel.Row row =
                        new ConnectionsViewModel.Row(c, Connections.lastSyncs(store, c.connector()));
                Platform.runLater(() -> model.sync(row, false));
            }
        }
    }

    @Override
    public void close() {
        if (clock != null) {
            clock.close();
        }
    }
}
