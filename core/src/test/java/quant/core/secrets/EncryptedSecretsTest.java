package quant.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedSecretsTest {
    @TempDir
    Path dir;

    @Test
    void secretsComeBackWithThePassphraseAndOnlyWithIt() throws Exception {
        Path file = dir.resolve("secrets.json");
        EncryptedSecrets s = EncryptedSecrets.open(file, "correct horse".toCharArray());
        s.put("smtp:me@host:587", "hunter2-Łódź".toCharArray());
        s.put("hubspot", "pat-na1-123".toCharArray());
        String text = Files.readString(file);
        assertThat(text).doesNotContain("hunter2").doesNotContain("pat-na1").contains("PBKDF2WithHmacSHA256");

        EncryptedSecrets again = EncryptedSecrets.open(file, "correct horse".toCharArray());
        assertThat(again.get("smtp:me@host:587"))
                .hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("hunter2-Łódź"));
        assertThat(again.get("nothing")).isEmpty();
        again.remove("hubspot");
        assertThat(EncryptedSecrets.open(file, "correct horse".toCharArray()).get("hubspot"))
                .isEmpty();

        assertThatThrownBy(() -> EncryptedSecrets.open(file, "wrong horse".toCharArray()))
                .isInstanceOf(SecretsException.class)
                .hasMessage("The passphrase does not open " + file + ".");
        assertThatThrownBy(() -> EncryptedSecrets.open(dir.resolve("new.json"), new char[0]))
                .hasMessage("Give a passphrase to keep secrets in " + dir.resolve("new.json") + ".");
    }

    @Test
    void aSecretMovedToAnotherNameDoesNotOpen() throws Exception {
        Path file = dir.resolve("secrets.json");
        EncryptedSecrets s = EncryptedSecrets.open(file, "p".toCharArray());
        s.put("a", "one".toCharArray());
        String moved = Files.readString(file).replace("\"a\" :", "\"b\" :");
        Files.writeString(file, moved);
        EncryptedSecrets opened = EncryptedSecrets.open(file, "p".toCharArray());
        assertThatThrownBy(() -> opened.get("b")).isInstanceOf(SecretsException.class);
    }

    @Test
    void noSystemStoreWithoutADesktopSessionOnLinux() {
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")
                && System.getenv("DBUS_SESSION_BUS_ADDRESS") == null) {
            assertThat(SystemSecrets.find()).isEmpty();
        }
    }
}
