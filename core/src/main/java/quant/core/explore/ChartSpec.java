package quant.core.explore;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A chart the builder makes: from a source, a measure (count of rows, or sum, mean or median of a
 * number field) by a dimension (a text field, or a date field by month, quarter or year), optionally
 * split by a second dimension, over the rows that pass the filters; drawn as a chart type. A scatter
 * plots rows: the x field and the measure's field, both numbers, coloured by the split.
 *
 * @param name what the user saved it as (blank before)
 * @param source {@code jobs}, {@code invoices}, {@code payments}, {@code deals}, {@code leads},
 *     {@code customers} or {@code expenses}
 * @param x the dimension along the axis (for a scatter: a number field, grain ignored)
 * @param split the second dimension, or null
 * @param measure what is counted or summed
 * @param type how it is drawn
 * @param filters text fields and the values kept
 * @param range a date field and the days kept (both ends included), or null
 */
public record ChartSpec(
        String name,
        String source,
        Axis x,
        Axis split,
        Measure measure,
        ChartType type,
        List<Filter> filters,
        DateRange range) {
    public ChartSpec {
        filters = filters == null ? List.of() : List.copyOf(filters);
        name = name == null ? "" : name.strip();
    }

    /** A dimension: a field, and for a date field the grain. */
    public record Axis(String field, Grain grain) {}

    /** How a date dimension is grouped. */
    public enum Grain {
        MONTH,
        QUARTER,
        YEAR;

        /** The period label of a day: {@code 2025-07}, {@code 2025-Q3}, {@code 2025}. */
        public String label(LocalDate d) {
            return switch (this) {
                case MONTH -> d.toString().substring(0, 7);
                case QUARTER -> d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
                case YEAR -> String.valueOf(d.getYear());
            };
        }
    }

    /** What is measured: rows, or a number field's sum, mean or median. */
    public record Measure(Aggregate aggregate, String field) {}

    public enum Aggregate {
        COUNT,
        SUM,
        MEAN,
        MEDIAN;

        public String words() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum ChartType {
        BAR,
        LINE,
        STACKED_AREA,
        SCATTER,
        HEATMAP,
        TABLE;

        /** "stacked area". */
        public String words() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** Keeps the rows whose text field is one of the values. */
    public record Filter(String field, List<String> values) {
        public Filter {
            values = List.copyOf(values);
        }
    }

    /** Keeps the rows whose date field lies from one day to another (either may be null: open). */
    public record DateRange(String field, LocalDate from, LocalDate to) {}

    /** The same chart under another name. */
    public ChartSpec named(String newName) {
        return new ChartSpec(newName, source, x, split, measure, type, filters, range);
    }
}
