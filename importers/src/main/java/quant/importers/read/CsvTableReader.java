package quant.importers.read;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import quant.core.importing.ImportException;

/**
 * Reads a CSV or TSV file with FastCSV in the given encoding and delimiter. Rows are numbered by the
 * line they start on, as a text editor or spreadsheet shows them. A byte-order mark is skipped;
 * bytes that are not valid in the encoding, an unclosed quote or a field over
 * {@value #MAX_FIELD_CHARS} characters end the read with a clear error.
 */
public final class CsvTableReader implements TableReader {
    /** The longest field read; longer ones are refused rather than held in memory. */
    public static final int MAX_FIELD_CHARS = 1 << 20;

    private final String name;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private final List<String> header;

    public CsvTableReader(Path file, Charset charset, char delimiter, int headerRow) throws IOException {
        this(file.getFileName().toString(), Files.newInputStream(file), charset, delimiter, headerRow);
    }

    /**
     * Reads a table from {@code input} (closed with this reader).
     *
     * @param name the file's name, for messages
     */
    public CsvTableReader(String name, InputStream input, Charset charset, char delimiter, int headerRow)
            throws IOException {
        this.name = name;
        InputStream in = new BufferedInputStream(input, 1 << 16);
        skipBom(in, charset);
        InputStreamReader reader = new InputStreamReader(
                in,
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        this.csv = CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowUnclosedQuote(false)
                .maxBufferSize(MAX_FIELD_CHARS)
                .ofCsvRecord(reader);
        this.records = csv.iterator();
        CsvRecord head = null;
        for (int i = 0; i < headerRow; i++) {
            head = advance();
            if (head == null) {
                break;
            }
        }
        if (head == null || head.getFields().stream().allMatch(String::isBlank)) {
            csv.close();
            throw new ImportException(ImportException.Kind.UNREADABLE, name + " is empty: it has no header row.");
        }
        this.header = List.copyOf(head.getFields().stream().map(String::strip).toList());
    }

    private static void skipBom(InputStream in, Charset charset) throws IOException {
        int bomLength = charset.name().startsWith("UTF-16") ? 2 : charset.name().equals("UTF-8") ? 3 : 0;
        if (bomLength == 0) {
            return;
        }
        in.mark(4);
        byte[] head = in.readNBytes(bomLength);
        boolean bom = bomLength == 3
                ? head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF
                : head.length == 2
                        && (((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE)
                                || ((head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF));
        if (!bom) {
            in.reset();
        }
    }

    private CsvRecord advance() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (CsvParseException e) {
            throw new ImportException(ImportException.Kind.UNREADABLE, name + " cannot be read as CSV: " + plain(e));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharConversionException
                    || e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new ImportException(
                        ImportException.Kind.UNREADABLE,
                        name + " holds bytes that are not valid text in the chosen encoding; pick another encoding.");
            }
            throw e;
        }
    }

    private static String plain(CsvParseException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        Throwable cause = e.getCause();
        String detail = cause != null && cause.getMessage() != null ? cause.getMessage() : m;
        if (detail.contains("maximum buffer size") || detail.contains("buffer")) {
            return "a field is longer than " + MAX_FIELD_CHARS + " characters (" + m + ").";
        }
        return detail.endsWith(".") ? detail : detail + ".";
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() {
        CsvRecord r = advance();
        if (r == null) {
            return null;
        }
        return new Row(r.getStartingLineNumber(), r.getFields().toArray(String[]::new));
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
