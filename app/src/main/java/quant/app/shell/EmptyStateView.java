package quant.app.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Shown while the open database holds no data: what the workbench is and how to start. */
public final class EmptyStateView extends VBox {
    public EmptyStateView(WorkbenchViewModel model, Runnable importData) {
        setId("empty-state");
        setAlignment(Pos.CENTER);
        setSpacing(14);
        setMaxWidth(Double.MAX_VALUE);
        setMaxHeight(Double.MAX_VALUE);
        Label title = new Label("Your database is empty");
        title.getStyleClass().add("title-1");
        Label text = new Label("Quant Workbench answers questions about customers, revenue, pipeline and crews"
                + " from your own data.\nImport your spreadsheets and exports, or take a tour with the sample company: four years of a field-service business"
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
        Button own = new Button("Import your data");
        own.setId("import-own-data");
        own.disableProperty().bind(model.busyProperty().or(model.storeProperty().isNull()));
        own.setOnAction(e -> importData.run());
        javafx.scene.layout.HBox buttons = new javafx.scene.layout.HBox(10, sample, own);
        buttons.setAlignment(Pos.CENTER);
        Label drop = new Label("…or drop a CSV, TSV or XLSX file on this window.");
        drop.getStyleClass().add("text-muted");
        getChildren().addAll(title, text, buttons, drop);
    }
}
