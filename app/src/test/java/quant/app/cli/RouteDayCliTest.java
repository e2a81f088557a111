package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code quant route day} on the sample company. */
class RouteDayCliTest {
    @TempDir
    static Path sampleDir;

    static SampleDb sample;

    @BeforeAll
    static void load() {
        sample = SampleDb.load(sampleDir);
    }

    /**
     * The busiest days (40 jobs each): every job that was served is planned, and the planned drives
     * to jobs are shorter than the recorded ones.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2025-06-30", "2025-08-05"})
    void theBusiestDaysArePlannedWithLessDriving(String date) throws Exception {
        JsonNode r = sample.json("route", "day", "--date", date, "--seconds", "4");
        assertThat(r.get("date").asText()).isEqualTo(date);
        assertThat(r.get("day").get("jobs")).hasSize(40);
        assertThat(r.get("plan").get("unassigned")).isEmpty();
        assertThat(r.get("unplannable")).isEmpty();
        assertThat(r.get("plan").get("totals").get("stops").asInt()).isEqualTo(40);
        JsonNode actual = r.get("actual");
        assertThat(actual.get("jobs").asInt()).isEqualTo(40);
        assertThat(actual.get("servedButUnplanned").asInt()).isZero();
        assertThat(actual.get("plannedMinutes").asDouble())
                .isLessThan(actual.get("recordedMinutes").asDouble());
        assertThat(actual.get("savedCost").asDouble()).isPositive();
        // each job goes to a technician with its skill and starts inside its window
        Map<Long, String> skills = new HashMap<>();
        r.get("day")
                .get("technicians")
                .forEach(t -> skills.put(t.get("id").asLong(), t.get("skills").toString()));
        Map<String, JsonNode> jobs = new HashMap<>();
        r.get("day").get("jobs").forEach(j -> jobs.put(j.get("id").asText(), j));
        for (JsonNode route : r.get("plan").get("routes")) {
            for (JsonNode v : route.get("stops")) {
                JsonNode job = jobs.get(v.get("stopId").asText());
                assertThat(skills.get(route.get("vehicleId").asLong()))
                        .contains(job.get("line").asText());
                assertThat(v.get("start").asDouble())
                        .isBetween(
                                job.get("windowStart").asDouble(),
                                job.get("windowEnd").asDouble());
            }
        }
        assertThat(r.get("keptId").isNull()).isTrue();
    }

    @Test
    void aKeptPlanIsStoredInItsOwnTablesAndTheJobsAreUntouched() throws Exception {
        String jobs = "SELECT COUNT(*) * 1000003 + SUM(travel_minutes) + SUM(technician_id)"
                + " + SUM(EXTRACT(EPOCH FROM scheduled_at)) FROM job";
        double before = sample.sql(jobs);
        JsonNode r = sample.json("route", "day", "--date", "2025-12-15", "--seconds", "1", "--keep", "Monday draft");
        long id = r.get("keptId").asLong();
        assertThat(id).isPositive();
        assertThat(sample.sql("SELECT COUNT(*) FROM route_plan WHERE id = " + id + " AND label = 'Monday draft'"))
                .isEqualTo(1);
        assertThat(sample.sql("SELECT COUNT(*) FROM route_plan_stop WHERE plan_id = " + id))
                .isEqualTo(r.get("day").get("jobs").size());
        assertThat(sample.sql("SELECT COUNT(*) FROM route_plan_route WHERE plan_id = " + id))
                .isEqualTo(r.get("plan").get("totals").get("vehicles").asInt());
        assertThat(sample.sql(jobs)).isEqualTo(before);
    }

    /**
     * An imported travel-time matrix replaces the coordinate rule for the pairs it gives: with every home
     * base to job site at 10 minutes and 3 km, each route's first drive takes exactly that. A file naming
     * an unknown place changes nothing; --clear goes back to coordinates.
     */
    @Test
    void anImportedTravelTimeMatrixIsUsedForThePairsItGives(@TempDir Path dir) throws Exception {
        JsonNode before = sample.json("route", "day", "--date", "2025-12-15", "--seconds", "1");
        StringBuilder csv = new StringBuilder("from,to,minutes,km\n");
        for (JsonNode t : before.get("day").get("technicians")) {
            java.util.Set<String> sites = new java.util.TreeSet<>();
            before.get("day")
                    .get("jobs")
                    .forEach(j -> sites.add(j.get("customerRef").asText()));
            for (String site : sites) {
                csv.append(t.get("ref").asText()).append(',').append(site).append(",10,3\n");
            }
        }
        Path file = dir.resolve("matrix.csv");
        java.nio.file.Files.writeString(file, csv.toString());
        quant.app.InProcessQuant.Run run =
                quant.app.InProcessQuant.quant("--db", sample.path(), "route", "travel-times", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Imported ");
        double stored = sample.sql("SELECT COUNT(*) FROM travel_time");
        assertThat(stored).isPositive();

        JsonNode after = sample.json("route", "day", "--date", "2025-12-15", "--seconds", "1");
        assertThat(after.get("day").get("legs")).hasSize((int) stored);
        int checked = 0;
        for (JsonNode route : after.get("plan").get("routes")) {
            if (!route.get("stops").isEmpty()) {
                JsonNode first = route.get("stops").get(0);
                assertThat(first.get("travelTime").asDouble()).isEqualTo(10.0);
                assertThat(first.get("distance").asDouble()).isEqualTo(3.0);
                checked++;
            }
        }
        assertThat(checked).isPositive();

        Path bad = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(bad, "from,to,minutes\nT001,NOBODY,12\n");
        run = quant.app.InProcessQuant.quant("--db", sample.path(), "route", "travel-times", bad.toString());
        assertThat(run.code()).isEqualTo(CliErrors.DATA);
        assertThat(run.err())
                .contains("\"NOBODY\" in the trip T001 to NOBODY is neither a technician's nor a"
                        + " customer's reference in this database.");
        assertThat(sample.sql("SELECT COUNT(*) FROM travel_time")).isEqualTo(stored);

        java.nio.file.Files.writeString(bad, "from,to,minutes\nT001,T002,12\nT001,T002,fast\n");
        run = quant.app.InProcessQuant.quant("--db", sample.path(), "route", "travel-times", bad.toString());
        assertThat(run.code()).isEqualTo(CliErrors.DATA);
        assertThat(run.err()).contains("bad.csv, line 3: minutes must be a number of 0 or more; not \"fast\".");

        run = quant.app.InProcessQuant.quant("--db", sample.path(), "route", "travel-times", "--clear");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(sample.sql("SELECT COUNT(*) FROM travel_time")).isZero();
    }
}
