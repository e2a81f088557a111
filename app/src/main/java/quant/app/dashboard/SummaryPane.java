package quant.app.dashboard;

import java.util.function.Consumer;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import quant.app.analysis.Tables;
import quant.core.kpi.SummaryResult;

/** The summary in words: each sentence a link to the view that explains it. */
final class SummaryPane extends VBox {
    private final VBox sentences = new VBox(6);
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label problem = new Label();
    private final Consumer<String> openAnalysis;

    SummaryPane(Consumer<String> openAnalysis) {
        super(6);
        this.openAnalysis = openAnalysis;
        setId("dashboard-summary");
        busy.setMaxSize(18, 18);
        busy.setVisible(false);
        problem.setWrapText(true);
        problem.getStyleClass().add("danger");
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        sentences.getChildren().add(new Label("Writing the summary…"));
        getChildren().addAll(new HBox(8, Tables.heading("Summary"), busy), problem, sentences);
    }

    void busy(boolean running) {
        busy.setVisible(running);
    }

    void problem(String message) {
        problem.setText(message == null ? "" : message);
    }

    void show(SummaryResult s) {
        if (s == null) {
            return;
        }
        sentences.getChildren().clear();
        for (SummaryResult.Sentence x : s.sentences()) {
            Hyperlink link = new Hyperlink(x.text());
            link.setWrapText(true);
            link.setMaxWidth(Double.MAX_VALUE);
            link.getStyleClass().add("summary-sentence");
            link.setOnAction(e -> openAnalysis.accept(x.view()));
            sentences.getChildren().add(link);
        }
        for (String n : s.notes()) {
            Label note = new Label(n);
            note.setWrapText(true);
            note.setMaxWidth(Double.MAX_VALUE);
            note.getStyleClass().add("text-muted");
            sentences.getChildren().add(note);
        }
    }
}
