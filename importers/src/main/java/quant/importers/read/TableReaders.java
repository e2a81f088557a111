package quant.importers.read;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import quant.core.importing.ImportException;

/** Opens a file as a table with settings the user confirmed (or detected ones where they are blank). */
public final class TableReaders {
    private TableReaders() {}

    /** The settings to read {@code file} with: the given ones, completed by detection. */
    public static ReaderSettings resolve(Path file, ReaderSettings given) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ImportException(ImportException.Kind.UNREADABLE, file + " does not exist or is not a file.");
        }
        if (FileSniffer.format(file) == FileSniffer.Format.XLSX) {
            int header = given.headerRow() != null
                    ? given.headerRow()
                    : XlsxTableReader.detectHeaderRow(file, given.sheet());
            return given.orElse(new ReaderSettings(null, null, header, null, null, null));
        }
        return given.orElse(FileSniffer.sniffText(file));
    }

    public static TableReader open(Path file, ReaderSettings settings) throws IOException {
        if (FileSniffer.format(file) == FileSniffer.Format.XLSX) {
            return new XlsxTableReader(file, settings.sheet(), settings.headerRowOrFirst());
        }
        Charset charset;
        try {
            charset = Charset.forName(settings.encoding() == null ? "UTF-8" : settings.encoding());
        } catch (IllegalArgumentException e) {
            throw new ImportException(
                    ImportException.Kind.SETTINGS, "Unknown encoding \"" + settings.encoding() + "\".");
        }
        return new CsvTableReader(
                file, charset, settings.delimiter() == null ? ',' : settings.delimiter(), settings.headerRowOrFirst());
    }
}
