package quant.app.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableListBase;
import quant.core.store.TableBrowser;

/**
 * Browses one table page by page. {@link #rows()} is a list as long as the (filtered) table whose
 * elements are fetched in pages of {@value #PAGE} rows when first asked for; at most
 * {@value #CACHED_PAGES} pages are kept. A new sort or filter starts a new generation, and pages
 * of an older generation that arrive late are dropped.
 */
public final class TableBrowserViewModel {
    static final int PAGE = 200;
    static final int CACHED_PAGES = 30;

    /** A row of the table, or {@link #LOADING} while its page is on its way. */
    public record Row(Object[] values) {
        public Object value(int column) {
            return values == null ? null : values[column];
        }

        public boolean isLoading() {
            return values == null;
        }
    }

    public static final Row LOADING = new Row(null);

    private final TableBrowser browser;
    private final Executor background;
    private final Executor ui;
    private final PagedRows rows = new PagedRows();
    private final ReadOnlyLongWrapper rowCount = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private TableBrowser.Query query = TableBrowser.Query.ALL;
    private long generation;

    /**
     * @param background where pages are read (never the application thread)
     * @param ui where results are published (the application thread)
     */
    public TableBrowserViewModel(TableBrowser browser, Executor background, Executor ui) {
        this.browser = browser;
        this.background = background;
        this.ui = ui;
        reload();
    }

    public List<quant.core.store.TableColumn> columns() {
        return browser.columns();
    }

    public String title() {
        return browser.table().label();
    }

    public javafx.collections.ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyLongProperty rowCountProperty() {
        return rowCount.getReadOnlyProperty();
    }

    /** "1,234 rows", "Loading…" or an error sentence. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public TableBrowser.Query query() {
        return query;
    }

    /** Sorts by a column ({@code null} for the stored order). */
    public void sortBy(String column, boolean ascending) {
        query = new TableBrowser.Query(query.filters(), Optional.ofNullable(column), ascending);
        reload();
    }

    /** Shows only rows whose column contains the text (case-insensitive); blank text clears it. */
    public void filter(String column, String text) {
        List<TableBrowser.Filter> filters = new ArrayList<>();
        if (column != null && text != null && !text.isBlank()) {
            filters.add(new TableBrowser.Filter(column, text.strip()));
        }
        query = new TableBrowser.Query(filters, query.sortColumn(), query.ascending());
        reload();
    }

    private void reload() {
        long gen = ++generation;
        TableBrowser.Query q = query;
        status.set("Loading…");
        background.execute(() -> {
            try {
                long n = browser.count(q);
                ui.execute(() -> {
                    if (gen == generation) {
                        rows.reset(n);
                        rowCount.set(n);
                        status.set("%,d rows".formatted(n));
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> status.set(e.getMessage()));
            }
        });
    }

    private final class PagedRows extends ObservableListBase<Row> {
        private long size;
        private final Map<Long, List<Object[]>> pages = new LinkedHashMap<>(16, 0.75f, true);
        private final java.util.Set<Long> requested = new java.util.HashSet<>();

        void reset(long newSize) {
            long old = size;
            pages.clear();
            requested.clear();
            size = newSize;
            beginChange();
            if (old > 0) {
                nextRemove(0, Collections.nCopies((int) old, LOADING));
            }
            if (newSize > 0) {
                nextAdd(0, (int) newSize);
            }
            endChange();
        }

        @Override
        public Row get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            long page = index / PAGE;
            List<Object[]> data = pages.get(page);
            if (data == null) {
                request(page);
                return LOADING;
            }
            int offset = index % PAGE;
            return offset < data.size() ? new Row(data.get(offset)) : LOADING;
        }

        private void request(long page) {
            if (!requested.add(page)) {
                return;
            }
            long gen = generation;
            TableBrowser.Query q = query;
            background.execute(() -> {
                List<Object[]> data;
                try {
                    data = browser.page(q, page * PAGE, PAGE);
                } catch (RuntimeException e) {
                    ui.execute(() -> status.set(e.getMessage()));
                    return;
                }
                ui.execute(() -> arrived(gen, page, data));
            });
        }

        private void arrived(long gen, long page, List<Object[]> data) {
            if (gen != generation) {
                return;
            }
            requested.remove(page);
            pages.put(page, data);
            while (pages.size() > CACHED_PAGES) {
                Long eldest = pages.keySet().iterator().next();
                pages.remove(eldest);
            }
            int from = (int) (page * PAGE);
            int to = (int) Math.min(size, from + PAGE);
            beginChange();
            for (int i = from; i < to; i++) {
                nextUpdate(i);
            }
            endChange();
        }

        @Override
        public int size() {
            return (int) size;
        }
    }
}
