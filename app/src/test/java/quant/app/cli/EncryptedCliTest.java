package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;
import quant.app.InProcessQuant.Run;

/** The sample company in an encrypted database, from the command line: made, refused without its passphrase, copied. */
class EncryptedCliTest {
    @TempDir
    Path dir;

    @Test
    void theSampleLivesEncryptedAndOpensOnlyWithItsPassphrase() throws Exception {
        Path pass = Files.writeString(dir.resolve("pass.txt"), "a long passphrase with spaces\n");
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "not it\n");
        String db = dir.resolve("secret.mv.db").toString();
        Run load = InProcessQuant.quant("--db", db, "--passphrase-file", pass.toString(), "sample", "--load");
        assertThat(load.code()).as(load.err()).isZero();
        quant.core.store.Passphrases.forget(Path.of(db));

        Run without = InProcessQuant.quant("--db", db, "info");
        assertThat(without.code()).isEqualTo(2);
        assertThat(without.err().strip())
                .isEqualTo("quant: " + db + " is encrypted: give its passphrase (in the window"
                        + " when asked; on the command line with --passphrase-file FILE or the QUANT_PASSPHRASE environment"
                        + " variable).");
        Run mistaken = InProcessQuant.quant("--db", db, "--passphrase-file", wrong.toString(), "info");
        assertThat(mistaken.code()).isEqualTo(2);
        assertThat(mistaken.err().strip()).isEqualTo("quant: The passphrase given does not open " + db + ".");

        // a file saved on Windows ends its line with CR LF; neither is part of the passphrase
        Path windows = Files.writeString(dir.resolve("windows.txt"), "a long passphrase with spaces\r\nnotes\r\n");
        Run crlf = InProcessQuant.quant("--db", db, "--passphrase-file", windows.toString(), "info");
        assertThat(crlf.code()).as(crlf.err()).isZero();

        Run cohort = InProcessQuant.quant("--db", db, "--passphrase-file", pass.toString(), "cohort", "--json");
        assertThat(cohort.code()).as(cohort.err()).isZero();
        assertThat(cohort.out()).contains("\"cohorts\"");

        // check, back up and restore, still encrypted
        Run check = InProcessQuant.quant("--db", db, "--passphrase-file", pass.toString(), "db", "check");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("is sound");
        String zip = dir.resolve("secret.zip").toString();
        Run backup =
                InProcessQuant.quant("--db", db, "--passphrase-file", pass.toString(), "db", "backup", "--to", zip);
        assertThat(backup.code()).as(backup.err()).isZero();
        String restored = dir.resolve("restored.mv.db").toString();
        Run restore =
                InProcessQuant.quant("--db", restored, "--passphrase-file", pass.toString(), "db", "restore", zip);
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(Files.readString(Path.of(restored), java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("H2encrypt");
        quant.core.store.Passphrases.forget(Path.of(restored));
        assertThat(InProcessQuant.quant("--db", restored, "info").err()).contains("is encrypted");

        String plain = dir.resolve("plain.mv.db").toString();
        Run decrypt =
                InProcessQuant.quant("--db", db, "--passphrase-file", pass.toString(), "db", "decrypt", "--to", plain);
        assertThat(decrypt.code()).as(decrypt.err()).isZero();
        quant.core.store.Passphrases.forget(Path.of(db));
        Run plainInfo = InProcessQuant.quant("--db", plain, "info", "--json");
        assertThat(plainInfo.code()).as(plainInfo.err()).isZero();
        assertThat(plainInfo.out()).containsPattern("\"job\"\\s*:\\s*16560\\b");
        assertThat(Files.readString(Path.of(plain), java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("H:2,");
    }
}
