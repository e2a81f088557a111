package quant.core.report;

import java.util.Objects;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;

/**
 * A chart of a report: the same JFreeChart definition the window shows, built when a renderer needs
 * it (the text and CSV renderings never do).
 *
 * @param key a stable name, lower case with dashes (a file name for a single chart's export)
 * @param title what it shows
 * @param chart builds a fresh chart each call, so a renderer may restyle it
 */
public record ReportChart(String key, String title, Supplier<JFreeChart> chart) {
    public ReportChart {
        Objects.requireNonNull(key);
        Objects.requireNonNull(title);
        Objects.requireNonNull(chart);
    }
}
