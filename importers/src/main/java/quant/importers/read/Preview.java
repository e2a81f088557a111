package quant.importers.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first rows of a file as it would be read with given settings: what the wizard shows before
 * anything is imported.
 *
 * @param settings the settings used, detected values filled in
 * @param sheets the workbook's sheet names (empty for CSV/TSV)
 */
public record Preview(ReaderSettings settings, List<String> sheets, List<String> header, List<String[]> rows) {
    public Preview {
        sheets = List.copyOf(sheets);
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public static Preview read(Path file, ReaderSettings given, int maxRows) throws IOException {
        FileProbe probe = FileProbe.head(file, given);
        List<String[]> rows = new ArrayList<>();
        List<String> header;
        try (TableReader reader = TableReaders.open(probe)) {
            header = reader.header();
            for (TableReader.Row r = reader.next(); r != null && rows.size() < maxRows; r = reader.next()) {
                rows.add(r.cells());
            }
        }
        return new Preview(probe.settings(), probe.sheets(), header, rows);
    }

    /** Whether the previewed cells hold dates that read both as day/month and month/day (3/4/2024) and none that settles it. */
    public boolean datesAmbiguous() {
        quant.importers.parse.DateOrder.Evidence e = new quant.importers.parse.DateOrder.Evidence();
        for (String[] row : rows) {
            for (String cell : row) {
                e.add(cell);
            }
        }
        return e.ambiguous();
    }
}
