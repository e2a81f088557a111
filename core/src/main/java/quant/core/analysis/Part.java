package quant.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import quant.core.store.TableQuery;

/**
 * One table of the snapshot, declared rather than hand-read: the table (with the joins that name its
 * references), the columns an analysis reads and what each becomes in memory, and the class that
 * holds the rows. {@link PartReader} reads every part the same way — one streaming {@code SELECT}
 * in id order — and {@link SnapshotCache} loads a part once per data version, when an analysis that
 * declares it first asks.
 *
 * <p>Columns, by what they become (see {@link Column.Kind}): a day (a {@code DATE} or the date of a
 * {@code TIMESTAMP}, {@link Snapshot#NO_DAY} when missing), a number ({@code NaN} when missing), a
 * whole number (a stated value when missing), a code of a {@link Codes} dictionary, a text, a flag
 * (whether the column is not null), a minute of the day (a {@code TIME}), a reference (the row index
 * of the referenced part, {@code -1} when missing or not there — the referenced part is loaded
 * too), or a bare id of a row in another part that is not loaded with this one (looked up there by
 * {@link TableRows#row(long)} when both are).
 *
 * @param <T> the class that holds the rows
 */
public final class Part<T extends TableRows> {
    private final String name;
    private final String table;
    private final String alias;
    private final List<TableQuery.Join> joins;
    private final List<Column> columns;
    private final List<Vocabulary> vocabularies;
    private final Set<Part<?>> needs;
    private final Function<Rows, T> holder;

    private Part(Spec spec, Function<Rows, T> holder) {
        this.name = spec.name;
        this.table = spec.table;
        this.alias = spec.alias;
        this.joins = List.copyOf(spec.joins);
        this.columns = List.copyOf(spec.columns);
        this.vocabularies = List.copyOf(spec.vocabularies);
        Set<Part<?>> needed = new LinkedHashSet<>(spec.needs);
        for (Column c : columns) {
            if (c.target() != null) {
                needed.add(c.target());
            }
        }
        this.needs = java.util.Collections.unmodifiableSet(needed);
        this.holder = holder;
    }

    /**
     * Starts a part: {@code name} as people read it ("jobs"), the table and its alias, e.g.
     * {@code table("jobs", "job", "j")}.
     */
    public static Spec table(String name, String table, String alias) {
        return new Spec(name, table, alias);
    }

    /** What people call the rows, e.g. {@code jobs}. */
    public String name() {
        return name;
    }

    /** The table the rows come from (its row count sizes the arrays and the progress bar). */
    public String table() {
        return table;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The parts this one refers to or builds on: loaded before it is built. */
    public Set<Part<?>> needs() {
        return needs;
    }

    List<Vocabulary> vocabularies() {
        return vocabularies;
    }

    /** What the store reads for this part: the id, then the columns in order, every row in id order. */
    TableQuery query() {
        return new TableQuery(
                table, alias, joins, columns.stream().map(Column::source).toList());
    }

    T hold(Rows rows) {
        return holder.apply(rows);
    }

    /** This part and every part it needs, each after the parts it needs. */
    public static Set<Part<?>> closure(Iterable<? extends Part<?>> parts) {
        Set<Part<?>> out = new LinkedHashSet<>();
        for (Part<?> p : parts) {
            addWithNeeds(p, out);
        }
        return out;
    }

    private static void addWithNeeds(Part<?> p, Set<Part<?>> out) {
        if (out.contains(p)) {
            return;
        }
        for (Part<?> n : p.needs) {
            addWithNeeds(n, out);
        }
        out.add(p);
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Texts that join a code column's dictionary after the part's own rows: a column's texts in
     * another table, in the order they first appear there (e.g. the stages deals have passed through
     * but none sits in now).
     */
    record Vocabulary(String key, TableQuery.FirstSeen texts) {}

    /** A part being declared. */
    public static final class Spec {
        private final String name;
        private final String table;
        private final String alias;
        private final List<TableQuery.Join> joins = new ArrayList<>();
        private final List<Column> columns = new ArrayList<>();
        private final List<Vocabulary> vocabularies = new ArrayList<>();
        private final Set<Part<?>> needs = new LinkedHashSet<>();

        private Spec(String name, String table, String alias) {
            this.name = name;
            this.table = table;
            this.alias = alias;
        }

        private Spec add(String key, String source, Column.Kind kind, Part<?> target, int missing) {
            if (columns.stream().anyMatch(c -> c.key().equals(key))) {
                throw new IllegalArgumentException("Column " + key + " is declared twice in " + name + ".");
            }
            columns.add(new Column(key, source, kind, target, missing));
            return this;
        }

        /**
         * Joins {@code table} as {@code alias} by this table's reference column {@code column}, keeping
         * rows without it; its columns are then named {@code alias.column}.
         */
        public Spec leftJoin(String table, String alias, String column) {
            joins.add(new TableQuery.Join(table, alias, column));
            return this;
        }

        /** A {@code DATE} or {@code TIMESTAMP} column as a day. */
        public Spec day(String key, String sql) {
            return add(key, sql, Column.Kind.DAY, null, 0);
        }

        /** A numeric column as a double, {@code NaN} when missing. */
        public Spec number(String key, String sql) {
            return add(key, sql, Column.Kind.NUMBER, null, 0);
        }

        /** An integer column, {@code missing} when null. */
        public Spec whole(String key, String sql, int missing) {
            return add(key, sql, Column.Kind.WHOLE, null, missing);
        }

        /** A text column as codes of a dictionary. */
        public Spec code(String key, String sql) {
            return add(key, sql, Column.Kind.CODE, null, 0);
        }

        /** A text column as it is. */
        public Spec text(String key, String sql) {
            return add(key, sql, Column.Kind.TEXT, null, 0);
        }

        /** Whether the column is not null. */
        public Spec flag(String key, String sql) {
            return add(key, sql, Column.Kind.FLAG, null, 0);
        }

        /** A {@code TIME} column as the minute of the day, -1 when missing. */
        public Spec minute(String key, String sql) {
            return add(key, sql, Column.Kind.MINUTE, null, 0);
        }

        /** A reference to a row of {@code target} (loaded with this part) as its row index. */
        public Spec ref(String key, String sql, Part<?> target) {
            return add(key, sql, Column.Kind.REF, Objects.requireNonNull(target), 0);
        }

        /** A reference to another row of this same part as its row index. */
        public Spec selfRef(String key, String sql) {
            return add(key, sql, Column.Kind.SELF_REF, null, 0);
        }

        /** The id of a row in a part that is not loaded with this one, {@link TableRows#NO_ID} when missing. */
        public Spec id(String key, String sql) {
            return add(key, sql, Column.Kind.ID, null, 0);
        }

        /** A part that this one's holder builds on without referring to it by a column. */
        public Spec needs(Part<?> part) {
            needs.add(part);
            return this;
        }

        /**
         * The texts of {@code column} in {@code table}, in the order they first appear there, join the
         * code column {@code key}'s dictionary after its own rows.
         */
        public Spec vocabulary(String key, String table, String column) {
            vocabularies.add(new Vocabulary(key, new TableQuery.FirstSeen(table, column)));
            return this;
        }

        /** A code column this table does not have: every row's is missing (a holder shared with a table that has it). */
        public Spec absentCode(String key) {
            return add(key, null, Column.Kind.CODE, null, 0);
        }

        /** The part, held by {@code holder}. */
        public <T extends TableRows> Part<T> holdIn(Function<Rows, T> holder) {
            return new Part<>(this, holder);
        }
    }
}
