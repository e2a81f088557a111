package quant.samples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Text forms of sample values: ISO dates and times, plain decimals, dot as decimal mark. */
final class Values {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private Values() {}

    static String format(Object v) {
        return switch (v) {
            case null -> "";
            case String s -> s;
            case BigDecimal d -> d.toPlainString();
            case Double d -> String.format(Locale.ROOT, "%.5f", d);
            case LocalDateTime t -> MINUTES.format(t);
            case LocalTime t -> TIME.format(t);
            case LocalDate d -> d.toString();
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case Boolean b -> b.toString();
            default -> throw new IllegalArgumentException("No sample format for " + v.getClass());
        };
    }

    /** Money with two decimals, rounded half-up. */
    static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }

    /** Hours with two decimals. */
    static BigDecimal hours(double h) {
        return BigDecimal.valueOf(h).setScale(2, RoundingMode.HALF_UP);
    }
}
