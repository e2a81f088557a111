package quant.importers.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact key table answers exactly as a hash map of key → first row would. */
class SeenKeysTest {
    @Test
    void agreesWithAHashMapOverManyKeysAndGrowths() {
        SeenKeys seen = new SeenKeys();
        Map<String, Long> reference = new HashMap<>();
        Random random = new Random(7);
        for (long row = 1; row <= 200_000; row++) {
            String key = "J" + random.nextInt(120_000) + (random.nextInt(10) == 0 ? "|" + random.nextInt(3) : "");
            Long expected = reference.putIfAbsent(key, row);
            assertThat(seen.putIfAbsent(key, row)).as(key).isEqualTo(expected == null ? -1 : expected);
        }
        assertThat(seen.size()).isEqualTo(reference.size());
    }

    @Test
    void keysWithTheSameHashCodeStayApart() {
        SeenKeys seen = new SeenKeys();
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat(seen.putIfAbsent("Aa", 2)).isEqualTo(-1);
        assertThat(seen.putIfAbsent("BB", 3)).isEqualTo(-1);
        assertThat(seen.putIfAbsent("AaBB", 4)).isEqualTo(-1);
        assertThat(seen.putIfAbsent("BBAa", 5)).isEqualTo(-1);
        assertThat(seen.putIfAbsent("BB", 9)).isEqualTo(3);
        assertThat(seen.putIfAbsent("Aa", 9)).isEqualTo(2);
        assertThat(seen.putIfAbsent("A", 10)).isEqualTo(-1);
        assertThat(seen.putIfAbsent("Ünïcödé ключ", 11)).isEqualTo(-1);
        assertThat(seen.putIfAbsent("Ünïcödé ключ", 12)).isEqualTo(11);
    }

    @Test
    void longKeysGrowTheCharacterStore() {
        SeenKeys seen = new SeenKeys();
        String longKey = "x".repeat(100_000);
        assertThat(seen.putIfAbsent(longKey, 1)).isEqualTo(-1);
        assertThat(seen.putIfAbsent(longKey + "y", 2)).isEqualTo(-1);
        assertThat(seen.putIfAbsent(longKey, 3)).isEqualTo(1);
    }
}
