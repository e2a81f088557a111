package quant.core.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The passphrases of encrypted databases given in this process, by database file. An encrypted
 * database is an H2 file with {@code CIPHER=AES}: H2 derives the AES key from a file password with
 * its own salt. The passphrase is turned into that password as the hexadecimal SHA-256 of its UTF-8
 * bytes, so that any passphrase works (H2 ends a file password at its first space) and the
 * passphrase itself is not kept; the characters given are wiped.
 *
 * <p>A passphrase is held by file rather than passed to every open, because a database is opened in
 * many places (the analyses, recovery, read-only copies, backups) and all of them need it; the
 * command line gives it once for {@code --db}, the window when the user types it.
 */
public final class Passphrases {
    private static final Map<Path, String> KEYS = new ConcurrentHashMap<>();

    private Passphrases() {}

    /** Gives {@code passphrase} for the database at {@code database}; the characters are wiped. */
    public static void give(Path database, char[] passphrase) {
        try {
            if (passphrase.length == 0) {
                throw new StoreException(
                        StoreException.Kind.ENCRYPTED, "An empty passphrase encrypts nothing; give one.");
            }
            KEYS.put(Store.normalise(database), key(passphrase));
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Forgets the passphrase of {@code database}. */
    public static void forget(Path database) {
        KEYS.remove(Store.normalise(database));
    }

    /** Whether a passphrase was given for {@code database}. */
    public static boolean given(Path database) {
        return KEYS.containsKey(Store.normalise(database));
    }

    /** Holds H2's file password {@code key} for {@code database}. */
    static void put(Path database, String key) {
        KEYS.put(Store.normalise(database), key);
    }

    /** Lets {@code copy} (a rebuild, a read-only copy, a restore) be opened with {@code original}'s passphrase. */
    static void same(Path copy, Path original) {
        String key = KEYS.get(Store.normalise(original));
        if (key != null) {
            KEYS.put(Store.normalise(copy), key);
        }
    }

    /** H2's file password for {@code database}, or null when it is not to be encrypted. */
    static String key(Path database) {
        return KEYS.get(Store.normalise(database));
    }

    /** The URL setting that encrypts {@code database}, or "". */
    static String cipher(Path database) {
        return key(database) == null ? "" : ";CIPHER=AES";
    }

    /** The password H2 takes for {@code database}: the file password, a space, the user's (empty) password. */
    static String password(Path database) {
        String key = key(database);
        return key == null ? "" : key + " ";
    }

    static String key(char[] passphrase) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
