package quant.core.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import quant.core.analysis.InvalidSpecException;
import quant.core.pack.PackDefinitions;
import quant.core.pack.PeriodRule;

/**
 * A report pack the workbench makes and delivers on its own while it is open: which definition, at which
 * period rule, when (weekly on a weekday or monthly on a day, at an hour of the computer's time zone),
 * in which formats, and where to — a folder or e-mail recipients over SMTP. The SMTP password is not
 * part of it: it lives in the credential store ({@link quant.core.secrets.Secrets}).
 *
 * @param id the row's id, 0 before it is saved
 * @param name what the user calls it, unique
 * @param definition a shipped definition's name or a definition file
 * @param period a period rule replacing the definition's, or "" for the definition's own
 * @param frequency weekly or monthly
 * @param day 1 (Monday) to 7 (Sunday) for weekly; 1 to 28 for monthly
 * @param hour 0 to 23
 * @param formats the files made: at least one
 * @param delivery where they go
 * @param enabled whether it runs
 * @param createdAt when it was made (it runs for due times from then on)
 */
public record Schedule(
        long id,
        String name,
        String definition,
        String period,
        Frequency frequency,
        int day,
        int hour,
        Set<Format> formats,
        Delivery delivery,
        boolean enabled,
        Instant createdAt) {
    public enum Frequency {
        WEEKLY,
        MONTHLY;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The files a pack is made as. */
    public enum Format {
        PDF,
        XLSX,
        PPTX;

        public String extension() {
            return "." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the files go. */
    public sealed interface Delivery permits ToFolder, ByEmail {
        /** The destination in words: the folder, or the recipients. */
        String destination();
    }

    /** Into a folder, each file named by the schedule, the period and its format. */
    public record ToFolder(Path folder) implements Delivery {
        @Override
        public String destination() {
            return folder.toString();
        }
    }

    /**
     * By e-mail over SMTP with STARTTLS.
     *
     * @param host the SMTP server
     * @param port its submission port (587 as a rule)
     * @param user the login, or "" for a server that needs none
     * @param from the sender's address
     * @param to the recipients' addresses
     */
    public record ByEmail(String host, int port, String user, String from, List<String> to) implements Delivery {
        public ByEmail {
            user = user == null ? "" : user.strip();
            to = List.copyOf(to);
        }

        @Override
        public String destination() {
            return String.join(", ", to);
        }

        /** The key its password is kept under in the credential store. */
        public String secretKey() {
            return "smtp:" + user + "@" + host + ":" + port;
        }
    }

    public Schedule {
        Objects.requireNonNull(name);
        Objects.requireNonNull(definition);
        Objects.requireNonNull(frequency);
        Objects.requireNonNull(delivery);
        period = period == null ? "" : period.strip();
        formats = formats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(formats));
    }

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");
    static final int MAX_RECIPIENTS = 20;

    /**
     * Checks every part, each mistake one sentence: the name, the definition and period, day and hour,
     * the formats, and the folder (absolute, existing, writable) or the mail settings.
     *
     * @throws InvalidSpecException naming the mistake
     */
    public Schedule checked() {
        if (name.isBlank() || name.length() > 120) {
            throw new InvalidSpecException("A schedule needs a name of 1 to 120 characters.");
        }
        PackDefinitions.load(definition);
        if (!period.isEmpty()) {
            PeriodRule.parse(period);
        }
        if (frequency == Frequency.WEEKLY && (day < 1 || day > 7)) {
            throw new InvalidSpecException(
                    "A weekly schedule runs on a day from 1 (Monday) to 7 (Sunday), not " + day + ".");
        }
        if (frequency == Frequency.MONTHLY && (day < 1 || day > 28)) {
            throw new InvalidSpecException(
                    "A monthly schedule runs on a day from 1 to 28 (every month has it), not " + day + ".");
        }
        if (hour < 0 || hour > 23) {
            throw new InvalidSpecException("A schedule runs at an hour from 0 to 23, not " + hour + ".");
        }
        if (formats.isEmpty()) {
            throw new InvalidSpecException("Choose at least one format for the schedule: PDF, XLSX or PPTX.");
        }
        switch (delivery) {
            case ToFolder f -> {
                if (!f.folder().isAbsolute() || !Files.isDirectory(f.folder())) {
                    throw new InvalidSpecException(
                            "The folder " + f.folder() + " does not exist; choose a folder" + " that does.");
                }
                if (!Files.isWritable(f.folder())) {
                    throw new InvalidSpecException("The folder " + f.folder() + " cannot be written; choose another.");
                }
            }
            case ByEmail m -> {
                if (m.host().isBlank() || m.host().contains(" ")) {
                    throw new InvalidSpecException("Give the SMTP server's host name, e.g. smtp.example.com.");
                }
                if (m.port() < 1 || m.port() > 65535) {
                    throw new InvalidSpecException(
                            "The SMTP port is from 1 to 65535 (587 as a rule), not " + m.port() + ".");
                }
                if (!ADDRESS.matcher(m.from()).matches()) {
                    throw new InvalidSpecException("The sender \"" + m.from() + "\" is not an e-mail address.");
                }
                if (m.to().isEmpty() || m.to().size() > MAX_RECIPIENTS) {
                    throw new InvalidSpecException("Give 1 to " + MAX_RECIPIENTS + " recipients.");
                }
                for (String to : m.to()) {
                    if (!ADDRESS.matcher(to).matches()) {
                        throw new InvalidSpecException("The recipient \"" + to + "\" is not an e-mail address.");
                    }
                }
            }
        }
        return this;
    }

    /** The last due time at or before {@code now}, in {@code now}'s time zone. */
    public ZonedDateTime lastDue(ZonedDateTime now) {
        ZonedDateTime candidate = slot(now.toLocalDate(), now);
        if (candidate.isAfter(now)) {
            candidate = slot(
                    frequency == Frequency.WEEKLY
                            ? now.toLocalDate().minusWeeks(1)
                            : now.toLocalDate().minusMonths(1),
                    now);
        }
        return candidate;
    }

    /** The first due time after {@code now}. */
    public ZonedDateTime nextDue(ZonedDateTime now) {
        ZonedDateTime candidate = slot(now.toLocalDate(), now);
        if (!candidate.isAfter(now)) {
            candidate = slot(
                    frequency == Frequency.WEEKLY
                            ? now.toLocalDate().plusWeeks(1)
                            : now.toLocalDate().plusMonths(1),
                    now);
        }
        return candidate;
    }

    /** The due time in the week or month of {@code date}. */
    private ZonedDateTime slot(LocalDate date, ZonedDateTime zone) {
        LocalDate d = frequency == Frequency.WEEKLY
                ? date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(day - 1L)
                : date.withDayOfMonth(day);
        return d.atTime(hour, 0).atZone(zone.getZone());
    }

    /** When it runs, in words: "weekly on Monday at 07:00", "monthly on day 2 at 07:00". */
    public String when() {
        String at = String.format(Locale.ROOT, " at %02d:00", hour);
        return frequency == Frequency.WEEKLY
                ? "weekly on " + DayOfWeek.of(day).getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + at
                : "monthly on day " + day + at;
    }

    public Schedule withId(long newId) {
        return new Schedule(
                newId, name, definition, period, frequency, day, hour, formats, delivery, enabled, createdAt);
    }
}
