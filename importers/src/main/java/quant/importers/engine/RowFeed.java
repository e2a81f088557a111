package quant.importers.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import quant.importers.check.CheckedRow;
import quant.importers.check.RowChecker;
import quant.importers.read.TableReader;

/**
 * Reads and checks a file's rows on a thread of its own, in batches, while the import's thread
 * writes the batch before: parsing and checking a row costs a good part of what the database takes
 * to store it, and on a machine with two cores the two overlap. Nothing else changes: the rows come
 * in file order, batches are cut where the writer needs them, and a failure of the reading thread
 * (an unreadable file) reaches the writing thread as the same exception.
 *
 * <p>A batch ends after {@value BatchWriter#BATCH} rows, and before a row that refers to a row of
 * the same table still in the batch (a callback job and the job it calls back to), so that the row
 * referred to is stored first. At most {@value #WAITING} batches wait, so memory stays bounded.
 */
final class RowFeed implements AutoCloseable {
    static final int WAITING = 2;

    private record Failure(Throwable error) {}

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(WAITING);
    private final TableReader reader;
    private final RowChecker checker;
    private final boolean skipDecoration;
    private final int[] selfReferences;
    private final Thread thread;
    private volatile boolean stopped;
    private boolean ended;

    /**
     * @param skipDecoration leave out a report's decoration lines ({@link RowChecker#decoration})
     * @param selfReferences the indexes of mapped columns that refer to the table being written
     */
    RowFeed(TableReader reader, RowChecker checker, boolean skipDecoration, int[] selfReferences) {
        this.reader = reader;
        this.checker = checker;
        this.skipDecoration = skipDecoration;
        this.selfReferences = selfReferences.clone();
        this.thread = Thread.ofPlatform().daemon().name("quant-import-reader").start(this::produce);
    }

    /** The next batch in file order, or {@code null} after the last; rethrows what stopped the reading. */
    List<CheckedRow> next() throws IOException {
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("The import was interrupted.");
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof Failure f) {
            ended = true;
            switch (f.error()) {
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                case Error e -> throw e;
                default -> throw new IllegalStateException(f.error());
            }
        }
        @SuppressWarnings("unchecked")
        List<CheckedRow> batch = (List<CheckedRow>) item;
        return batch;
    }

    private void produce() {
        try {
            List<CheckedRow> batch = new ArrayList<>(BatchWriter.BATCH);
            Set<String> keys = new HashSet<>();
            for (TableReader.Row row = reader.next(); row != null && !stopped; row = reader.next()) {
                if (skipDecoration && checker.decoration(row.cells())) {
                    continue;
                }
                CheckedRow p = checker.check(row);
                if (refersTo(p, keys)) {
                    put(batch);
                    batch = new ArrayList<>(BatchWriter.BATCH);
                    keys.clear();
                }
                batch.add(p);
                keys.add(p.key);
                if (batch.size() == BatchWriter.BATCH) {
                    put(batch);
                    batch = new ArrayList<>(BatchWriter.BATCH);
                    keys.clear();
                }
            }
            if (!batch.isEmpty()) {
                put(batch);
            }
            put(END);
        } catch (InterruptedException e) {
            // the writer stopped first (a failure or a cancel); nobody waits for more rows
        } catch (Throwable e) {
            offer(e);
        }
    }

    private boolean refersTo(CheckedRow p, Set<String> keys) {
        for (int j : selfReferences) {
            if (p.refs[j] != null && keys.contains(p.refs[j])) {
                return true;
            }
        }
        return false;
    }

    private void put(Object item) throws InterruptedException {
        if (stopped) {
            throw new InterruptedException();
        }
        queue.put(item);
    }

    private void offer(Throwable error) {
        try {
            put(new Failure(error));
        } catch (InterruptedException e) {
            // the writer is gone
        }
    }

    /** Stops the reading thread (when the writer ends early) and waits for it, so the reader can be closed. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
