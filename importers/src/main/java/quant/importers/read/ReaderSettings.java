package quant.importers.read;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import quant.core.importing.ImportException;
import quant.importers.parse.DateOrder;
import quant.importers.parse.NumberParser.DecimalMark;

/**
 * How to read a file: part of a mapping profile, so that a headless import reads the file exactly
 * as the user confirmed it. A {@code null} field means "detect it".
 *
 * @param encoding a charset name such as {@code UTF-8}, {@code UTF-16LE} or {@code windows-1252}
 * @param delimiter the field separator of a CSV/TSV file
 * @param headerRow the 1-based row that holds the column names
 * @param sheet the worksheet of an XLSX file (default: the first)
 * @param dateOrder how to read dates like {@code 3/4/2024}; required when the file cannot prove it
 * @param decimalMark the decimal mark of numbers
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReaderSettings(
        String encoding,
        Character delimiter,
        Integer headerRow,
        String sheet,
        DateOrder dateOrder,
        DecimalMark decimalMark) {
    public static final ReaderSettings DETECT = new ReaderSettings(null, null, null, null, null, null);

    /** Refuses settings no file can be read with, in one sentence. */
    public ReaderSettings {
        if (delimiter != null && (delimiter == '"' || delimiter == '\r' || delimiter == '\n')) {
            throw new ImportException(
                    ImportException.Kind.SETTINGS,
                    "The delimiter cannot be " + (delimiter == '"' ? "the quote character (\")" : "a line break")
                            + "; use a comma, semicolon, tab or another single character.");
        }
        if (headerRow != null && headerRow < 1) {
            throw new ImportException(
                    ImportException.Kind.SETTINGS,
                    "The header row is counted from 1 (the first line), so " + headerRow + " is not a row.");
        }
        if (encoding != null) {
            try {
                java.nio.charset.Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                throw new ImportException(
                        ImportException.Kind.SETTINGS,
                        "The encoding \"" + encoding + "\" is not one Java knows (e.g. UTF-8, UTF-16, windows-1252).");
            }
        }
    }

    /** These settings with every detected value filled in where this one is {@code null}. */
    public ReaderSettings orElse(ReaderSettings detected) {
        return new ReaderSettings(
                encoding != null ? encoding : detected.encoding,
                delimiter != null ? delimiter : detected.delimiter,
                headerRow != null ? headerRow : detected.headerRow,
                sheet != null ? sheet : detected.sheet,
                dateOrder != null ? dateOrder : detected.dateOrder,
                decimalMark != null ? decimalMark : detected.decimalMark);
    }

    public ReaderSettings withSheet(String name) {
        return new ReaderSettings(encoding, delimiter, headerRow, name, dateOrder, decimalMark);
    }

    public ReaderSettings withDateOrder(DateOrder order) {
        return new ReaderSettings(encoding, delimiter, headerRow, sheet, order, decimalMark);
    }

    public int headerRowOrFirst() {
        return headerRow == null ? 1 : headerRow;
    }
}
