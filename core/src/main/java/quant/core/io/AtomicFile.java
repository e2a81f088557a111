package quant.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file written in full or not at all: the bytes go to a temporary file in the same folder, which
 * {@link #commit()} moves over the target in one step. A failure or a {@link #close()} without
 * commit deletes the temporary file, so a good file already at the target is never replaced by a
 * half-written one.
 *
 * <p>The temporary file is created as any new file of the user's is, so the file that lands follows
 * the user's umask (a temporary file of the JDK's would be private, 0600). The rename only ever
 * replaces a regular file: a target that has become a device, a pipe or a folder since it was checked
 * fails the commit and is left alone.
 */
public final class AtomicFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private boolean done;

    private AtomicFile(Path target, Path temp, OutputStream out) {
        this.target = target;
        this.temp = temp;
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    /** Starts writing {@code target} (checked beforehand with {@link OutputPath#check}). */
    public static AtomicFile create(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        for (int attempt = 0; ; attempt++) {
            Path temp = abs.resolveSibling(
                    "." + abs.getFileName() + "." + Long.toHexString(RANDOM.nextLong() >>> 1) + ".part");
            try {
                // CREATE_NEW opens with the default mode, so the umask applies, and never reuses a file
                OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new AtomicFile(abs, temp, out);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 16) {
                    throw e;
                }
            }
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

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
        // a link is replaced, not followed; anything else but a regular file is left alone
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isSymbolicLink(target)) {
            throw new IOException(
                    target + " is no longer a regular file (" + OutputPath.kind(target) + "), so it was not replaced");
        }
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
