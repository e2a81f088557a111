package quant.core.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import quant.core.job.JobMonitor;
import quant.core.store.ReadSession;
import quant.core.store.Store;
import quant.core.store.StoreException;

/**
 * Reads {@link Part}s from the store with {@link PartReader}: one streaming {@code SELECT} per part in
 * id order, no grouping in the database; references become row indexes afterwards. Reports progress
 * over the rows of the parts read and stops with {@link CancellationException} between chunks when
 * cancelled.
 *
 * <p>The parts of one read never mix data from before and after a change committed meanwhile. When no
 * writer is busy, the loader holds the store's write lock (nothing commits while it reads) and spreads
 * the parts over up to {@value #CONNECTIONS} connections, largest first, each in its own repeatable-read
 * transaction; when an import or undo is running, it reads every part in one repeatable-read
 * transaction on one connection instead of waiting for it. Either way the data version is read in
 * the same transaction, so {@link SnapshotCache} can tell whether parts read at different times agree.
 */
public final class SnapshotLoader {
    /** Connections read in parallel under the write lock. */
    static final int CONNECTIONS = 3;

    /** Every part there is (what {@link #loadAll} reads). */
    public static final List<Part<?>> ALL = List.of(
            Snapshot.ServiceLines.PART,
            Snapshot.Customers.PART,
            Operations.Technicians.PART,
            Snapshot.Jobs.PART,
            Snapshot.PaymentRows.PART,
            Snapshot.Invoices.PART,
            Operations.Deals.PART,
            Operations.StageHistory.PART,
            Operations.Expenses.PART,
            Operations.Spend.PART,
            Operations.Products.PART,
            Commercial.Campaigns.PART,
            Commercial.Leads.PART,
            Commercial.Figures.MARKET_SIZES,
            Commercial.Figures.COMPETITORS,
            Commercial.Targets.PART,
            Assets.Equipment.PART,
            Assets.Events.PART);

    private final Store store;

    public SnapshotLoader(Store store) {
        this.store = store;
    }

    /** The parts as read in one consistent view of the data, references not yet resolved. */
    record Read(long dataVersion, Map<Part<?>, PartReader.Raw> raws) {}

    /**
     * A snapshot of {@code parts} and the parts they need.
     *
     * @throws StoreException when the database cannot be read
     */
    public Snapshot load(Collection<? extends Part<?>> parts, JobMonitor monitor) {
        Read read = read(Part.closure(parts), monitor);
        return new Snapshot(read.dataVersion(), PartReader.build(read.raws(), Map.of()));
    }

    /** A snapshot of every part (for tools that look at everything; analyses ask for theirs). */
    public Snapshot loadAll(JobMonitor monitor) {
        return load(ALL, monitor);
    }

    /** Reads exactly {@code parts} (not the parts they need) in one consistent view of the data. */
    Read read(Set<Part<?>> parts, JobMonitor monitor) {
        if (parts.isEmpty()) {
            return new Read(store.dataVersion(), Map.of());
        }
        return store.whileNoWriter(() -> readInParallel(parts, monitor))
                .orElseGet(() -> readInOneTransaction(parts, monitor));
    }

