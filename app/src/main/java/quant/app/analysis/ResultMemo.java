package quant.app.analysis;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotCache;

/**
 * The answers the window's analyses have given on the current data, shared between view models: a view
 * closed and opened again (or a second copy of it) shows the result its analysis already computed for
 * the same spec on the same data at once, instead of computing it again. Only pure analyses take part —
 * a static method or a lambda that captures nothing, whose result depends on the snapshot and the spec
 * alone; an analysis that carries state of its own is never shared. A result counts only while the
 * snapshot it was computed on holds the same data ({@link Snapshot#sameData}); the memo keeps the
 * {@value #CAPACITY} most recently used answers per database.
 */
final class ResultMemo {
    static final int CAPACITY = 24;

    private static final Map<SnapshotCache, ResultMemo> BY_DATABASE = new WeakHashMap<>();

    private record Key(Class<?> analysis, Object spec) {}

    private record Answer(Snapshot snapshot, Object result) {}

    private final Map<Key, Answer> answers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
            return size() > CAPACITY;
        }
    };

    private ResultMemo() {}

    /** The memo of one database's snapshots. */
    static ResultMemo of(SnapshotCache snapshots) {
        synchronized (BY_DATABASE) {
            return BY_DATABASE.computeIfAbsent(snapshots, s -> new ResultMemo());
        }
    }

    /** Whether an analysis's result depends on its arguments alone: its class holds no state. */
    static boolean pure(Object analysis) {
        for (Field f : analysis.getClass().getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /** The answer already given by this analysis for this spec on the same data, or null. */
    synchronized Object find(Object analysis, Object spec, Snapshot snapshot) {
        Answer a = answers.get(new Key(analysis.getClass(), spec));
        return a != null && snapshot.sameData(a.snapshot()) ? a.result() : null;
    }

    synchronized void keep(Object analysis, Object spec, Snapshot snapshot, Object result) {
        answers.put(new Key(analysis.getClass(), spec), new Answer(snapshot, result));
    }
}
