package quant.importers.engine;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import quant.core.importing.Problem;

/**
 * The rejects file of a skip-mode import: the rejected rows as read, with an {@code import_problem}
 * column, in a CSV a spreadsheet opens safely (formula-looking cells defused) and that imports again
 * with the same values once fixed.
 */
final class RejectsFile implements AutoCloseable {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?(\\d[\\d,]*)?(\\.\\d+)?([eE][-+]?\\d+)?");

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

    /**
     * Text that a spreadsheet would run as a formula is written with a leading apostrophe: a cell
     * starting with {@code = + - @}, or with a tab, carriage return or line feed (OWASP's CSV
     * injection guidance lists them all). Plain numbers such as {@code -5} or {@code +1.5e3} are not
     * formulas and stay as they are, so a fixed rejects file imports with the same values.
     */
    static String defuse(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        boolean risky = "=+-@\t\r\n".indexOf(cell.charAt(0)) >= 0;
        return risky && !PLAIN_NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
