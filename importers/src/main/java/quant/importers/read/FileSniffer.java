package quant.importers.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import quant.core.importing.ImportException;
import quant.importers.parse.NumberParser.DecimalMark;

/**
 * Guesses how to read a file from its first {@value #SAMPLE_BYTES} bytes: XLSX or text; for text
 * the encoding (byte-order marks, UTF-16 without one, strict UTF-8, else Windows-1252), the
 * delimiter (the one of {@code , ; TAB |} that splits the lines most consistently, quotes
 * respected) and the decimal mark. Refuses binary files and old {@code .xls} workbooks with a plain
 * sentence.
 */
public final class FileSniffer {
    static final int SAMPLE_BYTES = 64 * 1024;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    /** What a file looks like. */
    public enum Format {
        CSV,
        XLSX
    }

    private FileSniffer() {}

    public static Format format(Path file) throws IOException {
        return format(head(file, 8), file.getFileName().toString());
    }

    /** The format the first bytes of a file (at least 8 where it has them) show; {@code name} is for messages. */
    static Format format(byte[] head, String name) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Format.XLSX;
        }
        if (head.length >= 8 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11) {
            throw new ImportException(
                    ImportException.Kind.UNREADABLE,
                    name + " is an old Excel 97–2003 (.xls) workbook; save it as .xlsx or CSV and import that.");
        }
        return Format.CSV;
    }

    /** Detected reader settings for a text file (date order only when the sample proves it). */
    public static ReaderSettings sniffText(Path file) throws IOException {
        return sniffText(head(file, SAMPLE_BYTES), file.getFileName().toString());
    }

    /** Detected reader settings from the first {@value #SAMPLE_BYTES} bytes of a text file named {@code name}. */
    static ReaderSettings sniffText(byte[] sample, String name) {
        if (sample.length == 0) {
            throw new ImportException(ImportException.Kind.UNREADABLE, name + " is empty.");
        }
        Charset charset = encoding(sample);
        String text = decode(sample, charset);
        if (looksBinary(text)) {
            throw new ImportException(
                    ImportException.Kind.UNREADABLE,
                    name + " does not look like a text table (CSV or TSV): it holds binary data.");
        }
        List<String> lines = lines(text);
        if (lines.stream().allMatch(String::isBlank)) {
            throw new ImportException(ImportException.Kind.UNREADABLE, name + " is empty: it holds only blank lines.");
        }
        char delimiter = delimiter(lines);
        int headerRow = headerRow(lines, delimiter);
        List<String> table = lines.subList(Math.min(headerRow - 1, lines.size()), lines.size());
        return new ReaderSettings(charset.name(), delimiter, headerRow, null, null, decimalMark(table, delimiter));
    }

    /**
     * The 1-based row (counting non-blank lines, as the readers do) that holds the column names:
     * the first line with at least half as many non-empty fields as the widest line and at least
     * two. Reports exported from accounting tools put a title block (company, report name, period)
     * above the table; plain files have their header on the first line.
     */
    static int headerRow(List<String> lines, char delimiter) {
        int[] filled = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            filled[i] = nonEmptyFields(lines.get(i), delimiter);
        }
        return headerIndex(filled) + 1;
    }

    /** Of rows with these counts of filled fields, the index of the header (see {@link #headerRow}). */
    static int headerIndex(int[] filled) {
        int widest = 0;
        for (int f : filled) {
            widest = Math.max(widest, f);
        }
        for (int i = 0; i < filled.length; i++) {
            if (filled[i] >= 2 && filled[i] * 2 >= widest) {
                return i;
            }
        }
        return 0;
    }

    /** Fields in a line split by {@code d}, outside double quotes, that hold more than blanks and quotes. */
    static int nonEmptyFields(String line, char d) {
        int n = 0;
        boolean quoted = false;
        boolean content = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == d && !quoted) {
                n += content ? 1 : 0;
                content = false;
            } else if (!Character.isWhitespace(c)) {
                content = true;
            }
        }
        return n + (content ? 1 : 0);
    }

    static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    static Charset encoding(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                if (i % 2 == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        if (oddZeros > b.length / 4 && evenZeros < b.length / 50) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros > b.length / 4 && oddZeros < b.length / 50) {
            return StandardCharsets.UTF_16BE;
        }
        int end = b.length;
        if (b.length == SAMPLE_BYTES) {
            // Do not fail on a multi-byte character cut at the end of the sample.
            while (end > 0 && end > b.length - 4 && (b[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > 0 && (b[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1252");
        }
    }

    private static String decode(byte[] b, Charset charset) {
        String s = new String(b, charset);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static boolean looksBinary(String text) {
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == '\uFFFD') {
                control++;
            }
        }
        return control > Math.max(2, text.length() / 100);
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r\n|\n|\r")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
            if (lines.size() == 50) {
                break;
            }
        }
        return lines;
    }

    /** Fields in a line split by {@code d}, outside double quotes. */
    static int count(String line, char d) {
        int n = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == d && !quoted) {
                n++;
            }
        }
        return n;
    }

    /**
     * The field count most lines share when split by {@code d}, among lines that it splits at all
     * (a title line above the table does not decide it); 1 when it splits none.
     */
    static int typicalCount(List<String> lines, char d) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        int best = 1;
        int bestLines = 0;
        for (String line : lines) {
            int c = count(line, d);
            if (c < 2) {
                continue; // a title line with no delimiter says nothing about the delimiter
            }
            int n = counts.merge(c, 1, Integer::sum);
            if (n > bestLines || (n == bestLines && c > best)) {
                best = c;
                bestLines = n;
            }
        }
        return best;
    }

    static char delimiter(List<String> lines) {
        char best = ',';
        double bestScore = 0;
        for (char d : DELIMITERS) {
            if (lines.isEmpty()) {
                break;
            }
            int first = typicalCount(lines, d);
            if (first < 2) {
                continue;
            }
            int consistent = 0;
            for (String line : lines) {
                if (count(line, d) == first) {
                    consistent++;
                }
            }
            double score = (double) consistent / lines.size() * Math.log(first + 1);
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    /** Comma decimals when the file is not comma-separated and numbers like {@code 12,50} appear. */
    static DecimalMark decimalMark(List<String> lines, char delimiter) {
        if (delimiter == ',') {
            return DecimalMark.DOT;
        }
        int comma = 0;
        int dot = 0;
        for (String line : lines) {
            for (String field : line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)))) {
                String f = field.strip().replace("\"", "");
                if (f.matches("-?[\\d.]*\\d,\\d{1,2}")) {
                    comma++;
                } else if (f.matches("-?[\\d,]*\\d\\.\\d{1,2}")) {
                    dot++;
                }
            }
        }
        return comma > dot ? DecimalMark.COMMA : DecimalMark.DOT;
    }

    /** A short name of the delimiter for people: "comma", "semicolon", "tab", "pipe". */
    public static String describe(char delimiter) {
        return switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "pipe";
            default -> "'" + delimiter + "'";
        };
    }
}
