package quant.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.job.JobMonitor;

/** Encrypted databases: the passphrase opens them, its absence or a wrong one is a sentence, copies and recovery keep it. */
class EncryptionTest {
    @TempDir
    Path dir;

    private String home;

    @BeforeEach
    void ownDataFolder() {
        home = System.getProperty("quant.home");
        System.setProperty("quant.home", dir.resolve("home").toString());
    }

    @AfterEach
    void forget() throws Exception {
        try (var files = Files.list(dir)) {
            files.forEach(Passphrases::forget);
        }
        if (home == null) {
            System.clearProperty("quant.home");
        } else {
            System.setProperty("quant.home", home);
        }
    }

    private static char[] pass(String s) {
        return s.toCharArray();
    }

    /** A new encrypted database with two customers. */
    private Path encrypted(String name, String passphrase) {
        Path db = dir.resolve(name + ".mv.db");
        Passphrases.give(db, pass(passphrase));
        try (Store store = Store.open(db)) {
            store.inTransaction(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate(
                            "INSERT INTO customer (source, external_ref, name) VALUES ('t', 'C1', 'Ada Quillworth'),"
                                    + " ('t', 'C2', 'Bo')");
                }
                return null;
            });
        }
        return db;
    }

    @Test
    void thePassphraseOpensItAndNothingElseDoes() throws Exception {
        Path db = encrypted("shop", "correct horse battery staple");
        assertThat(new String(Files.readAllBytes(db), 0, 9, StandardCharsets.US_ASCII))
                .isEqualTo("H2encrypt");
        // a name long enough that random ciphertext does not contain it by chance (three letters did, once)
        assertThat(Files.readString(db, StandardCharsets.ISO_8859_1)).doesNotContain("Ada Quillworth");

        Passphrases.forget(db);
        assertThatThrownBy(() -> Store.openExisting(db))
                .isInstanceOf(StoreException.class)
                .hasMessage(db + " is encrypted: give its passphrase (in the window when asked; on the command line"
                        + " with --passphrase-file FILE or the QUANT_PASSPHRASE environment variable).")
                .extracting(e -> ((StoreException) e).kind())
                .isEqualTo(StoreException.Kind.ENCRYPTED);

        Passphrases.give(db, pass("correct horse battery stable"));
        assertThatThrownBy(() -> Store.openExisting(db))
                .hasMessage("The passphrase given does not open " + db + ".")
                .extracting(e -> ((StoreException) e).kind())
                .isEqualTo(StoreException.Kind.ENCRYPTED);

        Passphrases.give(db, pass("correct horse battery staple"));
        try (Store store = Store.openExisting(db)) {
            assertThat(store.rowCounts().get(DomainTable.CUSTOMER)).isEqualTo(2);
        }
    }

    @Test
    void aPassphraseForAPlainDatabaseIsSetAside() {
        Path db = dir.resolve("plain.mv.db");
        try (Store store = Store.open(db)) {
            assertThat(store.isEmpty()).isTrue();
        }
        Passphrases.give(db, pass("set for every database"));
        try (Store store = Store.openExisting(db)) {
            assertThat(store.isEmpty()).isTrue();
        }
    }

    @Test
    void copiesEncryptAndDecryptAndNeverChangeTheOriginal() throws Exception {
        Path db = encrypted("original", "first");
        Path plain = dir.resolve("plain-copy.mv.db");
        Encryption.copy(db, plain, null);
        // the original keeps its encryption and its data
        assertThat(new String(Files.readAllBytes(db), 0, 9, StandardCharsets.US_ASCII))
                .isEqualTo("H2encrypt");
        try (Store store = Store.openExisting(db)) {
            assertThat(store.rowCounts().get(DomainTable.CUSTOMER)).isEqualTo(2);
        }
        assertThat(new String(Files.readAllBytes(plain), 0, 4, StandardCharsets.US_ASCII))
                .isEqualTo("H:2,");
        try (Store store = Store.openExisting(plain)) {
            assertThat(store.rowCounts().get(DomainTable.CUSTOMER)).isEqualTo(2);
        }

        Path again = dir.resolve("second.mv.db");
        Encryption.copy(plain, again, pass("second"));
        Passphrases.forget(again);
        assertThatThrownBy(() -> Store.openExisting(again)).hasMessageContaining("is encrypted");
        Passphrases.give(again, pass("second"));
        try (Store store = Store.openExisting(again)) {
            assertThat(store.rowCounts().get(DomainTable.CUSTOMER)).isEqualTo(2);
        }
        assertThatThrownBy(() -> Encryption.copy(plain, again, null)).hasMessageContaining("already exists");
    }

    @Test
    void recoveryReadOnlyCopiesAndBackupsWorkOnAnEncryptedFile() throws Exception {
        Path db = encrypted("kept", "kept secret");
        // a run a crash left running: the next open rebuilds the file, encrypted as before
        try (var c = java.sql.DriverManager.getConnection(H2Files.url(db, false), "sa", Passphrases.password(db));
                var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO import_run (file_name, file_size, sha256, target_table, source, rows_read,"
                    + " rows_inserted, rows_updated, rows_rejected, started_at, duration_ms, outcome, run_by)"
                    + " VALUES ('x.csv', 1, REPEAT('a', 64), 'customer', 't', 0, 0, 0, 0, CURRENT_TIMESTAMP, 0,"
                    + " 'running', 'test')");
        }
        try (Store store = Store.openExisting(db)) {
            assertThat(store.rowCounts().get(DomainTable.CUSTOMER)).isEqualTo(2);
        }
        assertThat(new String(Files.readAllBytes(db), 0, 9, StandardCharsets.US_ASCII))
                .isEqualTo("H2encrypt");

        try (Store copy = Store.openReadOnlyCopy(db)) {
            assertThat(copy.rowCounts().get(DomainTable.CUSTOMER)).isEqualTo(2);
        }

        Path zip = dir.resolve("kept.zip");
        try (Store store = Store.openExisting(db)) {
            Backups.backup(store, zip, Backups.KEEP);
        }
        Path restored = dir.resolve("restored.mv.db");
        Passphrases.give(restored, pass("kept secret"));
        assertThat(Backups.restore(zip, restored, JobMonitor.NONE).sound()).isTrue();
        try (Store store = Store.openExisting(restored)) {
            assertThat(store.rowCounts().get(DomainTable.CUSTOMER)).isEqualTo(2);
        }
    }
}
