package quant.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;

/**
 * Reading a CSV file with words for what goes wrong in the parser: a record whose fields do not
 * match the header, a quote left open, bytes that are not UTF-8 text. The CSV library reports these
 * as its own exceptions; a reader runs its work through {@link #read} and they come out as one
 * sentence naming the file ({@link UnreadableFileException}, a data error).
 */
public final class CsvFiles {
    private CsvFiles() {}

    /** Work that reads a file. */
    @FunctionalInterface
    public interface Reading<T> {
        T run() throws IOException;
    }

    /** Runs {@code reading} on {@code file}, turning the parser's failures into a sentence. */
    public static <T> T read(Path file, Reading<T> reading) throws IOException {
        try {
            return reading.run();
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new UnreadableFileException(
                    file + " is not a well-formed CSV file: " + lower(e.getMessage()) + ".", e);
        } catch (CharacterCodingException e) {
            throw notText(file, e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException cc) {
                throw notText(file, cc);
            }
            throw e.getCause();
        }
    }

    private static UnreadableFileException notText(Path file, Exception e) {
        return new UnreadableFileException(
                file + " is not UTF-8 text (it may be a binary file), so it cannot be read as CSV.", e);
    }

    private static String lower(String message) {
        String m = message == null ? "it cannot be parsed" : message.strip();
        if (m.endsWith(".")) {
            m = m.substring(0, m.length() - 1);
        }
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    /** A file that cannot be read as what it should be, in one sentence: a data error. */
    public static final class UnreadableFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnreadableFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
