package quant.app.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Shown while the open database holds no data: what the workbench is and how to start. */
public final class EmptyStateView extends VBox {
    public EmptyStateView(WorkbenchViewModel model) {
        setId("empty-state");
        setAlignment(Pos.CENTER);
        setSpacing(14);
        setMaxWidth(Double.MAX_VALUE);
        setMaxHeight(Double.MAX_VALUE);
        Label title = new Label("Your database is empty");
        title.getStyleClass().add("title-1");
        Label text = new Label("Quant Workbench answers questions about customers, revenue, pipeline and crews"
                + " from your own data.\nTake a tour with the sample company: four years of a field-service business"
                + " with HVAC, plumbing, electrical, landscaping and roofing crews.");
        text.setWrapText(true);
        text.setMaxWidth(560);
        text.getStyleClass().add("text-muted");
        Button sample = new Button("Open the sample company");
        sample.setId("open-sample");
        sample.getStyleClass().add("accent");
        sample.setDefaultButton(true);
        sample.disableProperty().bind(model.busyProperty());
        sample.setOnAction(e -> model.openSampleCompany());
        getChildren().addAll(title, text, sample);
    }
}
