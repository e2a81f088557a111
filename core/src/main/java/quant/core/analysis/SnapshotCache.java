package quant.core.analysis;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import quant.core.job.JobMonitor;
import quant.core.store.Store;

/**
 * The parts of the store's current data, each loaded once per {@link Store#dataVersion()}, on first
 * use: a request names the parts its analysis reads, the parts not yet held (and the parts they need)
 * are read in one consistent view, and the snapshot returned holds exactly those parts and their
 * needs. The first request after an import, undo or edit starts a new generation (the old parts are
 * let go); requests that need a part another request is loading wait for it instead of loading it
 * again. When the request that loads a part is cancelled, the others do not fail with it: the next
 * one loads it. Parts read at different times are checked to be of the same data version; when the
 * data moved on meanwhile, the request starts over on the new version.
 */
public final class SnapshotCache {
    private final Store store;
    private final SnapshotLoader loader;
    private Generation current;

    public SnapshotCache(Store store) {
        this.store = store;
        this.loader = new SnapshotLoader(store);
    }

    /** The parts of one data version, loaded or loading. */
    private static final class Generation {
        final long version;
        final Map<Part<?>, CompletableFuture<TableRows>> parts = new HashMap<>();

        Generation(long version) {
            this.version = version;
        }
    }

    /** Thrown inside a load whose data version is not the generation's: the request starts over. */
    private static final class Moved extends RuntimeException {
        Moved() {
            super("The data changed while it was read.", null, false, false);
        }
    }

    /** A snapshot of {@code parts} (and the parts they need) of the store's current data, loading what is missing. */
    public Snapshot get(Collection<? extends Part<?>> parts, JobMonitor monitor) {
        Set<Part<?>> wanted = Part.closure(parts);
        while (true) {
            Generation g;
            Map<Part<?>, CompletableFuture<TableRows>> mine = new LinkedHashMap<>();
            Map<Part<?>, CompletableFuture<TableRows>> theirs = new LinkedHashMap<>();
            synchronized (this) {
                long version = store.dataVersion();
                if (current == null || current.version != version) {
                    current = new Generation(version);
                }
                g = current;
                for (Part<?> p : wanted) {
                    CompletableFuture<TableRows> f = g.parts.get(p);
                    if (f == null) {
                        f = new CompletableFuture<>();
                        g.parts.put(p, f);
                        mine.put(p, f);
                    } else {
                        theirs.put(p, f);
                    }
                }
            }
            try {
                Map<Part<?>, TableRows> held = new LinkedHashMap<>();
                if (!mine.isEmpty()) {
                    load(g, mine, theirs, monitor, held);
                }
                for (var e : theirs.entrySet()) {
                    held.put(e.getKey(), e.getValue().join());
                }
                Map<Part<?>, TableRows> ordered = new LinkedHashMap<>();
                for (Part<?> p : wanted) {
                    ordered.put(p, held.get(p));
                }
                return new Snapshot(g.version, ordered);
            } catch (Moved e) {
                // the data changed between the version check and the read: start over on the new one
                forget(g);
            } catch (CancellationException | CompletionException e) {
                monitor.checkCancelled();
                Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                if (!(cause instanceof CancellationException || cause instanceof Moved)) {
                    throw cause instanceof RuntimeException re ? re : e;
                }
                // a part another request was loading was cancelled or moved on, not this request: try again
            }
        }
    }

    /** Reads the parts this request claimed, then builds them once the parts they need are there. */
    private void load(
            Generation g,
            Map<Part<?>, CompletableFuture<TableRows>> mine,
            Map<Part<?>, CompletableFuture<TableRows>> theirs,
            JobMonitor monitor,
            Map<Part<?>, TableRows> held) {
        try {
            SnapshotLoader.Read read = loader.read(mine.keySet(), monitor);
            if (read.dataVersion() != g.version) {
                throw new Moved();
            }
            Map<Part<?>, TableRows> needed = new HashMap<>();
            Set<Part<?>> needs = new LinkedHashSet<>();
            for (Part<?> p : mine.keySet()) {
                needs.addAll(p.needs());
            }
            for (Part<?> p : needs) {
                if (theirs.containsKey(p)) {
                    needed.put(p, theirs.get(p).join());
                }
            }
            Map<Part<?>, TableRows> built = PartReader.build(read.raws(), needed);
            for (var e : mine.entrySet()) {
                e.getValue().complete(built.get(e.getKey()));
            }
            held.putAll(built);
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                mine.forEach((p, f) -> {
                    if (g.parts.get(p) == f) {
                        g.parts.remove(p);
                    }
                });
            }
            mine.values().forEach(f -> f.completeExceptionally(e));
            throw e;
        }
    }

    private synchronized void forget(Generation g) {
        if (current == g) {
            current = null;
        }
    }

    /** The parts held now of the store's current data (loaded, not loading); never loads. */
    public synchronized Set<Part<?>> held() {
        Set<Part<?>> out = new LinkedHashSet<>();
        if (current != null && current.version == store.dataVersion()) {
            current.parts.forEach((p, f) -> {
                if (f.isDone() && !f.isCompletedExceptionally()) {
                    out.add(p);
                }
            });
        }
        return out;
    }
}
