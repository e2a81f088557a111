package quant.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reading where the data are from what the user typed. */
class StoreLocationTest {
    @Test
    void aPathIsAnH2FileWithItsEnding() {
        StoreLocation at = StoreLocation.parse("  /tmp/shop  ");
        assertThat(at).isEqualTo(StoreLocation.of(Path.of("/tmp/shop.mv.db")));
        assertThat(at.isServer()).isFalse();
        assertThat(at.name()).isEqualTo("shop.mv.db");
        assertThat(at.protectedFiles()).isNotEmpty();
    }

    @Test
    void aServerAddressIsReadWithItsParts() {
        StoreLocation.Server at = (StoreLocation.Server)
                StoreLocation.parse("jdbc:postgresql://db.example.com:6543/sales?user=alice&sslmode=verify-full");
        assertThat(at.host()).isEqualTo("db.example.com");
        assertThat(at.port()).isEqualTo(6543);
        assertThat(at.database()).isEqualTo("sales");
        assertThat(at.user()).isEqualTo("alice");
        assertThat(at.parameters()).containsEntry("sslmode", "verify-full");
        assertThat(at.describe()).isEqualTo("database sales on db.example.com:6543");
        assertThat(at.secretName()).isEqualTo("postgresql/alice@db.example.com:6543/sales");
        assertThat(at.protectedFiles()).isEmpty();
        assertThat(at.withDatabase("sales_copy").url())
                .isEqualTo("jdbc:postgresql://db.example.com:6543/sales_copy?user=alice&sslmode=verify-full");
    }

    @Test
    void theDefaultsAreThoseOfPostgresqlsOwnTools() {
        StoreLocation.Server at = StoreLocation.Server.of("jdbc:postgresql://[::1]/quant");
        assertThat(at.host()).isEqualTo("::1");
        assertThat(at.port()).isEqualTo(5432);
        assertThat(at.user()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void anAddressWithAPasswordOrThatCannotBeReadIsRefusedInASentence() {
        assertThatThrownBy(() -> StoreLocation.parse("jdbc:postgresql://h/db?user=a&password=secret"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("The server address holds a password; leave it out")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> StoreLocation.parse("jdbc:postgresql://alice@h/db"))
                .hasMessageStartingWith("The server address names its user before the host");
        assertThatThrownBy(() -> StoreLocation.parse("jdbc:postgresql:quant"))
                .hasMessageStartingWith("The server address jdbc:postgresql:quant cannot be read");
        assertThatThrownBy(() -> StoreLocation.parse("jdbc:mysql://h/db"))
                .hasMessageEndingWith("a server is named as jdbc:postgresql://host:port/database.");
        assertThatThrownBy(() ->
                        StoreLocation.Server.of("jdbc:postgresql://h:port/db").port())
                .hasMessage("The port in jdbc:postgresql://h:port/db is not a number.");
    }
}
