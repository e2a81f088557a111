package quant.importers.engine;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import quant.core.importing.Problem;
import quant.core.io.SpreadsheetText;

/**
 * The rejects file of a skip-mode import: the rejected rows as read, with an {@code import_problem}
 * column, in a CSV a spreadsheet opens safely (formula-looking cells defused) and that imports again
 * with the same values once fixed.
 */
final class RejectsFile implements AutoCloseable {
    private final CsvWriter csv;
    private final int width;

    RejectsFile(OutputStream out, List<String> header) {
        this.csv = CsvWriter.builder()
                .lineDelimiter(LineDelimiter.CRLF)
                .build(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.width = header.size();
        List<String> h = new ArrayList<>();
        for (String name : header) {
            h.add(defuse(name));
        }
        h.add("import_problem");
        csv.writeRecord(h);
    }

    void write(String[] cells, List<Problem> problems) {
        List<String> out = new ArrayList<>(cells.length + 1);
        for (String cell : cells) {
            out.add(defuse(cell));
        }
        while (out.size() < width) {
            out.add("");
        }
        out.add(defuse(
                String.join("; ", problems.stream().map(Problem::describe).toList())));
        csv.writeRecord(out);
    }

    /** A cell as a spreadsheet opens it safely ({@link SpreadsheetText#neutralise}). */
    static String defuse(String cell) {
        return SpreadsheetText.neutralise(cell);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
