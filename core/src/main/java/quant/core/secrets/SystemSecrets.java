package quant.core.secrets;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's credential store through java-keyring: Keychain on macOS, Credential Manager on
 * Windows, the Secret Service (GNOME Keyring, KWallet) on Linux. Each secret is a password of the
 * service "Quant Workbench" under its key as the account.
 */
public final class SystemSecrets implements SecretStore {
    private static final Logger LOG = LoggerFactory.getLogger(SystemSecrets.class);
    static final String SERVICE = "Quant Workbench";

    private final Keyring keyring;

    private SystemSecrets(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * The system's store, when there is one that answers: none on a Linux without a desktop session
     * (no D-Bus session bus), nor when the store refuses a first read.
     */
    public static Optional<SecretStore> find() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux") && System.getenv("DBUS_SESSION_BUS_ADDRESS") == null) {
            return Optional.empty();
        }
        try {
            Keyring k = Keyring.create();
            try {
                k.getPassword(SERVICE, "quant-probe");
            } catch (PasswordAccessException absent) {
                // the store answered: there is simply no such entry
            }
            return Optional.of(new SystemSecrets(k));
        } catch (Exception | LinkageError e) {
            LOG.info("No system credential store is available ({}); secrets go to an encrypted file", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public String describe() {
        return "the system's credential store (" + keyring.getKeyringStorageType() + ")";
    }

    @Override
    public Optional<char[]> get(String key) {
        try {
            String s = keyring.getPassword(SERVICE, key);
            return s == null ? Optional.empty() : Optional.of(s.toCharArray());
        } catch (PasswordAccessException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, char[] secret) {
        try {
            keyring.setPassword(SERVICE, key, new String(secret));
        } catch (PasswordAccessException e) {
            throw new SecretsException("The system's credential store refused to keep the secret for " + key + ".", e);
        }
    }

    @Override
    public void remove(String key) {
        try {
            keyring.deletePassword(SERVICE, key);
        } catch (PasswordAccessException e) {
            // there was none
        }
    }
}
