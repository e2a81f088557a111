package quant.core.store;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords for server databases given in this process, by user, host, port and database
 * ({@link StoreLocation.Server#secretName()}): taken from the operating system's credential store by
 * the window or the command line before a server database is opened. Without one, PostgreSQL's driver
 * reads the password file ({@code ~/.pgpass}, or the file {@code PGPASSFILE} names), as PostgreSQL's
 * own tools do. A password is never put in an address, the settings, a log or an error.
 */
public final class ServerPasswords {
    private static final Map<String, char[]> PASSWORDS = new ConcurrentHashMap<>();

    private ServerPasswords() {}

    /** Gives the password for {@code server}; the caller may wipe its own characters afterwards. */
    public static void give(StoreLocation.Server server, char[] password) {
        char[] old = PASSWORDS.put(server.secretName(), password.clone());
        if (old != null) {
            Arrays.fill(old, '\0');
        }
    }

    /** Forgets the password of {@code server}. */
    public static void forget(StoreLocation.Server server) {
        char[] old = PASSWORDS.remove(server.secretName());
        if (old != null) {
            Arrays.fill(old, '\0');
        }
    }

    /** The password given for {@code server}, if any. */
    static Optional<char[]> of(StoreLocation.Server server) {
        return Optional.ofNullable(PASSWORDS.get(server.secretName()));
    }
}
