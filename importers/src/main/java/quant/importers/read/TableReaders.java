package quant.importers.read;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import quant.core.importing.ImportException;

/** Opens a file as a table with settings the user confirmed (or detected ones where they are blank). */
public final class TableReaders {
    private TableReaders() {}

    /** The settings to read {@code file} with: the given ones, completed by detection from its head. */
    public static ReaderSettings resolve(Path file, ReaderSettings given) throws IOException {
        return FileProbe.head(file, given).settings();
    }

    /** Opens a probed file with the probe's format and settings. */
    public static TableReader open(FileProbe probe) throws IOException {
        return open(probe.file(), probe.format(), probe.settings());
    }

    /** Opens {@code file} with {@code settings}, telling its format from its first bytes. */
    public static TableReader open(Path file, ReaderSettings settings) throws IOException {
        return open(file, FileSniffer.format(file), settings);
    }

    private static TableReader open(Path file, FileSniffer.Format format, ReaderSettings settings) throws IOException {
        if (format == FileSniffer.Format.XLSX) {
            return new XlsxTableReader(file, settings.sheet(), settings.headerRowOrFirst());
        }
        return new CsvTableReader(
                file,
                charset(settings),
                settings.delimiter() == null ? ',' : settings.delimiter(),
                settings.headerRowOrFirst());
    }

    /** The charset the settings name (UTF-8 when they name none); an unknown one is said in a sentence. */
    static Charset charset(ReaderSettings settings) {
        try {
            return Charset.forName(settings.encoding() == null ? "UTF-8" : settings.encoding());
        } catch (IllegalArgumentException e) {
            throw new ImportException(
                    ImportException.Kind.SETTINGS, "Unknown encoding \"" + settings.encoding() + "\".");
        }
    }
}
