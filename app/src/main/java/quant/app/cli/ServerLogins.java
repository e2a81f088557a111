package quant.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import quant.core.secrets.EncryptedSecrets;
import quant.core.secrets.SecretStore;
import quant.core.secrets.SecretsException;
import quant.core.secrets.SystemSecrets;
import quant.core.store.DataFolder;
import quant.core.store.ServerPasswords;
import quant.core.store.StoreLocation;

/**
 * The password of a server database, from where {@code quant db password} keeps it: the operating
 * system's credential store, else the encrypted {@code secrets.json} when its passphrase is in
 * {@code QUANT_SECRETS_PASSPHRASE}. When neither holds one, PostgreSQL's driver reads the password
 * file ({@code ~/.pgpass}); a password is never taken from an argument or the address.
 */
public final class ServerLogins {
    private ServerLogins() {}

    /** Gives {@code server}'s kept password to the store, when one is kept. */
    public static void give(StoreLocation.Server server) {
        kept(server).ifPresent(p -> {
            ServerPasswords.give(server, p);
            Arrays.fill(p, '\0');
        });
    }

    private static Optional<char[]> kept(StoreLocation.Server server) {
        try {
            Optional<SecretStore> system = SystemSecrets.find();
            if (system.isPresent()) {
                return system.get().get(server.secretName());
            }
            Path file = DataFolder.get().resolve("secrets.json");
            String passphrase = System.getenv(CliSecrets.VARIABLE);
            if (Files.isRegularFile(file) && passphrase != null && !passphrase.isEmpty()) {
                return EncryptedSecrets.open(file, passphrase.toCharArray()).get(server.secretName());
            }
        } catch (SecretsException e) {
            org.slf4j.LoggerFactory.getLogger(ServerLogins.class)
                    .info("No kept password for {}: {}", server.secretName(), e.getMessage());
        }
        return Optional.empty();
    }
}
