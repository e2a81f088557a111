package quant.core.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import quant.core.io.OutputPath;
import quant.core.store.StoreException.Kind;

/**
 * Encrypting a database, or taking its encryption off, always into a new file: the original is never
 * changed, so a mistake (a forgotten passphrase) costs nothing. The database is opened first (which
 * puts back what a crash left and brings its tables up to date), closed, copied, and the copy's
 * pages are re-encrypted by H2's own tool ({@code ChangeFileEncryption}); the result is opened once
 * with its new passphrase before it is moved into place.
 */
public final class Encryption {
    private Encryption() {}

    /**
     * Copies the database at {@code source} to {@code target}, encrypted with {@code passphrase}, or
     * not encrypted when it is null; the source opens with the passphrase given for it (or none).
     *
     * @throws StoreException with one sentence when the target exists, or a file cannot be used
     */
    public static void copy(Path source, Path target, char[] passphrase) {
        Path from = Store.normalise(source);
        Path to = Store.normalise(target);
        if (Files.exists(to)) {
            throw new StoreException(
                    Kind.REFUSED, to + " already exists; give the name of a new file (the original is never changed).");
        }
        OutputPath.check(to, "The copy", OutputPath.Protected.database(from));
        try (Store store = Store.openExisting(from)) {
            store.checkWritable(); // a database a crash left read-only is put back before it is copied
        }
        String oldKey = Passphrases.key(from);
        String newKey = passphrase == null ? null : Passphrases.key(passphrase);
        if (passphrase != null) {
            java.util.Arrays.fill(passphrase, '\0');
        }
        Path work = null;
        try {
            work = Files.createTempDirectory(to.toAbsolutePath().getParent(), ".quant-encrypt");
            Path copy = work.resolve("db.mv.db");
            Files.copy(from, copy);
            if (oldKey != null || newKey != null) {
                org.h2.tools.ChangeFileEncryption.execute(
                        work.toString(),
                        "db",
                        "AES",
                        oldKey == null ? null : oldKey.toCharArray(),
                        newKey == null ? null : newKey.toCharArray(),
                        true);
            }
            // the copy must open with what it was given before it takes its place
            Path check = work.resolve("db.mv.db");
            Passphrases.forget(check);
            if (newKey != null) {
                Passphrases.put(check, newKey);
            }
            try (Store opened = Store.openExisting(check)) {
                opened.rowCounts();
            }
            Passphrases.forget(check);
            try {
                Files.move(copy, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(copy, to);
            }
            if (newKey != null) {
                Passphrases.put(to, newKey);
            }
        } catch (SQLException | IOException e) {
            throw new StoreException(
                    Kind.IO,
                    "The copy " + to + " could not be made: " + e.getMessage() + "; the original is unchanged.",
                    e);
        } finally {
            if (work != null) {
                try (var left = Files.list(work)) {
                    for (Path p : left.toList()) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(work);
                } catch (IOException e) {
                    // a leftover temporary folder beside the copy, removed by hand
                }
            }
        }
    }
}
