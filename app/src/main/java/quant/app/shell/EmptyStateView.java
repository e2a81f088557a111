package quant.app.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Shown while no data is on screen: while a database opens or the sample loads, what is happening
 * (with a progress indicator); with no database open, how to open one; with an empty one, what the
 * workbench is and how to start.
 */
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
        javafx.scene.control.ProgressIndicator working = new javafx.scene.control.ProgressIndicator();
        working.setMaxSize(48, 48);
        working.setId("empty-state-working");
        getChildren().addAll(working, title, text, buttons, drop);
        Runnable update = () -> {
            boolean busy = model.busyProperty().get();
            boolean open = model.storeProperty().get() != null;
            working.setVisible(busy);
            working.setManaged(busy);
            title.setText(
                    busy ? open ? "Loading…" : "Opening…" : open ? "Your database is empty" : "No database is open");
            for (javafx.scene.Node n : java.util.List.of(text, buttons, drop)) {
                n.setVisible(!busy);
                n.setManaged(!busy);
            }
            drop.setVisible(!busy && open);
            drop.setManaged(!busy && open);
        };
        model.busyProperty().addListener((obs, o, n) -> update.run());
        model.storeProperty().addListener((obs, o, n) -> update.run());
        update.run();
    }
}
