package quant.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written in full or not at all: the bytes go to a temporary file in the same folder, which
 * {@link #commit()} moves over the target in one step. A failure or a {@link #close()} without
 * commit deletes the temporary file, so a good file already at the target is never replaced by a
 * half-written one.
 */
public final class AtomicFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private boolean done;

    private AtomicFile(Path target, Path temp) throws IOException {
        this.target = target;
        this.temp = temp;
        this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
    }

    /** Starts writing {@code target} (checked beforehand with {@link OutputPath#check}). */
    public static AtomicFile create(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path temp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".part");
        try {
            return new AtomicFile(abs, temp);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Where to write; closing it does not commit. */
    public OutputStream stream() {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /** Moves the written file into place. */
    public void commit() throws IOException {
        out.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
    }

    /** Drops the temporary file unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            try {
                out.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Writes a whole file at once. */
    public static void write(Path target, IoWriter writer) throws IOException {
        try (AtomicFile f = create(target)) {
            try (OutputStream s = f.stream()) {
                writer.write(s);
            }
            f.commit();
        }
    }

    /** Writes bytes to a stream. */
    @FunctionalInterface
    public interface IoWriter {
        void write(OutputStream out) throws IOException;
    }
}
