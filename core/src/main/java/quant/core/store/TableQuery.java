package quant.core.store;

import java.util.List;
import java.util.Objects;

/**
 * What a reader of the snapshot asks of one table, declared without SQL: the table and its alias,
 * tables joined by a reference column of it, and the columns read after the id. {@link ReadSession}
 * writes the {@code SELECT} (every row in id order) in the engine's dialect.
 *
 * @param table the table, e.g. {@code deal}
 * @param alias its alias, e.g. {@code d}
 * @param joins tables joined to it ({@code LEFT JOIN}: a row without the reference stays)
 * @param columns the columns after the id: a column of the table ({@code amount}), a column of a
 *     joined table by its alias ({@code r.name}), or {@code null} for one the table does not have
 *     (always missing)
 */
public record TableQuery(String table, String alias, List<Join> joins, List<String> columns) {
    public TableQuery {
        Objects.requireNonNull(table);
        Objects.requireNonNull(alias);
        joins = List.copyOf(joins);
        columns = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(columns));
    }

    /**
     * {@code LEFT JOIN table alias ON alias.id = <the part's alias>.column}.
     *
     * @param table the joined table, e.g. {@code sales_rep}
     * @param alias its alias, e.g. {@code r}
     * @param column the reference column of the queried table, e.g. {@code sales_rep_id}
     */
    public record Join(String table, String alias, String column) {}

    /** The texts of a column in the order they first appear (by id): a dictionary's extra words. */
    public record FirstSeen(String table, String column) {}
}
