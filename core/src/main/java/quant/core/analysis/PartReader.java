package quant.core.analysis;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import quant.core.job.JobMonitor;
import quant.core.store.ReadSession;

/**
 * The one reader of every {@link Part}: the part's rows, streamed by the store's {@link ReadSession}, into growable
 * primitive arrays, one array per column, then references turned into row indexes by binary search
 * over the referenced part's ids (every part is read in id order) and the holder built. The same
 * {@link Raw} takes rows from the store or, for hand-built snapshots in tests, from values.
 */
final class PartReader {
    /** Rows between progress reports and cancellation checks. */
    static final int CHUNK = ReadSession.FETCH;

    private PartReader() {}

    /** A part's rows as read: ids, one array per column (references still as ids), dictionaries. */
    static final class Raw {
        final Part<?> part;
        private long[] ids;
        private final Object[] arrays;
        private final Codes[] codes;
        private int size;

        Raw(Part<?> part, int capacity) {
            this.part = part;
            int n = Math.max(16, capacity);
            this.ids = new long[n];
            List<Column> columns = part.columns();
            this.arrays = new Object[columns.size()];
            this.codes = new Codes[columns.size()];
            for (int k = 0; k < arrays.length; k++) {
                Column.Kind kind = columns.get(k).kind();
                arrays[k] = switch (kind) {
                    case DAY, WHOLE, CODE, MINUTE -> new int[n];
                    case NUMBER -> new double[n];
                    case TEXT -> new String[n];
                    case FLAG -> new boolean[n];
                    case REF, SELF_REF, ID -> new long[n];
                };
                if (kind == Column.Kind.CODE) {
                    codes[k] = new Codes();
                }
            }
        }

        int size() {
            return size;
        }

        private void room() {
            if (size < ids.length) {
                return;
            }
            int more = size + (size >> 1) + 1024;
            ids = Arrays.copyOf(ids, more);
            for (int k = 0; k < arrays.length; k++) {
                arrays[k] = switch (arrays[k]) {
                    case int[] a -> Arrays.copyOf(a, more);
                    case double[] a -> Arrays.copyOf(a, more);
                    case long[] a -> Arrays.copyOf(a, more);
                    case boolean[] a -> Arrays.copyOf(a, more);
                    case String[] a -> Arrays.copyOf(a, more);
                    default -> throw new IllegalStateException();
                };
            }
        }

