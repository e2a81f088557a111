package quant.core.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** The look every chart shares: the value under the pointer, and the dark theme and back. */
class ChartStyleTest {
    static JFreeChart chart() {
        XYSeries s = new XYSeries("Jobs");
        s.add(1, 1234.5);
        XYPlot plot = new XYPlot(
                new XYSeriesCollection(s),
                new NumberAxis("Month"),
                new NumberAxis("Jobs"),
                new XYLineAndShapeRenderer());
        return ChartStyle.apply(new JFreeChart("Demand", plot));
    }

    @Test
    void everySeriesTellsItsValueUnderThePointer() {
        JFreeChart c = chart();
        XYPlot plot = (XYPlot) c.getPlot();
        String tip = plot.getRenderer().getDefaultToolTipGenerator().generateToolTip(plot.getDataset(), 0, 0);
        assertThat(tip).isEqualTo("Jobs, 1: 1,234.5");
    }

    @Test
    void theDarkThemeRecoloursBackgroundsAndTextAndTheLightOneTakesThemBack() {
        JFreeChart c = chart();
        ChartStyle.theme(c, true);
        XYPlot plot = (XYPlot) c.getPlot();
        assertThat(c.getBackgroundPaint()).isEqualTo(ChartStyle.DARK_BACKGROUND);
        assertThat(plot.getBackgroundPaint()).isEqualTo(ChartStyle.DARK_BACKGROUND);
        assertThat(plot.getRangeAxis().getTickLabelPaint()).isEqualTo(ChartStyle.DARK_TEXT);
        assertThat(c.getTitle().getPaint()).isEqualTo(ChartStyle.DARK_TEXT);
        ChartStyle.theme(c, false);
        assertThat(c.getBackgroundPaint()).isEqualTo(Color.WHITE);
        assertThat(plot.getRangeAxis().getTickLabelPaint()).isEqualTo(ChartStyle.TEXT);
    }
}
