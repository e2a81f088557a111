package quant.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;
import quant.core.delivery.ExportAudit;
import quant.core.delivery.Schedule;
import quant.core.delivery.Schedule.ByEmail;
import quant.core.delivery.Schedule.Format;
import quant.core.delivery.Schedule.Frequency;
import quant.core.delivery.Schedule.ToFolder;
import quant.core.delivery.ScheduleRunner;
import quant.core.delivery.Schedules;
import quant.core.job.JobMonitor;
import quant.core.secrets.EncryptedSecrets;
import quant.core.store.Store;

/**
 * Report schedules on the sample company: due times found, packs delivered to a folder and by e-mail to
 * a loopback SMTP server over STARTTLS with a login, every run and delivery recorded; a server without
 * STARTTLS, a wrong password, a refused recipient, an untrusted certificate and a server that is not
 * there each fail in one sentence, deliver nothing and are recorded.
 */
class ScheduleDeliveryTest {
    @TempDir
    static Path dir;

    static Store store;
    static LoopbackSmtp smtp;
    static EncryptedSecrets secrets;

    @BeforeAll
    static void loadAndStart() throws Exception {
        String db = dir.resolve("sample").toString();
        InProcessQuant.Run load = InProcessQuant.quant("--db", db, "sample", "--load");
        assertThat(load.code()).as(load.err()).isZero();
        store = Store.openExisting(Path.of(db));
        smtp = new LoopbackSmtp(dir, "owner@example.com", "s3cret-Łódź");
        secrets = EncryptedSecrets.open(dir.resolve("secrets.json"), "a passphrase".toCharArray());
    }

    @AfterAll
    static void stop() throws Exception {
        smtp.close();
        store.close();
    }

