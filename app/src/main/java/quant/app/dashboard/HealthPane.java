package quant.app.dashboard;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.Tables;
import quant.core.kpi.HealthResult;
import quant.core.kpi.KpiCharts;

/**
 * The health score: the overall score, each section's score and weight as a bar, the KPIs that cost
 * the most points, and the score's trend over the last periods.
 */
final class HealthPane extends VBox {
    private final Label score = new Label("—");
    private final GridPane sections = new GridPane();
    private final Label lost = new Label();
    private final ChartViewer trend = new ChartViewer();

    HealthPane(Consumer<String> openAnalysis) {
        super(6);
        setId("dashboard-health");
        score.setId("dashboard-health-score");
        score.setFont(Font.font(null, FontWeight.BOLD, 34));
        Label of = new Label("of 100");
        of.getStyleClass().add("text-muted");
        HBox head = new HBox(6, score, of);
        head.setAlignment(Pos.BASELINE_LEFT);
        sections.setHgap(8);
        sections.setVgap(4);
        lost.setWrapText(true);
        lost.getStyleClass().add("text-muted");
        trend.setPrefSize(300, 170);
        trend.setMinSize(160, 150);
        lost.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(Tables.heading("Health score"), head, sections, lost, trend);
    }

    void show(HealthResult h) {
        score.setText(h.score() == null ? "—" : String.valueOf(Math.round(h.score())));
        sections.getChildren().clear();
        int row = 0;
        for (HealthResult.SectionScore s : h.sections()) {
            Label name = new Label(s.title());
            ProgressBar bar = new ProgressBar(s.score() == null ? 0 : s.score() / 100);
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setPrefWidth(90);
            bar.setMinWidth(40);
            GridPane.setHgrow(bar, Priority.ALWAYS);
            Label value = new Label(
                    s.score() == null
                            ? "not judged"
                            : Math.round(s.score())
                                    + String.format(Locale.ROOT, " · weight %.0f %%", 100 * s.weight()));
            value.getStyleClass().add("text-small");
            sections.addRow(row++, name, bar, value);
        }
        var costly = h.contributions().stream()
                .filter(c -> c.maxPoints() - c.points() > 0.05)
                .sorted(Comparator.comparingDouble(c -> -(c.maxPoints() - c.points())))
                .limit(3)
                .map(c -> c.name() + String.format(Locale.ROOT, " −%.1f", c.maxPoints() - c.points()))
                .toList();
        lost.setText(
                costly.isEmpty()
                        ? "Every judged KPI is at its target."
                        : "Points lost most: " + String.join(", ", costly) + ".");
        trend.setChart(KpiCharts.healthTrend(h.trend()));
    }
}