    /** Under the write lock: the parts spread over a few connections, each in its own transaction. */
    private Read readInParallel(Set<Part<?>> parts, JobMonitor monitor) {
        int n = Math.min(CONNECTIONS, parts.size());
        List<ReadSession> connections = new ArrayList<>();
        try {
            for (int k = 0; k < n; k++) {
                connections.add(ReadSession.open(store));
            }
            Map<Part<?>, Long> counts = PartReader.counts(connections.getFirst(), parts);
            List<List<Part<?>>> groups = spread(counts, n);
            // Each connection reads in a repeatable-read transaction: besides agreeing with each other
            // (nothing commits under the write lock), a transaction keeps the version it reads from
            // being dropped while its lazy cursor runs. Streamed outside one, a scan can fail with
            // "Chunk … not found" when H2 compacts the file in the background meanwhile.
            for (ReadSession c : connections) {
                c.begin();
            }
            try {
                long version = connections.getFirst().dataVersion();
                PartReader.Progress progress = new PartReader.Progress(monitor, total(counts));
                Map<Part<?>, PartReader.Raw> raws = new LinkedHashMap<>();
                if (n == 1) {
                    for (Part<?> p : groups.getFirst()) {
                        raws.put(
                                p,
                                PartReader.read(
                                        connections.getFirst(), p, counts.get(p).intValue(), progress));
                    }
                    return new Read(version, raws);
                }
                ExecutorService pool = Executors.newFixedThreadPool(n - 1, r -> {
                    Thread t = new Thread(r, "snapshot-parts");
                    t.setDaemon(true);
                    return t;
                });
                try {
                    List<Future<Map<Part<?>, PartReader.Raw>>> others = new ArrayList<>();
                    for (int k = 1; k < n; k++) {
                        ReadSession c = connections.get(k);
                        List<Part<?>> group = groups.get(k);
                        others.add(pool.submit(() -> readGroup(c, group, counts, progress)));
                    }
                    try {
                        raws.putAll(readGroup(connections.getFirst(), groups.getFirst(), counts, progress));
                    } catch (RuntimeException e) {
                        progress.stop();
                        others.forEach(f -> f.cancel(true));
                        throw e;
                    }
                    for (Future<Map<Part<?>, PartReader.Raw>> f : others) {
                        raws.putAll(joined(f, progress));
                    }
                    return new Read(version, raws);
                } finally {
                    pool.shutdownNow();
                }
            } finally {
                for (ReadSession c : connections) {
                    c.end();
                }
            }
        } finally {
            for (ReadSession c : connections) {
                c.close();
            }
        }
    }

    private static Map<Part<?>, PartReader.Raw> readGroup(
            ReadSession c, List<Part<?>> group, Map<Part<?>, Long> counts, PartReader.Progress progress) {
        Map<Part<?>, PartReader.Raw> raws = new LinkedHashMap<>();
        for (Part<?> p : group) {
            raws.put(p, PartReader.read(c, p, counts.get(p).intValue(), progress));
        }
        return raws;
    }

    /** The parts in {@code n} groups of about equal rows: largest first, each to the lightest group. */
    static List<List<Part<?>>> spread(Map<Part<?>, Long> counts, int n) {
        List<List<Part<?>>> groups = new ArrayList<>();
        long[] load = new long[n];
        for (int k = 0; k < n; k++) {
            groups.add(new ArrayList<>());
        }
        List<Part<?>> bySize = new ArrayList<>(counts.keySet());
        bySize.sort(Comparator.comparingLong((Part<?> p) -> counts.get(p)).reversed());
        for (Part<?> p : bySize) {
            int lightest = 0;
            for (int k = 1; k < n; k++) {
                if (load[k] < load[lightest]) {
                    lightest = k;
                }
            }
            groups.get(lightest).add(p);
            load[lightest] += counts.get(p) + 1;
        }
        return groups;
    }

    private static long total(Map<Part<?>, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The rows another connection read, or its failure as it was. */
    private static Map<Part<?>, PartReader.Raw> joined(
            Future<Map<Part<?>, PartReader.Raw>> f, PartReader.Progress progress) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.stop();
            throw new CancellationException("Interrupted while reading the data.");
        } catch (ExecutionException e) {
            progress.stop();
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** While a writer is busy: every part in one repeatable-read transaction, so all as of one moment. */
    private Read readInOneTransaction(Set<Part<?>> parts, JobMonitor monitor) {
        try (ReadSession c = ReadSession.open(store)) {
            // Counted before the transaction: inside a repeatable-read transaction H2 counts by
            // scanning the table, outside it reads the count it keeps.
            Map<Part<?>, Long> counts = PartReader.counts(c, parts);
            c.begin();
            try {
                long version = c.dataVersion();
                PartReader.Progress progress = new PartReader.Progress(monitor, total(counts));
                return new Read(version, readGroup(c, new ArrayList<>(new LinkedHashSet<>(parts)), counts, progress));
            } finally {
                c.end();
            }
        }
    }
}
