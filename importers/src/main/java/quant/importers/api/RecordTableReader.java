package quant.importers.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import quant.importers.read.TableReader;

/**
 * Records from an API, page by page, read as a table: the columns are the fields the connector
 * declares for its object, each record one row numbered from 1 in the order the vendor sent them, its
 * cells the fields' values as text (empty where a record lacks a field). Only the page being read is
 * in memory.
 */
public final class RecordTableReader implements TableReader {
    /** The connector's pages: the next one, or null after the last. */
    @FunctionalInterface
    public interface Pages {
        List<Map<String, String>> next() throws IOException;
    }

    private final List<String> fields;
    private final Pages pages;
    private Iterator<Map<String, String>> page = List.<Map<String, String>>of().iterator();
    private long number;
    private boolean ended;

    public RecordTableReader(List<String> fields, Pages pages) {
        this.fields = List.copyOf(fields);
        this.pages = pages;
    }

    @Override
    public List<String> header() {
        return fields;
    }

    @Override
    public Row next() throws IOException {
        while (!page.hasNext()) {
            if (ended) {
                return null;
            }
            List<Map<String, String>> next = pages.next();
            if (next == null) {
                ended = true;
                return null;
            }
            page = new ArrayList<>(next).iterator();
        }
        Map<String, String> record = page.next();
        String[] cells = new String[fields.size()];
        for (int i = 0; i < cells.length; i++) {
            String v = record.get(fields.get(i));
            cells[i] = v == null ? "" : v;
        }
        return new Row(++number, cells);
    }

    @Override
    public void close() {
        ended = true;
    }
}
