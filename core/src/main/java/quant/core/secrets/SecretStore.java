package quant.core.secrets;

import java.util.Optional;

/**
 * Where secrets such as an SMTP password or an API token are kept: the operating system's credential
 * store ({@link SystemSecrets}) or a file encrypted with a key derived from the user's passphrase
 * ({@link EncryptedSecrets}). A secret is never written in plain text, logged or put in an error.
 */
public interface SecretStore {
    /** Where secrets are kept, in words: "the system's credential store (Keychain)". */
    String describe();

    /** The secret kept under {@code key}, if any. */
    Optional<char[]> get(String key);

    /** Keeps {@code secret} under {@code key}, replacing one kept there. */
    void put(String key, char[] secret);

    /** Forgets the secret kept under {@code key}; nothing happens when there is none. */
    void remove(String key);
}
