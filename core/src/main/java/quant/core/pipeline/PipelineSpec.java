package quant.core.pipeline;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import quant.core.analysis.InvalidSpecException;

/**
 * What the pipeline analysis computes: at which date, and broken down by what.
 *
 * @param asOf the date (default: the last activity in the data, deals included)
 * @param by the breakdown beside the totals
 */
public record PipelineSpec(Optional<LocalDate> asOf, By by) {
    /** The breakdowns of the pipeline. */
    public enum By {
        NONE,
        REP,
        SOURCE,
        PRODUCT;

        /** Reads {@code rep}, {@code source} or {@code product}. */
        public static By parse(String text) {
            if (text == null || text.isBlank()) {
                return NONE;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "rep" -> REP;
                case "source" -> SOURCE;
                case "product" -> PRODUCT;
                default ->
                    throw new InvalidSpecException(
                            "Pipelines break down by rep, source or product, not \"" + text + "\".");
            };
        }

        public String label() {
            return switch (this) {
                case NONE -> "none";
                case REP -> "sales rep";
                case SOURCE -> "lead source";
                case PRODUCT -> "product";
            };
        }
    }

    public PipelineSpec {
        asOf = asOf == null ? Optional.empty() : asOf;
        by = by == null ? By.NONE : by;
    }

    public static PipelineSpec defaults() {
        return new PipelineSpec(Optional.empty(), By.NONE);
    }
}
