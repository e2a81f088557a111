package quant.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import quant.core.secrets.EncryptedSecrets;
import quant.core.secrets.SecretStore;
import quant.core.secrets.SystemSecrets;
import quant.core.store.DataFolder;
import quant.core.store.StoreException;

/**
 * Where the command line keeps a connection's token: the operating system's credential store; where
 * there is none, {@code secrets.json} in the data folder (the window's file), encrypted with a
 * passphrase from {@code --secrets-passphrase-file}, the environment variable
 * {@code QUANT_SECRETS_PASSPHRASE} (for unattended syncs), or the terminal — never from an argument.
 */
final class CliSecrets {
    static final String VARIABLE = "QUANT_SECRETS_PASSPHRASE";

    private CliSecrets() {}

    static SecretStore open(Path passphraseFile) {
        Optional<SecretStore> system = SystemSecrets.find();
        if (system.isPresent()) {
            return system.get();
        }
        Path file = DataFolder.get().resolve("secrets.json");
        char[] passphrase = null;
        if (passphraseFile != null) {
            passphrase = QuantCommand.passphraseIn(passphraseFile, "--secrets-passphrase-file");
        } else if (System.getenv(VARIABLE) != null && !System.getenv(VARIABLE).isEmpty()) {
            passphrase = System.getenv(VARIABLE).toCharArray();
        } else if (System.console() != null) {
            passphrase = System.console().readPassword("Passphrase of %s: ", file);
        }
        if (passphrase == null || passphrase.length == 0) {
            throw new StoreException(
                    StoreException.Kind.REFUSED,
                    "This machine has no credential store, so tokens are kept in " + file + ", encrypted: give its"
                            + " passphrase with --secrets-passphrase-file FILE or the environment variable " + VARIABLE
                            + ".");
        }
        try {
            return EncryptedSecrets.open(file, passphrase);
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }
}
