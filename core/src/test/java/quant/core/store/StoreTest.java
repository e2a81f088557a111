package quant.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    @TempDir
    Path dir;

    @Test
    void createsAndMigratesANewDatabaseWithEveryTableEmpty() {
        try (Store store = Store.open(dir.resolve("new"))) {
            assertThat(store.file()).isEqualTo(dir.resolve("new.mv.db"));
            assertThat(store.schemaVersion()).isEqualTo("13");
            assertThat(store.dataVersion()).isZero();
            assertThat(store.rowCounts()).hasSize(DomainTable.values().length).allSatisfy((t, n) -> assertThat(n)
                    .isZero());
            assertThat(store.isEmpty()).isTrue();
        }
    }

    @Test
    void reopensAnExistingDatabaseWithoutMigratingAgain() {
        Path file = dir.resolve("again.mv.db");
        try (Store store = Store.open(file)) {
            store.inTransaction(c -> {
                Store.bumpDataVersion(c);
                return null;
            });
        }
        try (Store store = Store.open(file)) {
            assertThat(store.dataVersion()).isEqualTo(1);
            assertThat(store.schemaVersion()).isEqualTo("13");
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (Store store = Store.open(dir.resolve("tx"))) {
            assertThatThrownBy(() -> store.inTransaction(c -> {
                        c.createStatement()
                                .executeUpdate(
                                        "INSERT INTO service_line (source, external_ref, code, name) VALUES ('t', '1', 'A', 'A')");
                        Store.bumpDataVersion(c);
                        c.createStatement()
                                .executeUpdate(
                                        "INSERT INTO service_line (source, external_ref, code, name) VALUES ('t', '2', 'A', 'B')");
                        return null;
                    }))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("refused");
            assertThat(store.rowCounts().get(DomainTable.SERVICE_LINE)).isZero();
            assertThat(store.dataVersion()).isZero();
        }
    }

    @Test
    void aDatabaseHeldByAnotherProgramIsRefusedAndLeftAsItIs() throws Exception {
        Path file = dir.resolve("held.mv.db");
        Store.open(file).close();
        String before = sha256(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            assertThat(lock.isValid()).isTrue();
            assertThatThrownBy(() -> Store.open(file))
                    .isInstanceOfSatisfying(
                            StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.LOCKED))
                    .hasMessageContaining("already open in another");
        }
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void aReadOnlyCopyOfAHeldDatabaseCanBeRead() throws Exception {
        Path file = dir.resolve("copy.mv.db");
        try (Store store = Store.open(file)) {
            store.inTransaction(c -> c.createStatement()
                    .executeUpdate(
                            "INSERT INTO service_line (source, external_ref, code, name) VALUES ('t', '1', 'A', 'A')"));
        }
        String before = sha256(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.lock();
                Store copy = Store.openReadOnlyCopy(file)) {
            assertThat(copy.isReadOnly()).isTrue();
            assertThat(copy.rowCounts().get(DomainTable.SERVICE_LINE)).isEqualTo(1);
            assertThatThrownBy(() -> copy.inTransaction(c -> null)).hasMessageContaining("open read-only");
        }
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void aDatabaseWrittenByANewerVersionIsRefusedAndNotMigratedDown() throws Exception {
        Path file = dir.resolve("newer.mv.db");
        Store.open(file).close();
        String base = file.toString().replace(".mv.db", "");
        try (var c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "")) {
            c.createStatement()
                    .executeUpdate(
                            "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'sa', 1, TRUE)");
        }
        String before = sha256(file);
        assertThatThrownBy(() -> Store.open(file))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.NEWER_VERSION))
                .hasMessageContaining("newer version of Quant Workbench")
                .hasMessageContaining("schema version 99");
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotAnH2DatabaseIsRefusedAndKept() throws Exception {
        Path file = dir.resolve("notes.mv.db");
        Files.writeString(file, "name,amount\nAcme,12\n", StandardCharsets.UTF_8);
        String before = sha256(file);
        assertThatThrownBy(() -> Store.open(file))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.DAMAGED))
                .hasMessageContaining("is not a Quant Workbench database");
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void aDamagedDatabaseIsRefusedAndKept() throws Exception {
        Path file = dir.resolve("damaged.mv.db");
        Store.open(file).close();
        byte[] bytes = Files.readAllBytes(file);
        // Keep the H2 file header, overwrite everything after the first block with noise.
        java.util.Random noise = new java.util.Random(7);
        for (int i = 4096; i < bytes.length; i++) {
            bytes[i] = (byte) noise.nextInt(256);
        }
        byte[] header = new byte[4096];
        System.arraycopy(bytes, 0, header, 0, 4096);
        for (int i = 200; i < 4096; i++) {
            header[i] = (byte) noise.nextInt(256);
        }
        System.arraycopy(header, 0, bytes, 0, 4096);
        Files.write(file, bytes);
        String before = sha256(file);
        assertThatThrownBy(() -> Store.open(file))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.DAMAGED))
                .hasMessageContaining("damaged");
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void aForeignH2DatabaseIsRefusedAndKeptByteForByte() throws Exception {
        Path file = dir.resolve("foreign.mv.db");
        String base = file.toString().replace(".mv.db", "");
        try (var c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "")) {
            c.createStatement().executeUpdate("CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(10,2))");
            c.createStatement().executeUpdate("INSERT INTO orders VALUES (1, 9.99)");
        }
        String before = sha256(file);
        assertThatThrownBy(() -> Store.open(file))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.FOREIGN))
                .hasMessageContaining("another program")
                .hasMessageContaining("orders")
                .hasMessageNotContaining("baseline");
        assertThat(sha256(file)).isEqualTo(before);
        assertThatThrownBy(() -> Store.openExisting(file)).isInstanceOf(StoreException.class);
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void aDatabaseWhoseMigrationHistoryWasEditedIsRefusedAndKeptByteForByte() throws Exception {
        Path file = dir.resolve("edited.mv.db");
        Store.open(file).close();
        String base = file.toString().replace(".mv.db", "");
        try (var c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "")) {
            c.createStatement()
                    .executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '2'");
        }
        String before = sha256(file);
        assertThatThrownBy(() -> Store.open(file))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.FOREIGN))
                .hasMessageContaining("migration history");
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void readingCommandsRefuseADatabaseThatDoesNotExistAndCreateNothing() {
        Path file = dir.resolve("typo.mv.db");
        assertThatThrownBy(() -> Store.openExisting(file))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.MISSING))
                .hasMessageContaining("There is no database");
        assertThat(file).doesNotExist();
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
