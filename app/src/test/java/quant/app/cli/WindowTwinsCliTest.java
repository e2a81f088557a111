package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;

/** What only the window could do, on the command line: re-plan a day, kept plans, the SWOT board. */
class WindowTwinsCliTest {
    @TempDir
    static Path dir;

    static SampleDb sample;

    @BeforeAll
    static void load() {
        sample = SampleDb.load(dir);
    }

    static List<String> stopLabels(JsonNode plan) {
        List<String> out = new ArrayList<>();
        plan.get("plan").get("routes").forEach(r -> r.get("stops")
                .forEach(s -> out.add(s.get("label").asText())));
        return out;
    }

    @Test
    void aDayIsReplannedWithAJobCancelledAndAnEmergencyAddedThenKeptListedAndDeleted() throws Exception {
        JsonNode day = sample.json("route", "day", "--date", "2025-07-01", "--seconds", "1");
        JsonNode job = day.get("day").get("jobs").get(0);
        String ref = job.get("ref").asText();
        String customer = job.get("customerRef").asText();
        String line = job.get("line").asText();
        assertThat(stopLabels(day)).anyMatch(l -> l.startsWith(ref));

        JsonNode replanned = sample.json(
                "route",
                "replan",
                "--date",
                "2025-07-01",
                "--at",
                "06:00",
                "--seconds",
                "1",
                "--cancel",
                ref,
                "--emergency",
                customer + ":" + line + ":1.5:emergency:08:00-12:00",
                "--keep",
                "after the storm");
        assertThat(stopLabels(replanned))
                .noneMatch(l -> l.startsWith(ref + " "))
                .anyMatch(l -> l.startsWith("NEW1"));
        long kept = replanned.get("keptId").asLong();

        JsonNode list = sample.json("route", "kept", "--date", "2025-07-01");
        assertThat(list)
                .anyMatch(h ->
                        h.get("id").asLong() == kept && h.get("label").asText().equals("after the storm"));
        InProcessQuant.Run delete =
                InProcessQuant.quant("--db", sample.path(), "route", "kept", "--delete", String.valueOf(kept));
        assertThat(delete.code()).as(delete.err()).isZero();
        assertThat(delete.out()).contains("Deleted kept plan " + kept + ".");
        assertThat(sample.json("route", "kept", "--date", "2025-07-01"))
                .noneMatch(h -> h.get("id").asLong() == kept);

        InProcessQuant.Run again =
                InProcessQuant.quant("--db", sample.path(), "route", "kept", "--delete", String.valueOf(kept));
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err().strip()).isEqualTo("quant: There is no kept plan " + kept + ".");
        InProcessQuant.Run badTime = InProcessQuant.quant(
                "--db", sample.path(), "route", "replan", "--date", "2025-07-01", "--at", "25:00", "--cancel", ref);
        assertThat(badTime.code()).isEqualTo(2);
        assertThat(badTime.err()).contains("--at takes a time of day as HH:MM (00:00 to 23:59), not \"25:00\".");
        InProcessQuant.Run unknown = InProcessQuant.quant(
                "--db",
                sample.path(),
                "route",
                "replan",
                "--date",
                "2025-07-01",
                "--at",
                "06:00",
                "--cancel",
                "J-NONE");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("There is no job J-NONE booked on 2025-07-01.");
    }

    @Test
    void theSwotBoardIsShownEditedAndFilledWithSuggestions() throws Exception {
        JsonNode added = sample.json(
                "market",
                "swot",
                "--period",
                "2030",
                "--add",
                "strengths:Fast response",
                "--add",
                "threats:A new competitor in Riverton");
        assertThat(added.get("items")).hasSize(2);
        JsonNode removed =
                sample.json("market", "swot", "--period", "2030", "--remove", "threats:A new competitor in Riverton");
        assertThat(removed.get("items")).singleElement().satisfies(i -> {
            assertThat(i.get("quadrant").asText()).isEqualTo("strengths");
            assertThat(i.get("text").asText()).isEqualTo("Fast response");
        });
        JsonNode suggested = sample.json("market", "swot", "--period", "2030", "--suggestions");
        assertThat(suggested.get("items").size()).isGreaterThan(1);
        assertThat(suggested.get("items")).anyMatch(i -> i.get("suggested").asBoolean());
        JsonNode shown = sample.json("market", "swot", "--period", "2030");
        assertThat(shown.get("items")).hasSameSizeAs(suggested.get("items"));

        InProcessQuant.Run bad =
                InProcessQuant.quant("--db", sample.path(), "market", "swot", "--add", "hopes:More work");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("strengths, weaknesses, opportunities or threats, not \"hopes\"");
    }
}
