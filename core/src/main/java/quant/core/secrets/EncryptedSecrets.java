package quant.core.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import quant.core.io.AtomicFile;

/**
 * Secrets in a file, for computers without a credential store: each secret encrypted with AES-256-GCM
 * under a key derived from the user's passphrase by PBKDF2-HMAC-SHA256 (600,000 iterations, a random
 * 16-byte salt per file, a random 12-byte nonce per secret; the key's name is the GCM's associated
 * data, so a secret moved to another name does not open). A check value tells a wrong passphrase from a
 * damaged file. The file is JSON and is replaced whole on each change; the passphrase is never kept.
 */
public final class EncryptedSecrets implements SecretStore {
    static final int ITERATIONS = 600_000;
    private static final String CHECK = "quant-workbench-secrets";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final SecretKey key;
    private final byte[] salt;
    private final int iterations;
    private final Map<String, String> entries;

    private EncryptedSecrets(Path file, SecretKey key, byte[] salt, int iterations, Map<String, String> entries) {
        this.file = file;
        this.key = key;
        this.salt = salt;
        this.iterations = iterations;
        this.entries = entries;
    }

    /**
     * Opens the file with {@code passphrase}, or starts a new one there when there is none.
     *
     * @throws SecretsException when the passphrase does not open it, or it cannot be read
     */
    public static EncryptedSecrets open(Path file, char[] passphrase) {
        if (passphrase.length == 0) {
            throw new SecretsException("Give a passphrase to keep secrets in " + file + ".");
        }
        if (!Files.exists(file)) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            EncryptedSecrets s = new EncryptedSecrets(
                    file, derive(passphrase, salt, ITERATIONS), salt, ITERATIONS, new LinkedHashMap<>());
            s.save();
            return s;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            byte[] salt = Base64.getDecoder().decode(root.get("salt").asText());
            int iterations = root.get("iterations").asInt();
            Map<String, String> entries = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.get("secrets").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                entries.put(e.getKey(), e.getValue().asText());
            }
            EncryptedSecrets s =
                    new EncryptedSecrets(file, derive(passphrase, salt, iterations), salt, iterations, entries);
            char[] check = s.decrypt("check", root.get("check").asText());
            if (!new String(check).equals(CHECK)) {
                throw new SecretsException("The passphrase does not open " + file + ".");
            }
            return s;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SecretsException se) {
                throw se;
            }
            throw new SecretsException("The secrets file " + file + " cannot be read (" + e.getMessage() + ").", e);
        }
    }

    private static SecretKey derive(char[] passphrase, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            return new SecretKeySpec(k, "AES");
        } catch (GeneralSecurityException e) {
            throw new SecretsException("This Java runtime cannot derive keys (PBKDF2WithHmacSHA256).", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String describe() {
        return "the encrypted file " + file;
    }

    @Override
    public Optional<char[]> get(String name) {
        String value = entries.get(name);
        return value == null ? Optional.empty() : Optional.of(decrypt(name, value));
    }

    @Override
    public void put(String name, char[] secret) {
        entries.put(name, encrypt(name, secret));
        save();
    }

    @Override
    public void remove(String name) {
        if (entries.remove(name) != null) {
            save();
        }
    }

    private String encrypt(String name, char[] secret) {
        byte[] plain = bytes(secret);
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain);
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(12 + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new SecretsException("This Java runtime cannot encrypt with AES-GCM.", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private char[] decrypt(String name, String value) {
        byte[] all = Base64.getDecoder().decode(value);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] plain = c.doFinal(all, 12, all.length - 12);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            Arrays.fill(plain, (byte) 0);
            char[] out = new char[chars.remaining()];
            chars.get(out);
            return out;
        } catch (AEADBadTagException e) {
            throw new SecretsException("The passphrase does not open " + file + ".", e);
        } catch (GeneralSecurityException e) {
            throw new SecretsException("This Java runtime cannot decrypt with AES-GCM.", e);
        }
    }

    private static byte[] bytes(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private void save() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "quant-secrets-1");
        root.put("kdf", "PBKDF2WithHmacSHA256");
        root.put("iterations", iterations);
        root.put("salt", Base64.getEncoder().encodeToString(salt));
        root.put("cipher", "AES/GCM/NoPadding");
        root.put("check", encrypt("check", CHECK.toCharArray()));
        ObjectNode secrets = root.putObject("secrets");
        entries.forEach(secrets::put);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFile.write(
                    file, out -> out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root)));
        } catch (IOException e) {
            throw new SecretsException("Could not write the secrets file " + file + " (" + e.getMessage() + ").", e);
        }
    }
}
