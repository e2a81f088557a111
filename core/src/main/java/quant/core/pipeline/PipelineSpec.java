package quant.core.pipeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import quant.core.analysis.InvalidSpecException;

/**
 * What the pipeline analysis computes: at which date, broken down by what, with which stage order.
 *
 * @param asOf the date (default: the last activity in the data, deals included)
 * @param by the breakdown beside the totals
 * @param stageOrder the open stages in order (the {@code pipeline.stageOrder} setting); empty: the
 *     order the stage history shows
 */
public record PipelineSpec(Optional<LocalDate> asOf, By by, List<String> stageOrder) {
    /** The breakdowns of the pipeline. */
    public enum By {
        NONE,
        REP,
        SOURCE,
        PRODUCT,
        QUARTER;

        /** Reads {@code rep}, {@code source} or {@code product}. */
        public static By parse(String text) {
            if (text == null || text.isBlank()) {
                return NONE;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "rep" -> REP;
                case "source" -> SOURCE;
                case "product" -> PRODUCT;
                case "quarter" -> QUARTER;
                default ->
                    throw new InvalidSpecException(
                            "Pipelines break down by rep, source, product or quarter, not \"" + text + "\".");
            };
        }

        public String label() {
            return switch (this) {
                case NONE -> "none";
                case REP -> "sales rep";
                case SOURCE -> "lead source";
                case PRODUCT -> "product";
                case QUARTER -> "quarter created";
            };
        }
    }

    public PipelineSpec {
        asOf = asOf == null ? Optional.empty() : asOf;
        by = by == null ? By.NONE : by;
        stageOrder = stageOrder == null ? List.of() : List.copyOf(stageOrder);
    }

    public PipelineSpec(Optional<LocalDate> asOf, By by) {
        this(asOf, by, List.of());
    }

    public static PipelineSpec defaults() {
        return new PipelineSpec(Optional.empty(), By.NONE);
    }
}
