package quant.app.shell;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import quant.app.job.FxJobRunner;
import quant.app.job.RunningJob;

/** The bottom bar: the database and the notice on the left, running jobs with Cancel on the right. */
public final class StatusBar extends HBox {
    private final HBox jobsBox = new HBox(12);

    public StatusBar(FxJobRunner jobs, WorkbenchViewModel model) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setPadding(new Insets(4, 10, 4, 10));
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        Label database = new Label();
        database.setId("status-database");
        database.textProperty()
                .bind(model.storeProperty()
                        .map(s -> s == null
                                ? "No database"
                                : s.location().isServer()
                                        ? s.location().describe() + "  (role: "
                                                + s.role().word() + ")"
                                        : s.location().describe() + (s.isReadOnly() ? "  (read-only copy)" : "")));
        Label notice = new Label();
        notice.setId("status-notice");
        notice.textProperty().bind(model.noticeProperty());
        notice.getStyleClass().add("text-muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        jobsBox.setAlignment(Pos.CENTER_RIGHT);
        jobsBox.setId("status-jobs");
        getChildren().addAll(database, notice, gap, jobsBox);
        jobs.running().addListener((ListChangeListener<RunningJob>) c -> rebuild(jobs));
        setStyle("-fx-border-color: -color-border-default transparent transparent transparent;");
    }

    private void rebuild(FxJobRunner jobs) {
        jobsBox.getChildren().clear();
        for (RunningJob job : jobs.running()) {
            Label title = new Label();
            title.textProperty().bind(javafx.beans.binding.Bindings.concat(job.title(), " — ", job.message()));
            ProgressBar bar = new ProgressBar();
            bar.setPrefWidth(160);
            bar.progressProperty().bind(job.progress());
            Button cancel = new Button("Cancel");
            cancel.getStyleClass().add("small");
            cancel.setOnAction(e -> {
                job.cancel();
                cancel.setDisable(true);
            });
            HBox row = new HBox(6, title, bar, cancel);
            row.setAlignment(Pos.CENTER_RIGHT);
            row.getStyleClass().add("running-job");
            jobsBox.getChildren().add(row);
        }
    }
}
