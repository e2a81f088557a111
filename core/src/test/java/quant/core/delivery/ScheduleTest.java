package quant.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.analysis.InvalidSpecException;
import quant.core.delivery.Schedule.ByEmail;
import quant.core.delivery.Schedule.Format;
import quant.core.delivery.Schedule.Frequency;
import quant.core.delivery.Schedule.ToFolder;

class ScheduleTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    static Schedule schedule(Frequency f, int day, int hour, Schedule.Delivery d) {
        return new Schedule(0, "Board", "board", "", f, day, hour, Set.of(Format.PDF), d, true, Instant.EPOCH);
    }

    static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(ZONE);
    }

    @Test
    void monthlyDueTimesAreTheDayAndHourOfEachMonth() {
        Schedule s = schedule(Frequency.MONTHLY, 2, 7, new ToFolder(dir));
        assertThat(s.lastDue(at("2026-03-02T07:00"))).isEqualTo(at("2026-03-02T07:00"));
        assertThat(s.lastDue(at("2026-03-02T06:59"))).isEqualTo(at("2026-02-02T07:00"));
        assertThat(s.lastDue(at("2026-01-01T00:00"))).isEqualTo(at("2025-12-02T07:00"));
        assertThat(s.nextDue(at("2026-03-02T07:00"))).isEqualTo(at("2026-04-02T07:00"));
        assertThat(s.nextDue(at("2026-12-31T23:00"))).isEqualTo(at("2027-01-02T07:00"));
        assertThat(s.when()).isEqualTo("monthly on day 2 at 07:00");
    }

    @Test
    void weeklyDueTimesAreTheWeekdayAndHourOfEachWeek() {
        // 2026-03-04 is a Wednesday; the schedule runs on Mondays (1) at 06:00
        Schedule s = schedule(Frequency.WEEKLY, 1, 6, new ToFolder(dir));
        assertThat(s.lastDue(at("2026-03-04T12:00"))).isEqualTo(at("2026-03-02T06:00"));
        assertThat(s.lastDue(at("2026-03-02T05:00"))).isEqualTo(at("2026-02-23T06:00"));
        assertThat(s.nextDue(at("2026-03-04T12:00"))).isEqualTo(at("2026-03-09T06:00"));
        // a Sunday schedule from a Monday looks back six days
        Schedule sunday = schedule(Frequency.WEEKLY, 7, 20, new ToFolder(dir));
        assertThat(sunday.lastDue(at("2026-03-02T08:00"))).isEqualTo(at("2026-03-01T20:00"));
        assertThat(sunday.when()).isEqualTo("weekly on Sunday at 20:00");
        // the day the clocks go forward in Berlin (2026-03-29): 02:00 does not exist and moves on an hour
        Schedule night = schedule(Frequency.WEEKLY, 7, 2, new ToFolder(dir));
        assertThat(night.lastDue(at("2026-03-29T12:00")).toLocalTime()).isEqualTo(java.time.LocalTime.of(3, 0));
    }

    @Test
    void eachMistakeIsOneSentence() {
        assertThatThrownBy(() ->
                        schedule(Frequency.MONTHLY, 31, 7, new ToFolder(dir)).checked())
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("A monthly schedule runs on a day from 1 to 28 (every month has it), not 31.");
        assertThatThrownBy(() ->
                        schedule(Frequency.WEEKLY, 8, 7, new ToFolder(dir)).checked())
                .hasMessage("A weekly schedule runs on a day from 1 (Monday) to 7 (Sunday), not 8.");
        assertThatThrownBy(() ->
                        schedule(Frequency.WEEKLY, 1, 24, new ToFolder(dir)).checked())
                .hasMessage("A schedule runs at an hour from 0 to 23, not 24.");
        assertThatThrownBy(() -> schedule(Frequency.WEEKLY, 1, 7, new ToFolder(dir.resolve("missing")))
                        .checked())
                .hasMessage("The folder " + dir.resolve("missing") + " does not exist; choose a folder that does.");
        assertThatThrownBy(() -> new Schedule(
                                0,
                                "B",
                                "bored",
                                "",
                                Frequency.WEEKLY,
                                1,
                                7,
                                Set.of(Format.PDF),
                                new ToFolder(dir),
                                true,
                                Instant.EPOCH)
                        .checked())
                .hasMessageStartingWith("There is no report definition \"bored\"");
        assertThatThrownBy(() -> new Schedule(
                                0,
                                "B",
                                "board",
                                "last-year",
                                Frequency.WEEKLY,
                                1,
                                7,
                                Set.of(Format.PDF),
                                new ToFolder(dir),
                                true,
                                Instant.EPOCH)
                        .checked())
                .hasMessageStartingWith("The period must be");
        assertThatThrownBy(() -> new Schedule(
                                0,
                                "B",
                                "board",
                                "",
                                Frequency.WEEKLY,
                                1,
                                7,
                                Set.of(),
                                new ToFolder(dir),
                                true,
                                Instant.EPOCH)
                        .checked())
                .hasMessage("Choose at least one format for the schedule: PDF, XLSX or PPTX.");
        ByEmail good = new ByEmail("smtp.example.com", 587, "me", "me@example.com", List.of("board@example.com"));
        assertThat(schedule(Frequency.MONTHLY, 1, 7, good).checked()).isNotNull();
        assertThatThrownBy(() -> schedule(
                                Frequency.MONTHLY,
                                1,
                                7,
                                new ByEmail("smtp.example.com", 0, "", "me@example.com", List.of("a@b.co")))
                        .checked())
                .hasMessage("The SMTP port is from 1 to 65535 (587 as a rule), not 0.");
        assertThatThrownBy(() -> schedule(
                                Frequency.MONTHLY,
                                1,
                                7,
                                new ByEmail("smtp.example.com", 587, "", "me", List.of("a@b.co")))
                        .checked())
                .hasMessage("The sender \"me\" is not an e-mail address.");
        assertThatThrownBy(() -> schedule(
                                Frequency.MONTHLY,
                                1,
                                7,
                                new ByEmail("smtp.example.com", 587, "", "me@example.com", List.of("a@b.co", "x")))
                        .checked())
                .hasMessage("The recipient \"x\" is not an e-mail address.");
        assertThat(good.secretKey()).isEqualTo("smtp:me@smtp.example.com:587");
    }

    @Test
    void fileNamesAreSafe() {
        assertThat(ScheduleRunner.fileName("Board pack / Q4: final")).isEqualTo("Board-pack-Q4-final");
        assertThat(ScheduleRunner.fileName("week 2025-W52 (2025-12-22 to 2025-12-28)"))
                .isEqualTo("week-2025-W52-2025-12-22-to-2025-12-28");
        assertThat(ScheduleRunner.fileName("../..")).isEqualTo("pack");
    }

    @Test
    void mimeWordsStayShortAndDecode() {
        String subject = "Bericht für Łukasz Őri-Şahin — Übersicht der Kennzahlen für das vierte Quartal";
        String encoded = MimeMessage.word(subject);
        StringBuilder back = new StringBuilder();
        for (String w : encoded.split(" ")) {
            assertThat(w.length()).isLessThanOrEqualTo(75);
            assertThat(w).startsWith("=?UTF-8?B?").endsWith("?=");
            back.append(new String(
                    java.util.Base64.getDecoder().decode(w.substring(10, w.length() - 2)),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(back.toString()).isEqualTo(subject);
        assertThat(MimeMessage.word("Board pack 2025-12")).isEqualTo("Board pack 2025-12");
    }
}
