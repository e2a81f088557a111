package quant.core.pricing;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A job to quote.
 *
 * @param line the service line's code
 * @param hours the estimated hours
 * @param priority {@code low}, {@code normal}, {@code high} or {@code emergency}
 * @param segment the customer's segment, if known
 * @param materials the materials' cost (before waste and markup)
 * @param date the day the job is wanted (default: a week after the as-of date)
 * @param asOf the records' date (default: the last activity in the data)
 */
public record QuoteSpec(
        String line,
        double hours,
        String priority,
        Optional<String> segment,
        double materials,
        Optional<LocalDate> date,
        Optional<LocalDate> asOf) {
    public QuoteSpec {
        priority = priority == null ? "normal" : priority.strip().toLowerCase(java.util.Locale.ROOT);
        segment = segment == null ? Optional.empty() : segment.filter(v -> !v.isBlank());
        date = date == null ? Optional.empty() : date;
        asOf = asOf == null ? Optional.empty() : asOf;
    }
}
