package quant.importers.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates and date-times: ISO ({@code 2024-03-05}, {@code 2024-03-05T08:30},
 * {@code 2024-03-05 08:30:00+01:00}), numeric dates with {@code /}, {@code .} or {@code -} in the
 * given {@link DateOrder} (two-digit years are 2000–2069 or 1970–1999), month names
 * ({@code 5 Mar 2024}, {@code Mar 5, 2024}), times with AM/PM, and Excel serial numbers
 * (days since 1899-12-30). Impossible dates such as {@code 31/02/2024} are refused.
 * Date-times with a zone or offset are converted to wall-clock time in {@code zone}.
 */
public final class DateParser {
    private static final Pattern NUMERIC =
            Pattern.compile("(\\d{1,4})[/.\\-](\\d{1,2})[/.\\-](\\d{1,4})(?:[ T]+(.+))?");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*([AaPp][Mm])?\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    private static final DateTimeFormatter[] NAMED = {
        DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("d-MMM-uuuu", Locale.ENGLISH),
        DateTimeFormatter.ofPattern("d-MMM-uu", Locale.ENGLISH)
    };
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}:?\\d{2}$");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final DateOrder order;
    private final ZoneId zone;

    public DateParser(DateOrder order, ZoneId zone) {
        this.order = order;
        this.zone = zone;
    }

    /** The date in {@code text} (a time part, if any, is ignored), or empty. */
    public Optional<LocalDate> parseDate(String text) {
        return parseDateTime(text).map(LocalDateTime::toLocalDate);
    }

    /** The date-time in {@code text} (midnight when it has no time), or empty. */
    public Optional<LocalDateTime> parseDateTime(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDateTime> iso = iso(s);
        if (iso.isPresent()) {
            return iso;
        }
        Matcher m = NUMERIC.matcher(s);
        if (m.matches()) {
            LocalDate date = numericDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
            if (date == null) {
                return Optional.empty();
            }
            return m.group(4) == null ? Optional.of(date.atStartOfDay()) : withTime(date, m.group(4));
        }
        for (DateTimeFormatter f : NAMED) {
            try {
                return Optional.of(LocalDate.parse(s, f.withResolverStyle(java.time.format.ResolverStyle.STRICT))
                        .atStartOfDay());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return excelSerial(s);
    }

    /** Parses a time of day such as {@code 08:30}, {@code 8:30 PM} or {@code 17:05:00}. */
    public static Optional<LocalTime> parseTime(String text) {
        Matcher t = TIME.matcher(text.strip());
        if (!t.matches() || t.group(5) != null) {
            return Optional.empty();
        }
        return time(t);
    }

    private Optional<LocalDateTime> iso(String s) {
        LocalDateTime plain = plainIso(s);
        if (plain != null) {
            return Optional.of(plain);
        }
        String normal = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + "T" + s.substring(11) : s;
        try {
            if (normal.length() == 10) {
                return Optional.of(LocalDate.parse(normal).atStartOfDay());
            }
            if (normal.endsWith("Z") || OFFSET.matcher(normal).find()) {
                try {
                    return Optional.of(
                            OffsetDateTime.parse(normal).atZoneSameInstant(zone).toLocalDateTime());
                } catch (DateTimeParseException e) {
                    return Optional.of(ZonedDateTime.parse(normal)
                            .withZoneSameInstant(zone)
                            .toLocalDateTime());
                }
            }
            return Optional.of(LocalDateTime.parse(normal));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The common ISO forms without a zone, read digit by digit: {@code yyyy-MM-dd}, optionally
     * followed by {@code T} or a space and {@code HH:mm}, {@code HH:mm:ss} or {@code HH:mm:ss.f}
     * (up to nine decimals, or none after the point). {@code null} for anything else, an impossible date or time included:
     * the general path then reads or refuses it. Same results as {@link LocalDateTime#parse}, without
     * its formatter, which dominated the time of importing large files.
     */
    static LocalDateTime plainIso(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nano = 0;
        if (n > 10) {
            char separator = s.charAt(10);
            if ((separator != 'T' && separator != ' ') || n < 16 || s.charAt(13) != ':') {
                return null;
            }
            hour = digits(s, 11, 2);
            minute = digits(s, 14, 2);
            if (n > 16) {
                if (n < 19 || s.charAt(16) != ':') {
                    return null;
                }
                second = digits(s, 17, 2);
                if (n > 19) {
                    if (n > 29 || s.charAt(19) != '.') {
                        return null;
                    }
                    int fraction = digits(s, 20, n - 20);
                    if (fraction < 0) {
                        return null;
                    }
                    nano = fraction;
                    for (int i = n - 20; i < 9; i++) {
                        nano *= 10;
                    }
                }
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nano);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number written by the {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private LocalDate numericDate(int a, int b, String third) {
        int c = Integer.parseInt(third);
        int year;
        int month;
        int day;
        if (a > 31) {
            year = a;
            month = b;
            day = c;
        } else {
            year = third.length() <= 2 ? (c < 70 ? 2000 + c : 1900 + c) : c;
            if (third.length() == 3) {
                return null;
            }
            if (order == DateOrder.DMY) {
                day = a;
                month = b;
            } else {
                month = a;
                day = b;
            }
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private Optional<LocalDateTime> withTime(LocalDate date, String timeText) {
        Matcher t = TIME.matcher(timeText.strip());
        if (!t.matches()) {
            return Optional.empty();
        }
        Optional<LocalTime> time = time(t);
        if (time.isEmpty()) {
            return Optional.empty();
        }
        LocalDateTime local = date.atTime(time.get());
        if (t.group(5) != null) {
            String offset = t.group(5).equals("Z") ? "Z" : t.group(5).replaceFirst("(\\d{2})(\\d{2})$", "$1:$2");
            return Optional.of(local.atOffset(java.time.ZoneOffset.of(offset))
                    .atZoneSameInstant(zone)
                    .toLocalDateTime());
        }
        return Optional.of(local);
    }

    private static Optional<LocalTime> time(Matcher t) {
        int hour = Integer.parseInt(t.group(1));
        int minute = Integer.parseInt(t.group(2));
        int second = t.group(3) == null ? 0 : Integer.parseInt(t.group(3));
        if (t.group(4) != null) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            boolean pm = t.group(4).equalsIgnoreCase("pm");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        try {
            return Optional.of(LocalTime.of(hour, minute, second));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Excel stores dates as days since 1899-12-30; a fraction is the time of day. */
    private static Optional<LocalDateTime> excelSerial(String s) {
        if (!s.matches("\\d{1,7}(\\.\\d+)?")) {
            return Optional.empty();
        }
        double serial = Double.parseDouble(s);
        if (serial < 1 || serial > 2_958_465) {
            return Optional.empty();
        }
        long days = (long) Math.floor(serial);
        long seconds = Math.round((serial - days) * 86_400);
        return Optional.of(EXCEL_EPOCH.plusDays(days).atStartOfDay().plusSeconds(seconds));
    }

    /** The first two numbers of a numeric date ({@code 3/4/2024} → [3, 4]), or null. */
    static int[] numericParts(String s) {
        Matcher m = NUMERIC.matcher(s);
        if (!m.matches()) {
            return null;
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }
}