        /** Adds a row of values: the id, then one value per column as JDBC would give it (null when missing). */
        void add(long id, Object... values) {
            room();
            int i = size;
            ids[i] = id;
            List<Column> columns = part.columns();
            for (int k = 0; k < arrays.length; k++) {
                Object v = values[k];
                Column c = columns.get(k);
                switch (c.kind()) {
                    case DAY -> ((int[]) arrays[k])[i] = day(v);
                    case NUMBER -> ((double[]) arrays[k])[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
                    case WHOLE -> ((int[]) arrays[k])[i] = v == null ? c.missing() : ((Number) v).intValue();
                    case CODE -> ((int[]) arrays[k])[i] = codes[k].intern((String) v);
                    case TEXT -> ((String[]) arrays[k])[i] = (String) v;
                    case FLAG -> ((boolean[]) arrays[k])[i] = v != null && !Boolean.FALSE.equals(v);
                    case MINUTE -> ((int[]) arrays[k])[i] = v == null ? -1 : minute(v);
                    case REF, SELF_REF, ID ->
                        ((long[]) arrays[k])[i] = v == null ? TableRows.NO_ID : ((Number) v).longValue();
                }
            }
            size++;
        }

        /** Adds the row as the store streams it. */
        private void add(ReadSession.Row row) {
            room();
            int i = size;
            ids[i] = row.id();
            List<Column> columns = part.columns();
            for (int k = 0; k < arrays.length; k++) {
                Column c = columns.get(k);
                switch (c.kind()) {
                    case DAY -> ((int[]) arrays[k])[i] = row.day(k, Snapshot.NO_DAY);
                    case NUMBER -> ((double[]) arrays[k])[i] = row.number(k);
                    case WHOLE -> ((int[]) arrays[k])[i] = row.whole(k, c.missing());
                    case CODE -> ((int[]) arrays[k])[i] = codes[k].intern(row.text(k));
                    case TEXT -> ((String[]) arrays[k])[i] = row.text(k);
                    case FLAG -> ((boolean[]) arrays[k])[i] = row.present(k);
                    case MINUTE -> ((int[]) arrays[k])[i] = row.minute(k);
                    case REF, SELF_REF, ID -> ((long[]) arrays[k])[i] = row.id(k, TableRows.NO_ID);
                }
            }
            size++;
        }

        /** Adds the vocabulary's texts to a code column's dictionary. */
        void extend(String key, Iterable<String> texts) {
            int k = index(key);
            for (String t : texts) {
                codes[k].intern(t);
            }
        }

        private int index(String key) {
            List<Column> columns = part.columns();
            for (int k = 0; k < columns.size(); k++) {
                if (columns.get(k).key().equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("The " + part.name() + " part has no column " + key + ".");
        }

        /** The ids, trimmed. */
        long[] ids() {
            if (ids.length != size) {
                ids = Arrays.copyOf(ids, size);
            }
            return ids;
        }

        /** The holder, with references resolved against the built parts it needs. */
        <T extends TableRows> T build(Part<T> typed, Map<Part<?>, TableRows> built) {
            long[] own = ids();
            Map<String, Object> byKey = new HashMap<>();
            Map<String, Codes> books = new HashMap<>();
            List<Column> columns = part.columns();
            for (int k = 0; k < arrays.length; k++) {
                Column c = columns.get(k);
                Object a = trimmed(arrays[k]);
                if (c.kind() == Column.Kind.REF || c.kind() == Column.Kind.SELF_REF) {
                    TableRows target = c.kind() == Column.Kind.SELF_REF ? null : built.get(c.target());
                    if (c.kind() == Column.Kind.REF && target == null) {
                        throw new IllegalStateException(
                                "The " + c.target().name() + " part must be built before " + part.name() + ".");
                    }
                    long[] raw = (long[]) a;
                    int[] rows = new int[raw.length];
                    for (int i = 0; i < raw.length; i++) {
                        rows[i] = target == null ? rowOf(own, raw[i]) : target.row(raw[i]);
                    }
                    a = rows;
                }
                byKey.put(c.key(), a);
                if (codes[k] != null) {
                    books.put(c.key(), codes[k]);
                }
            }
            Map<Part<?>, TableRows> needed = new HashMap<>();
            for (Part<?> n : part.needs()) {
                needed.put(n, built.get(n));
            }
            return typed.hold(new Rows(own, byKey, books, needed));
        }

        private Object trimmed(Object a) {
            return switch (a) {
                case int[] x -> x.length == size ? x : Arrays.copyOf(x, size);
                case double[] x -> x.length == size ? x : Arrays.copyOf(x, size);
                case long[] x -> x.length == size ? x : Arrays.copyOf(x, size);
                case boolean[] x -> x.length == size ? x : Arrays.copyOf(x, size);
                case String[] x -> x.length == size ? x : Arrays.copyOf(x, size);
                default -> throw new IllegalStateException();
            };
        }
    }

    private static int rowOf(long[] ids, long id) {
        return id == TableRows.NO_ID ? -1 : Math.max(-1, Arrays.binarySearch(ids, id));
    }

    /** Reads one part in a session that is already in the snapshot's transaction. */
    static Raw read(ReadSession session, Part<?> part, int expected, Progress progress) {
        Raw raw = new Raw(part, expected);
        String stage = "Reading " + part.name();
        session.stream(part.query(), row -> {
            raw.add(row);
            progress.row(raw.size(), stage);
        });
        for (Part.Vocabulary v : part.vocabularies()) {
            raw.extend(v.key(), session.firstSeen(v.texts()));
        }
        progress.done(raw.size());
        return raw;
    }

    /**
     * Builds the holders of {@code raws} in an order where every part comes after the parts it needs;
     * the needed parts are taken from {@code built} (parts loaded before) or built here.
     */
    static Map<Part<?>, TableRows> build(Map<Part<?>, Raw> raws, Map<Part<?>, TableRows> loaded) {
        Map<Part<?>, TableRows> built = new HashMap<>(loaded);
        Map<Part<?>, TableRows> out = new LinkedHashMap<>();
        for (Part<?> p : Part.closure(raws.keySet())) {
            Raw raw = raws.get(p);
            if (raw == null) {
                if (!built.containsKey(p)) {
                    throw new IllegalStateException("The " + p.name() + " part was neither loaded nor read.");
                }
                continue;
            }
            TableRows holder = raw.build(p, built);
            built.put(p, holder);
            out.put(p, holder);
        }
        return out;
    }

    /** The row counts of the parts' tables (read outside a transaction, where H2 keeps them). */
    static Map<Part<?>, Long> counts(ReadSession session, Set<Part<?>> parts) {
        Map<Part<?>, Long> counts = new LinkedHashMap<>();
        for (Part<?> p : parts) {
            counts.put(p, session.count(p.table()));
        }
        return counts;
    }

    static int day(Object v) {
        return switch (v) {
            case null -> Snapshot.NO_DAY;
            case LocalDate d -> (int) d.toEpochDay();
            case LocalDateTime t -> (int) t.toLocalDate().toEpochDay();
            case OffsetDateTime t -> (int) t.toLocalDate().toEpochDay();
            default -> throw new IllegalArgumentException("Not a date: " + v);
        };
    }

    private static int minute(Object v) {
        return switch (v) {
            case LocalTime t -> t.toSecondOfDay() / 60;
            case String s -> LocalTime.parse(s).toSecondOfDay() / 60;
            default -> throw new IllegalArgumentException("Not a time: " + v);
        };
    }

    /** Progress over the rows of the parts read, from one or more threads. */
    static final class Progress {
        private final JobMonitor monitor;
        private final long total;
        private final AtomicLong done = new AtomicLong();
        private volatile boolean stopped;

        Progress(JobMonitor monitor, long total) {
            this.monitor = monitor;
            this.total = Math.max(1, total);
        }

        /** Call once per row; {@code rows} is the caller's own count so far. */
        void row(int rows, String stage) {
            if (rows % CHUNK == 0) {
                if (stopped) {
                    throw new CancellationException("Stopped: another part failed.");
                }
                monitor.checkCancelled();
                monitor.progress(Math.min(total, done.addAndGet(CHUNK)), total, stage);
            }
        }

        /** Counts the rows of a finished part that were not counted in chunks. */
        void done(int rows) {
            done.addAndGet(rows % CHUNK);
        }

        void stop() {
            stopped = true;
        }
    }
}
