package quant.core.analysis;

import java.time.LocalDate;
import java.util.Locale;

/** Calendar periods analyses group by; each has a running index (months or quarters since year 0). */
public enum Period {
    MONTH,
    QUARTER;

    /** The running index of the period that holds {@code epochDay}. */
    public int index(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return switch (this) {
            case MONTH -> d.getYear() * 12 + d.getMonthValue() - 1;
            case QUARTER -> d.getYear() * 4 + (d.getMonthValue() - 1) / 3;
        };
    }

    /** The first day of the period with this index. */
    public LocalDate start(int index) {
        return switch (this) {
            case MONTH -> LocalDate.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1, 1);
            case QUARTER -> LocalDate.of(Math.floorDiv(index, 4), Math.floorMod(index, 4) * 3 + 1, 1);
        };
    }

    /** The last day of the period with this index. */
    public LocalDate end(int index) {
        return start(index + 1).minusDays(1);
    }

    /** "2024-03" or "2024-Q1". */
    public String label(int index) {
        return switch (this) {
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
            case QUARTER -> Math.floorDiv(index, 4) + "-Q" + (Math.floorMod(index, 4) + 1);
        };
    }

    /** "month" or "quarter", as the command line and JSON spell it. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The period a user named.
     *
     * @throws InvalidSpecException for anything but month or quarter
     */
    public static Period parse(String text) {
        for (Period p : values()) {
            if (p.key().equalsIgnoreCase(text.strip())) {
                return p;
            }
        }
        throw new InvalidSpecException("The period must be month or quarter, not \"" + text + "\".");
    }
}
