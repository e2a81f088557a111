package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;

/** {@code quant equipment} on the sample company, its sums recomputed in SQL over the event and job tables. */
class EquipmentCliTest {
    @TempDir
    static Path dir;

    static SampleDb sample;

    private static final String RECORDS = " occurred_on BETWEEN DATE '2022-01-01' AND DATE '2025-12-31'";

    @BeforeAll
    static void load() {
        sample = SampleDb.load(dir);
    }

    private static double sum(JsonNode assets, String key) {
        double total = 0;
        for (JsonNode a : assets) {
            total += a.get(key).asDouble();
        }
        return total;
    }

    @Test
    void theFleetsFiguresAreTheTablesSums() throws Exception {
        JsonNode r = sample.json("equipment");
        assertThat(r.get("asOf").asText()).isEqualTo("2025-12-31");
        assertThat(r.get("historyStart").asText()).isEqualTo("2022-01-01");
        JsonNode assets = r.get("assets");
        assertThat(assets.size()).isEqualTo((int) sample.sql("SELECT COUNT(*) FROM equipment"));
        assertThat(sum(assets, "failures"))
                .isEqualTo(
                        sample.sql("SELECT COUNT(*) FROM equipment_event WHERE event_type = 'failure' AND" + RECORDS));
        assertThat(sum(assets, "downtimeHours"))
                .isCloseTo(sample.sql("SELECT SUM(downtime_hours) FROM equipment_event WHERE" + RECORDS), within(0.01));
        assertThat(sum(assets, "maintenanceCost"))
                .isCloseTo(
                        sample.sql(
                                "SELECT SUM(cost) FROM equipment_event WHERE event_type = 'maintenance' AND" + RECORDS),
                        within(0.01));
        assertThat(sum(assets, "services"))
                .isEqualTo(sample.sql(
                        "SELECT COUNT(*) FROM equipment_event WHERE event_type = 'maintenance' AND" + RECORDS));
        // a machine's revenue and hours are those of the completed jobs that used it
        JsonNode jetter = null;
        for (JsonNode a : assets) {
            if (a.get("ref").asText().equals("E027")) {
                jetter = a;
            }
        }
        assertThat(jetter).isNotNull();
        String used = " FROM job j JOIN equipment e ON e.id = j.equipment_id WHERE e.external_ref = 'E027'"
                + " AND j.status = 'completed'";
        assertThat(jetter.get("revenue").asDouble())
                .isCloseTo(sample.sql("SELECT SUM(j.revenue)" + used), within(0.01));
        assertThat(jetter.get("usageHours").asDouble())
                .isCloseTo(sample.sql("SELECT SUM(j.actual_hours)" + used), within(0.01));
        assertThat(jetter.get("clock").asText()).isEqualTo("hours");
        // the groups and their fits
        assertThat(r.get("groups"))
                .extracting(g -> g.get("name").asText())
                .containsExactly("recovery_unit", "specialty machines", "van");
        for (JsonNode g : r.get("groups")) {
            assertThat(g.get("shapeLower").asDouble()).isLessThan(g.get("shape").asDouble());
            assertThat(g.get("steps").size()).isPositive();
        }
    }

    @Test
    void oneAssetWithItsHistory() throws Exception {
        JsonNode r = sample.json("equipment", "--asset", "E006");
        assertThat(r.get("assets")).hasSize(1);
        assertThat(r.get("assets").get(0).get("state").asText()).isEqualTo("retired");
        assertThat(r.get("events").size())
                .isEqualTo((int) sample.sql("SELECT COUNT(*) FROM equipment_event v JOIN equipment e ON e.id ="
                        + " v.equipment_id WHERE e.external_ref = 'E006'"));
        InProcessQuant.Run unknown = InProcessQuant.quant("--db", sample.path(), "equipment", "--asset", "E999");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("quant: No asset has the reference E999.");
    }
}