    static Schedule schedule(String name, String definition, Set<Format> formats, Schedule.Delivery d) {
        return new Schedule(
                0,
                name,
                definition,
                "",
                Frequency.MONTHLY,
                2,
                7,
                formats,
                d,
                true,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    static ByEmail mail(String user) {
        return new ByEmail(
                "localhost", smtp.port(), user, "packs@example.com", List.of("board@example.com", "owner@example.com"));
    }

    @Test
    void aDueScheduleDeliversToAFolderOnceAndIsRecorded() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("packs"));
        Schedule s = Schedules.save(
                store, schedule("Board to folder", "board", Set.of(Format.PDF, Format.XLSX), new ToFolder(folder)));
        ZonedDateTime now = ZonedDateTime.parse("2026-03-05T10:00:00+01:00[Europe/Berlin]");
        List<ScheduleRunner.Due> due = ScheduleRunner.due(store, now).stream()
                .filter(d -> d.schedule().id() == s.id())
                .toList();
        assertThat(due).hasSize(1);
        assertThat(due.getFirst().due()).isEqualTo(Instant.parse("2026-03-02T06:00:00Z"));

        ScheduleRunner.Outcome o = ScheduleRunner.run(store, s, due.getFirst().due(), null, null, JobMonitor.NONE);
        assertThat(o.delivered()).as(o.message()).isTrue();
        assertThat(o.message())
                .isEqualTo("Put Board-to-folder-2025-12.pdf, Board-to-folder-2025-12.xlsx in " + folder + ".");
        assertThat(Files.readString(folder.resolve("Board-to-folder-2025-12.pdf"), StandardCharsets.ISO_8859_1))
                .startsWith("%PDF");
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("Board-to-folder-2025-12.pdf", "Board-to-folder-2025-12.xlsx");
        }
        assertThat(ScheduleRunner.due(store, now)).noneMatch(d -> d.schedule().id() == s.id());
        assertThat(ScheduleRunner.due(store, now.plusMonths(1)))
                .anyMatch(d -> d.schedule().id() == s.id());
        Schedules.Run run = Schedules.runs(store, 20).stream()
                .filter(r -> s.name().equals(r.schedule()))
                .findFirst()
                .orElseThrow();
        assertThat(run.delivered()).isTrue();
        assertThat(ExportAudit.list(store, 50))
                .filteredOn(e -> e.channel() == ExportAudit.Channel.FOLDER)
                .extracting(ExportAudit.Entry::destination)
                .contains(folder.resolve("Board-to-folder-2025-12.pdf").toString());
    }

    @Test
    void aScheduleMailsThePackOverStartTlsWithItsLogin() throws Exception {
        Schedule s = Schedules.save(
                store,
                schedule("Owner by mail", "owner-summary", Set.of(Format.PDF, Format.PPTX), mail("owner@example.com")));
        secrets.put(((ByEmail) s.delivery()).secretKey(), "s3cret-Łódź".toCharArray());
        int before = smtp.received().size();
        ScheduleRunner.Outcome o = ScheduleRunner.run(
                store, s, Instant.parse("2026-03-02T06:00:00Z"), secrets, smtp.clientTls(), JobMonitor.NONE);
        assertThat(o.delivered()).as(o.message()).isTrue();
        assertThat(smtp.received()).hasSize(before + 1);
        LoopbackSmtp.Received m = smtp.received().getLast();
        assertThat(m.overTls()).isTrue();
        assertThat(m.user()).isEqualTo("owner@example.com");
        assertThat(m.from()).isEqualTo("packs@example.com");
        assertThat(m.to()).containsExactly("board@example.com", "owner@example.com");
        assertThat(m.data()).contains("Subject: =?UTF-8?B?").contains("multipart/mixed");
        assertThat(attachment(m.data(), "Owner-by-mail-2025-12.pdf")).startsWith("%PDF");
        assertThat(attachment(m.data(), "Owner-by-mail-2025-12.pptx")).startsWith("PK");
        assertThat(m.data()).doesNotContain("s3cret");
        assertThat(ExportAudit.list(store, 50))
                .anyMatch(e -> e.channel() == ExportAudit.Channel.EMAIL
                        && e.destination().equals("board@example.com, owner@example.com")
                        && e.origin() == ExportAudit.Origin.SCHEDULE);
    }

    /** The bytes of the attachment named {@code name}, as text in ISO-8859-1 (enough to see its magic). */
    static String attachment(String data, String name) {
        Matcher m = Pattern.compile(
                        "filename=\"" + Pattern.quote(name) + "\"\\n(?:[^\\n]+\\n)*\\n((?:[A-Za-z0-9+/=]+\\n)+)")
                .matcher(data);
        assertThat(m.find()).as("attachment " + name).isTrue();
        return new String(Base64.getDecoder().decode(m.group(1).replace("\n", "")), StandardCharsets.ISO_8859_1);
    }

    @Test
    void eachDeliveryFailureIsOneSentenceAndDeliversNothing() throws Exception {
        Schedule s = Schedules.save(
                store, schedule("Failing", "owner-summary", Set.of(Format.PDF), mail("owner@example.com")));
        int before = smtp.received().size();
        Instant due = Instant.parse("2026-03-02T06:00:00Z");

        secrets.remove(((ByEmail) s.delivery()).secretKey());
        assertThat(ScheduleRunner.run(store, s, due, secrets, smtp.clientTls(), JobMonitor.NONE)
                        .message())
                .isEqualTo("No password is kept for owner@example.com at localhost; enter it in the schedule.");

        secrets.put(((ByEmail) s.delivery()).secretKey(), "wrong".toCharArray());
        assertThat(ScheduleRunner.run(store, s, due, secrets, smtp.clientTls(), JobMonitor.NONE)
                        .message())
                .isEqualTo("The mail server localhost:" + smtp.port() + " refused the login of owner@example.com (535"
                        + " 5.7.8 authentication credentials invalid); check the user and the password. Nothing was"
                        + " sent.");

        secrets.put(((ByEmail) s.delivery()).secretKey(), "s3cret-Łódź".toCharArray());
        smtp.refuseRecipient = "board@example.com";
        assertThat(ScheduleRunner.run(store, s, due, secrets, smtp.clientTls(), JobMonitor.NONE)
                        .message())
                .isEqualTo("The mail server localhost:" + smtp.port() + " would not accept the recipient"
                        + " board@example.com (550 5.1.1 no such user); nothing was sent.");
        smtp.refuseRecipient = null;

        assertThat(ScheduleRunner.run(store, s, due, secrets, SSLContext.getDefault(), JobMonitor.NONE)
                        .message())
                .startsWith("The secure connection to the mail server localhost:" + smtp.port() + " failed (")
                .endsWith("its certificate is not trusted or not for that name; nothing was sent.");

        smtp.offerStartTls = false;
        assertThat(ScheduleRunner.run(store, s, due, secrets, smtp.clientTls(), JobMonitor.NONE)
                        .message())
                .isEqualTo("The mail server localhost:" + smtp.port() + " does not offer STARTTLS, so the login and"
                        + " the pack would travel unencrypted; nothing was sent.");
        smtp.offerStartTls = true;

        int closed;
        try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        Schedule nowhere = Schedules.save(
                store,
                schedule(
                        "Nowhere",
                        "owner-summary",
                        Set.of(Format.PDF),
                        new ByEmail("localhost", closed, "", "packs@example.com", List.of("a@example.com"))));
        assertThat(ScheduleRunner.run(store, nowhere, due, secrets, smtp.clientTls(), JobMonitor.NONE)
                        .message())
                .startsWith("Could not reach the mail server localhost:" + closed + " (")
                .endsWith("); check the host and the port.");

        assertThat(smtp.received()).hasSize(before);
        assertThat(Schedules.runs(store, 50).stream().filter(r -> r.schedule().equals("Failing")))
                .hasSize(5)
                .allMatch(r -> !r.delivered());
    }
}
