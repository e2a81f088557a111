package quant.app.reports;

import java.nio.file.Path;
import java.util.Optional;
import quant.core.secrets.EncryptedSecrets;
import quant.core.secrets.SecretStore;
import quant.core.secrets.SystemSecrets;
import quant.core.store.DataFolder;

/**
 * Where the window keeps secrets (the SMTP password of a schedule): the operating system's credential
 * store when there is one; otherwise {@code secrets.json} in the data folder, encrypted with a
 * passphrase the user gives once per session ({@link #unlock}).
 */
public final class Secrets {
    private final Path file;
    private Optional<SecretStore> system;
    private SecretStore unlocked;

    public Secrets() {
        this(DataFolder.get().resolve("secrets.json"));
    }

    public Secrets(Path file) {
        this.file = file;
    }

    private synchronized Optional<SecretStore> system() {
        if (system == null) {
            system = SystemSecrets.find();
        }
        return system;
    }

    /** The store to use now, or empty when only the encrypted file is there and it is locked. */
    public synchronized Optional<SecretStore> store() {
        Optional<SecretStore> s = system();
        return s.isPresent() ? s : Optional.ofNullable(unlocked);
    }

    /** Whether a passphrase is needed before secrets can be kept or read. */
    public synchronized boolean needsPassphrase() {
        return store().isEmpty();
    }

    /** The encrypted file used where the system has no credential store. */
    public Path file() {
        return file;
    }

    /**
     * Opens the encrypted file with {@code passphrase} (creating it the first time).
     *
     * @throws quant.core.secrets.SecretsException when the passphrase does not open it
     */
    public synchronized void unlock(char[] passphrase) {
        unlocked = EncryptedSecrets.open(file, passphrase);
        java.util.Arrays.fill(passphrase, '\0');
    }
}
