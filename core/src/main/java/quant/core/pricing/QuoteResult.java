package quant.core.pricing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import quant.core.analysis.AsOf;

/**
 * A quote and how it was built.
 *
 * @param parts each part of the price before adjustments: {@code labour}, {@code travel}, {@code
 *     equipment}, {@code overhead}, {@code margin}, {@code materials}, {@code markup}
 * @param cost what the job costs: labour, travel, equipment, overhead and materials
 * @param beforeAdjustments the sum of the parts
 * @param adjustments the factors applied: {@code priority}, {@code segment}, {@code week}
 * @param price the quote
 * @param goingRate the line's going rate an hour, for comparison; usualPrice that × hours + materials priced
 * @param ratio price ÷ usual price
 * @param winChance the chance of winning at that ratio by the line and segment's pricing curve (NaN when
 *     there is none)
 */
public record QuoteResult(
        @JsonIgnore AsOf asOf,
        String line,
        double hours,
        String priority,
        String segment,
        double materials,
        LocalDate date,
        List<Part> parts,
        double cost,
        double beforeAdjustments,
        List<Adjustment> adjustments,
        double price,
        double goingRate,
        double usualPrice,
        double ratio,
        double winChance,
        @JsonIgnore PricingResult.Curve curve,
        List<String> notes,
        List<String> definitions)
        implements quant.core.analysis.Dated {
    @JsonProperty("asOf")
    public LocalDate asOfDate() {
        return asOf.date();
    }

    @JsonProperty("asOfFromData")
    public boolean asOfFromData() {
        return asOf.fromData();
    }

    /** One part of the price, with how it was worked out. */
    public record Part(String key, String name, double amount, String basis) {}

    /** A factor the price was multiplied by, and why. */
    public record Adjustment(String key, double factor, String why) {}
}
