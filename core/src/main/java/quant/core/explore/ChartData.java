package quant.core.explore;

import java.util.List;

/**
 * What a chart spec gives on the data: the categories along the axis, the series, and a value per
 * series and category (NaN where no row fell); for a scatter, the points.
 *
 * @param categories along the axis, in order (periods in time order, text by size)
 * @param series the split's values, or one series named after the measure
 * @param values {@code values[s][c]}
 * @param rows rows that passed the filters
 * @param points a scatter's points (at most {@link Explorer#MAX_POINTS}, taken evenly), else empty
 * @param measureLabel the measure in words: "Sum of revenue"
 * @param notes what was cut or left out
 * @param asOf the data's last activity day, which the chart runs to (null for data without jobs)
 */
public record ChartData(
        ChartSpec spec,
        List<String> categories,
        List<String> series,
        double[][] values,
        long rows,
        List<Point> points,
        String xLabel,
        String measureLabel,
        List<String> notes,
        quant.core.analysis.AsOf asOf) {
    /** One point of a scatter. */
    public record Point(double x, double y, String series) {}

    public ChartData {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        points = List.copyOf(points);
        notes = List.copyOf(notes);
    }
}
