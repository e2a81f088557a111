package quant.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import quant.core.analysis.Period;
import quant.core.job.JobMonitor;

/** The cohort charts carry the result's cells, keep partial periods apart, and draw. */
class CohortChartsTest {
    private final CohortResult result = CohortAnalysis.run(
            CohortAnalysisTest.company(),
            CohortAnalysisTest.spec(Period.MONTH, CohortAnalysisTest.MID_MARCH),
            JobMonitor.NONE);

    @Test
    void theHeatmapHoldsCompleteAndPartialCellsInTwoLayers() {
        JFreeChart chart = CohortCharts.heatmap(result, CohortMetric.CUSTOMERS);
        XYPlot plot = chart.getXYPlot();
        XYZDataset complete = (XYZDataset) plot.getDataset(0);
        XYZDataset partial = (XYZDataset) plot.getDataset(1);
        // January: ages 0, 1 complete, 2 partial; February: age 0 complete, 1 partial
        assertThat(complete.getItemCount(0)).isEqualTo(3);
        assertThat(partial.getItemCount(0)).isEqualTo(2);
        assertThat(complete.getZValue(0, 0)).isEqualTo(0.5); // January at age 0
        assertThat(chart.getSubtitles())
                .anySatisfy(t -> assertThat(t).isInstanceOfSatisfying(TextTitle.class, tt -> assertThat(tt.getText())
                        .contains("2025-03 is not over")));
        BufferedImage image = chart.createBufferedImage(640, 400);
        assertThat(image.getWidth()).isEqualTo(640);
    }

    @Test
    void theShareScaleTopsAtTheLargestLaterPeriodRoundedUp() {
        // later complete periods: January at age 1 = 0 → nothing above 0: the scale keeps 0..1
        assertThat(CohortCharts.scale(result, CohortMetric.CUSTOMERS).getUpperBound())
                .isEqualTo(1);
        // margin: the largest cumulative margin per customer of a complete cell, February's 150
        assertThat(CohortCharts.scale(result, CohortMetric.MARGIN).getUpperBound())
                .isEqualTo(150);
    }

    @Test
    void curvesLeaveOutPartialCellsAndThinAverages() {
        JFreeChart chart = CohortCharts.curves(result, CohortMetric.CUSTOMERS);
        XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
        // fewer than three cohorts at every age: no average points
        assertThat(data.getSeries(0).getItemCount()).isZero();
        assertThat(data.getSeries(1).getItemCount()).isEqualTo(2); // January without its partial March
        assertThat(data.getSeries(2).getItemCount()).isEqualTo(1);
    }
}
