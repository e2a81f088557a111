package quant.core.analysis;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import quant.core.job.JobMonitor;
import quant.core.store.Store;

/**
 * One {@link Snapshot} per {@link Store#dataVersion()}: the first request after an import, undo or
 * edit loads a fresh one (and the old one is let go), later requests at the same version get the
 * same object, and requests that arrive while a load runs wait for it instead of loading again.
 * When the request that loads is cancelled, the others do not fail with it: the next one loads.
 */
public final class SnapshotCache {
    private final Store store;
    private final SnapshotLoader loader;
    private CompletableFuture<Snapshot> current;
    private long currentVersion = -1;

    public SnapshotCache(Store store) {
        this.store = store;
        this.loader = new SnapshotLoader(store);
    }

    /** The snapshot of the store's current data, loading it when needed. */
    public Snapshot get(JobMonitor monitor) {
        while (true) {
            CompletableFuture<Snapshot> mine = null;
            CompletableFuture<Snapshot> shared;
            synchronized (this) {
                long version = store.dataVersion();
                if (current == null || currentVersion != version) {
                    current = new CompletableFuture<>();
                    currentVersion = version;
                    mine = current;
                }
                shared = current;
            }
            if (mine != null) {
                return loadInto(mine, monitor);
            }
            try {
                return shared.join();
            } catch (CancellationException | CompletionException e) {
                monitor.checkCancelled();
                if (!(e instanceof CancellationException || e.getCause() instanceof CancellationException)) {
                    throw e.getCause() instanceof RuntimeException re ? re : e;
                }
                // the loading request was cancelled, not this one: try again
            }
        }
    }

    private Snapshot loadInto(CompletableFuture<Snapshot> future, JobMonitor monitor) {
        try {
            Snapshot s = loader.load(monitor);
            future.complete(s);
            return s;
        } catch (RuntimeException e) {
            synchronized (this) {
                if (current == future) {
                    current = null;
                }
            }
            future.completeExceptionally(e);
            throw e;
        }
    }

    /** The snapshot held now, if it is of the store's current data; never loads. */
    public synchronized Snapshot ifCurrent() {
        if (current != null
                && current.isDone()
                && !current.isCompletedExceptionally()
                && currentVersion == store.dataVersion()) {
            return current.join();
        }
        return null;
    }
}
