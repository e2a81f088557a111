package quant.importers.read;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;
import quant.core.importing.ImportException;

/**
 * Reads one worksheet of an XLSX workbook as a stream (fastexcel-reader). Numbers come out as plain
 * decimals, cells formatted as dates as ISO date-times, booleans as {@code true}/{@code false},
 * formulas as their cached value.
 */
public final class XlsxTableReader implements TableReader {
    private final ReadableWorkbook workbook;
    private final Stream<org.dhatim.fastexcel.reader.Row> stream;
    private final Iterator<org.dhatim.fastexcel.reader.Row> rows;
    private final List<String> header;
    private final String name;
    private final int headerRowNumber;

    public XlsxTableReader(Path file, String sheetName, int headerRow) throws IOException {
        this.name = file.getFileName().toString();
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            throw new ImportException(
                    ImportException.Kind.UNREADABLE,
                    file.getFileName() + " is not a readable XLSX workbook (it is damaged or not an Excel file).");
        }
        Sheet sheet = sheetName == null
                ? workbook.getFirstSheet()
                : workbook.findSheet(sheetName)
                        .orElseThrow(() -> new ImportException(
                                ImportException.Kind.SETTINGS,
                                file.getFileName() + " has no sheet named \"" + sheetName + "\"; it has "
                                        + sheetNames(workbook) + "."));
        org.dhatim.fastexcel.reader.Row head = null;
        try {
            stream = sheet.openStream();
            rows = stream.iterator();
            while (rows.hasNext()) {
                org.dhatim.fastexcel.reader.Row r = rows.next();
                if (r.getRowNum() >= headerRow) {
                    head = r;
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw damaged(e instanceof RuntimeException re ? re : new java.io.UncheckedIOException((IOException) e));
        }
        if (head == null) {
            close();
            throw new ImportException(
                    ImportException.Kind.UNREADABLE,
                    "The sheet \"" + sheet.getName() + "\" is empty: it has no header row.");
        }
        header = List.of(cells(head));
        headerRowNumber = head.getRowNum();
    }

    /**
     * The row (1-based, as the sheet numbers it) that holds the column names: the first of the
     * sheet's first 50 rows with at least two filled cells and at least half as many as the widest,
     * so a title block above a report's table is skipped.
     */
    public static int detectHeaderRow(Path file, String sheetName) throws IOException {
        return layout(file, sheetName).headerRow();
    }

    /** A workbook's sheet names and the detected header row of one sheet (the first when {@code null}). */
    public record Layout(List<String> sheets, int headerRow) {}

    /** The workbook's sheets and the header row of {@code sheetName} (see {@link #detectHeaderRow}), opening it once. */
    public static Layout layout(Path file, String sheetName) throws IOException {
        try (XlsxTableReader reader = new XlsxTableReader(file, sheetName, 1)) {
            List<Integer> numbers = new ArrayList<>();
            List<Integer> filled = new ArrayList<>();
            numbers.add(reader.headerRowNumber);
            filled.add((int) reader.header.stream().filter(c -> !c.isEmpty()).count());
            for (Row r = reader.next(); r != null && numbers.size() < 50; r = reader.next()) {
                numbers.add((int) r.number());
                filled.add((int) java.util.Arrays.stream(r.cells())
                        .filter(c -> !c.isEmpty())
                        .count());
            }
            int index = FileSniffer.headerIndex(
                    filled.stream().mapToInt(Integer::intValue).toArray());
            return new Layout(reader.workbook.getSheets().map(Sheet::getName).toList(), numbers.get(index));
        }
    }

    /** The names of the workbook's sheets, in order. */
    public static List<String> sheetNames(Path file) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            return wb.getSheets().map(Sheet::getName).toList();
        }
    }

    private static List<String> sheetNames(ReadableWorkbook wb) {
        return wb.getSheets().map(s -> "\"" + s.getName() + "\"").toList();
    }

    private static String[] cells(org.dhatim.fastexcel.reader.Row row) {
        List<String> out = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            out.add(text(row.getCell(i)));
        }
        int end = out.size();
        while (end > 0 && out.get(end - 1).isEmpty()) {
            end--;
        }
        return out.subList(0, end).stream().map(String::strip).toArray(String[]::new);
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getValue() == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> isDateFormat(cell) ? iso(cell.asDate()) : ((BigDecimal) cell.getValue()).toPlainString();
            case BOOLEAN -> cell.asBoolean().toString();
            case FORMULA -> cell.getRawValue() == null ? "" : cell.getRawValue();
            default -> cell.getText();
        };
    }

    private static boolean isDateFormat(Cell cell) {
        String format = cell.getDataFormatString();
        if (format == null) {
            Integer id = cell.getDataFormatId();
            return id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47));
        }
        String f = format.toLowerCase(java.util.Locale.ROOT).replaceAll("\\[[^]]*]|\"[^\"]*\"", "");
        return f.contains("d") || f.contains("y") || (f.contains("m") && (f.contains("h") || f.contains("s")));
    }

    private static String iso(LocalDateTime t) {
        return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? t.toLocalDate().toString()
                : t.toString();
    }

    @Override
    public boolean fixedWidth() {
        return false;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            org.dhatim.fastexcel.reader.Row r = rows.next();
            return new Row(r.getRowNum(), cells(r));
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    /**
     * A sheet whose XML breaks off, or declares a document type or entities (which are never
     * resolved nor expanded: that is how XXE and "billion laughs" files attack a reader), as one
     * sentence.
     */
    private ImportException damaged(RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(XlsxTableReader.class).info("Unreadable sheet in {}", name, e);
        String why = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        boolean dtd = why.contains("dtd") || why.contains("doctype") || why.contains("entity");
        return new ImportException(
                ImportException.Kind.UNREADABLE,
                name + " cannot be read: its sheet "
                        + (dtd
                                ? "declares a document type or entities, which workbooks never need and the"
                                        + " workbench does not read"
                                : "is damaged or cut off")
                        + ".");
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
        workbook.close();
    }
}
