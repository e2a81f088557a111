package quant.core.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import quant.core.analysis.InvalidSpecException;

/**
 * What the profitability analysis computes.
 *
 * @param asOf the date (default: the last activity in the data)
 * @param months the window: the months up to the as-of date whose completed jobs are counted
 * @param by the dimension of the rows
 * @param overheadBy how overhead is shared out over jobs: {@code hours}, {@code jobs} or {@code revenue}
 * @param within the jobs counted, narrowed to one key of one or more dimensions (a drill-down)
 */
public record ProfitabilitySpec(
        Optional<LocalDate> asOf, int months, Dimension by, String overheadBy, List<Within> within) {
    /** Twelve months by service line, overhead by labour hours. */
    public static final ProfitabilitySpec DEFAULT =
            new ProfitabilitySpec(Optional.empty(), 12, Dimension.LINE, "hours", List.of());

    /** What a row is. */
    public enum Dimension {
        LINE("line", "Service line"),
        SEGMENT("segment", "Customer segment"),
        CITY("city", "City"),
        ZIP("zip", "Postal code"),
        TECHNICIAN("technician", "Technician"),
        CUSTOMER("customer", "Customer"),
        JOB("job", "Job");

        private final String key;
        private final String title;

        Dimension(String key, String title) {
            this.key = key;
            this.title = title;
        }

        public String key() {
            return key;
        }

        public String title() {
            return title;
        }

        public static Dimension parse(String text) {
            if (text == null || text.isBlank()) {
                return LINE;
            }
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (Dimension d : values()) {
                if (d.key.equals(t)) {
                    return d;
                }
            }
            throw new InvalidSpecException(
                    "--by is line, segment, city, zip, technician, customer or job, not \"" + text.strip() + "\".");
        }
    }

    /** Jobs narrowed to one key of a dimension: {@code line=HVAC}, {@code customer=42} (the customer's id). */
    public record Within(Dimension dimension, String key) {
        /** Reads {@code DIMENSION=KEY}. */
        public static Within parse(String text) {
            int eq = text == null ? -1 : text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new InvalidSpecException(
                        "A drill-down is DIMENSION=KEY, such as line=HVAC or customer=42, not \"" + text + "\".");
            }
            return new Within(
                    Dimension.parse(text.substring(0, eq)),
                    text.substring(eq + 1).strip());
        }

        @Override
        public String toString() {
            return dimension.key() + "=" + key;
        }
    }

    public ProfitabilitySpec {
        asOf = asOf == null ? Optional.empty() : asOf;
        by = by == null ? Dimension.LINE : by;
        overheadBy = overheadBy == null || overheadBy.isBlank() ? "hours" : overheadBy;
        within = within == null ? List.of() : List.copyOf(within);
        if (months < 1 || months > 120) {
            throw new InvalidSpecException("The window is 1 to 120 months, not " + months + ".");
        }
        if (!List.of("hours", "jobs", "revenue").contains(overheadBy)) {
            throw new InvalidSpecException(
                    "Overhead is shared out by hours, jobs or revenue, not \"" + overheadBy + "\".");
        }
    }

    public ProfitabilitySpec withAsOf(Optional<LocalDate> date) {
        return new ProfitabilitySpec(date, months, by, overheadBy, within);
    }

    public ProfitabilitySpec withBy(Dimension d) {
        return new ProfitabilitySpec(asOf, months, d, overheadBy, within);
    }

    public ProfitabilitySpec withMonths(int m) {
        return new ProfitabilitySpec(asOf, m, by, overheadBy, within);
    }

    public ProfitabilitySpec withOverheadBy(String rule) {
        return new ProfitabilitySpec(asOf, months, by, rule, within);
    }

    /** The same with one more drill-down step. */
    public ProfitabilitySpec within(Within w) {
        List<Within> next = new ArrayList<>(within);
        next.removeIf(x -> x.dimension() == w.dimension());
        next.add(w);
        return new ProfitabilitySpec(asOf, months, by, overheadBy, next);
    }

    public ProfitabilitySpec withWithin(List<Within> w) {
        return new ProfitabilitySpec(asOf, months, by, overheadBy, w);
    }
}
