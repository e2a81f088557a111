package quant.core.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quant.core.analysis.InvalidSpecException;
import quant.core.delivery.ExportAudit.Channel;
import quant.core.delivery.ExportAudit.Origin;
import quant.core.delivery.Schedule.ByEmail;
import quant.core.delivery.Schedule.Format;
import quant.core.delivery.Schedule.ToFolder;
import quant.core.job.JobMonitor;
import quant.core.pack.PackBuilder;
import quant.core.pack.PackDefinitions;
import quant.core.report.pack.Pack;
import quant.core.report.pack.PackPdf;
import quant.core.report.pack.PackPptx;
import quant.core.report.pack.PackXlsx;
import quant.core.secrets.SecretStore;
import quant.core.store.Store;

/**
 * Runs report schedules: finds those due, makes each pack from the store, and delivers its files to the
 * schedule's folder (each file appears whole, under a name with the period) or by e-mail; records every
 * run with its outcome in a sentence and every delivery in the export audit. A failed run delivers
 * nothing, records why, and leaves the next due time to try again.
 */
public final class ScheduleRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);

    private ScheduleRunner() {}

    /** A schedule and the due time it is to run for. */
    public record Due(Schedule schedule, Instant due) {}

    /** How a run ended: delivered or not, in a sentence. */
    public record Outcome(boolean delivered, String message) {}

    /**
     * The enabled schedules due at {@code now}: each whose last due time is at or after the time it was
     * made and after the due time of its last run. A workbench closed over several due times runs a
     * schedule once, for the latest.
     */
    public static List<Due> due(Store store, ZonedDateTime now) {
        List<Due> out = new ArrayList<>();
        for (Schedule s : Schedules.list(store)) {
            if (!s.enabled()) {
                continue;
            }
            Instant last = s.lastDue(now).toInstant();
            if (last.isBefore(s.createdAt())) {
                continue;
            }
            Optional<Instant> ran = Schedules.lastDue(store, s.id());
            if (ran.isEmpty() || ran.get().isBefore(last)) {
                out.add(new Due(s, last));
            }
        }
        out.sort(Comparator.comparing(Due::due));
        return out;
    }

    /**
     * Makes and delivers the pack of {@code s} for {@code due}, and records the run.
     *
     * @param secrets where the SMTP password is kept; may be null for a folder delivery
     * @param tls the TLS context mail is sent with (trusting the runtime's roots, or a test's)
     */
    public static Outcome run(
            Store store, Schedule s, Instant due, SecretStore secrets, SSLContext tls, JobMonitor monitor) {
        Instant started = Instant.now();
        Outcome outcome;
        Path work = null;
        try {
            work = Files.createTempDirectory("quant-pack");
            Pack pack = PackBuilder.build(
                    store,
                    PackDefinitions.load(s.definition()),
                    new PackBuilder.Request(
                            s.period().isEmpty() ? Optional.empty() : Optional.of(s.period()), Optional.empty()),
                    monitor);
            List<Path> files = write(pack, s, work);
            String what = pack.style().title() + " " + pack.period();
            outcome = switch (s.delivery()) {
                case ToFolder f -> toFolder(store, f, files, what);
                case ByEmail m -> byEmail(store, m, pack, s, files, what, secrets, tls);
            };
        } catch (CancellationException e) {
            outcome = new Outcome(false, "Cancelled; nothing was delivered.");
        } catch (DeliveryException | InvalidSpecException | quant.core.secrets.SecretsException e) {
            outcome = new Outcome(false, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warn("The schedule {} failed", s.name(), e);
            outcome = new Outcome(false, "The pack could not be made (" + e.getMessage() + "); nothing was delivered.");
        } finally {
            delete(work);
        }
        Schedules.recordRun(store, s, due, started, outcome.delivered(), outcome.message());
        return outcome;
    }

    private static List<Path> write(Pack pack, Schedule s, Path work) throws IOException {
        List<Path> files = new ArrayList<>();
        String base = fileName(s.name()) + "-" + fileName(pack.period());
        for (Format f : Format.values()) {
            if (!s.formats().contains(f)) {
                continue;
            }
            Path file = work.resolve(base + f.extension());
            try (OutputStream out = Files.newOutputStream(file)) {
                switch (f) {
                    case PDF -> PackPdf.write(pack, out);
                    case XLSX -> PackXlsx.write(pack, out);
                    case PPTX -> PackPptx.write(pack, out);
                }
            }
            files.add(file);
        }
        return files;
    }

    /** A name safe in any file system: letters, digits, dots and dashes. */
    static String fileName(String text) {
        String s = text.strip().replaceAll("[^\\p{L}\\p{N}.-]+", "-").replaceAll("-{2,}", "-");
        s = s.replaceAll("^[-.]+|[-.]+$", "");
        return s.isEmpty() ? "pack" : s.length() > 80 ? s.substring(0, 80) : s;
    }

    private static Outcome toFolder(Store store, ToFolder f, List<Path> files, String what) throws DeliveryException {
        List<Path> placed = new ArrayList<>();
        try {
            for (Path file : files) {
                Path target = f.folder().resolve(file.getFileName());
                Path temp = f.folder().resolve("." + file.getFileName() + ".part");
                Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                placed.add(target);
            }
        } catch (IOException e) {
            throw new DeliveryException(
                    "Could not put the pack in " + f.folder() + " (" + e.getMessage() + ")"
                            + (placed.isEmpty() ? "; nothing was delivered." : "; only " + names(placed) + " arrived."),
                    e);
        }
        store.transact(c -> {
            for (Path p : placed) {
                ExportAudit.insert(
                        c, what + " (" + p.getFileName() + ")", Channel.FOLDER, p.toString(), Origin.SCHEDULE);
            }
            return null;
        });
        return new Outcome(true, "Put " + names(placed) + " in " + f.folder() + ".");
    }

    private static Outcome byEmail(
            Store store,
            ByEmail m,
            Pack pack,
            Schedule s,
            List<Path> files,
            String what,
            SecretStore secrets,
            SSLContext tls)
            throws DeliveryException, IOException {
        char[] password = new char[0];
        if (!m.user().isEmpty()) {
            if (secrets == null) {
                throw new DeliveryException("The password for " + m.user() + " at " + m.host() + " cannot be read: the"
                        + " secrets are locked; unlock them in Reports ▸ Schedules.");
            }
            password = secrets.get(m.secretKey())
                    .orElseThrow(() -> new DeliveryException(
                            "No password is kept for " + m.user() + " at " + m.host() + "; enter it in the schedule."));
        }
        List<SmtpClient.Attachment> attachments = new ArrayList<>();
        for (Path f : files) {
            attachments.add(new SmtpClient.Attachment(f.getFileName().toString(), type(f), Files.readAllBytes(f)));
        }
        String subject = pack.style().title()
                + (pack.style().company().isEmpty() ? "" : " — " + pack.style().company()) + " — " + pack.period();
        StringBuilder body = new StringBuilder();
        body.append(pack.style().title())
                .append(", period ")
                .append(pack.period())
                .append(" (")
                .append(pack.from())
                .append(" to ")
                .append(pack.to())
                .append("), figures as of ")
                .append(pack.asOf().describe())
                .append(".\n\n");
        for (Pack.Section sec : pack.sections()) {
            if (!sec.ran()) {
                body.append(sec.title()).append(": ").append(sec.problem()).append('\n');
            }
        }
        body.append("\nSent by the schedule \"")
                .append(s.name())
                .append("\" (")
                .append(s.when())
                .append(") of Quant Workbench.\n");
        try {
            new SmtpClient(m.host(), m.port(), tls)
                    .send(
                            new SmtpClient.Mail(m.from(), m.to(), subject, body.toString(), attachments),
                            m.user(),
                            password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        store.transact(c -> {
            ExportAudit.insert(c, what + " (" + names(files) + ")", Channel.EMAIL, m.destination(), Origin.SCHEDULE);
            return null;
        });
        return new Outcome(true, "Sent " + names(files) + " to " + m.destination() + ".");
    }

    private static String type(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".pdf")
                ? "application/pdf"
                : n.endsWith(".xlsx")
                        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        : "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    }

    private static String names(List<Path> files) {
        return String.join(
                ", ", files.stream().map(p -> p.getFileName().toString()).toList());
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("Could not remove {}", dir, e);
        }
    }
}
