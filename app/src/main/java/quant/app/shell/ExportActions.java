package quant.app.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import quant.app.analysis.ChartExport;
import quant.app.analysis.Exportable;
import quant.core.report.Exports;
import quant.core.report.Report;
import quant.core.report.ReportTable;

/**
 * File ▸ Export… (Ctrl+E) for the view in front, and the charts' "Save chart as…" items: asks where
 * (and, for a CSV of a view with several tables, which table), then hands the writing to a job.
 */
final class ExportActions {
    private final Window owner;
    private final Workspace workspace;
    private final WorkbenchViewModel model;
    private File lastFolder;

    ExportActions(Window owner, Workspace workspace, WorkbenchViewModel model) {
        this.owner = owner;
        this.workspace = workspace;
        this.model = model;
    }

    /** The report of the view in front, or empty when it is not an analysis or has no result yet. */
    Optional<Report> frontReport() {
        return workspace.selectedMainView().filter(n -> n instanceof Exportable).flatMap(n -> ((Exportable) n)
                .report());
    }

    /** Asks where to export the view in front, in which format, and writes it. */
    void exportFront() {
        Optional<Report> report = frontReport();
        if (report.isEmpty()) {
            Alert a = new Alert(
                    Alert.AlertType.INFORMATION,
                    "Bring an analysis view to the front (Customers, Forecasts, Sales or Operations) and wait for its"
                            + " figures; then File ▸ Export… writes them to a PDF, Excel or CSV file.");
            a.setHeaderText("Nothing to export here");
            a.initOwner(owner);
            a.show();
            return;
        }
        Report r = report.get();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + r.title());
        FileChooser.ExtensionFilter pdf = new FileChooser.ExtensionFilter("PDF document (*.pdf)", "*.pdf");
        FileChooser.ExtensionFilter xlsx = new FileChooser.ExtensionFilter("Excel workbook (*.xlsx)", "*.xlsx");
        FileChooser.ExtensionFilter csv = new FileChooser.ExtensionFilter("CSV, one table (*.csv)", "*.csv");
        chooser.getExtensionFilters().setAll(pdf, xlsx, csv);
        chooser.setInitialFileName(
                r.asOf() == null ? r.id() : r.id() + "-" + r.asOf().date());
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return;
        }
        lastFolder = file.getParentFile();
        Path target = withExtension(file.toPath(), chooser.getSelectedExtensionFilter());
        String table = null;
        if (Exports.formatOf(target) == Exports.Format.CSV && r.tables().size() > 1) {
            Optional<String> chosen = chooseTable(r);
            if (chosen.isEmpty()) {
                return;
            }
            table = chosen.get();
        }
        model.export(r, target, table);
    }

    /** Writes the view in front to {@code target} without asking: for scripts and tests. */
    boolean exportFrontTo(Path target, String table) {
        Optional<Report> r = frontReport();
        r.ifPresent(report -> model.export(report, target, table));
        return r.isPresent();
    }

    private Optional<String> chooseTable(Report r) {
        List<String> titles = r.tables().stream().map(ReportTable::title).toList();
        ChoiceDialog<String> d = new ChoiceDialog<>(titles.getFirst(), titles);
        d.setTitle("Export " + r.title());
        d.setHeaderText("A CSV file holds one table. Which one?");
        d.initOwner(owner);
        return d.showAndWait().map(t -> r.tables().get(titles.indexOf(t)).key());
    }

    /** Asks where to save a chart and writes it. */
    void saveChart(ChartExport.Request request) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save chart");
        String ext = request.format();
        FileChooser.ExtensionFilter filter = new FileChooser.ExtensionFilter(
                ext.equals("png") ? "PNG picture (*.png)" : "SVG drawing (*.svg)", "*." + ext);
        chooser.getExtensionFilters().setAll(filter);
        String title = request.chart().getTitle() == null
                ? "chart"
                : request.chart().getTitle().getText();
        chooser.setInitialFileName(title.replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("(^-|-$)", "")
                .toLowerCase(Locale.ROOT));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            lastFolder = file.getParentFile();
            model.exportChart(request.chart(), withExtension(file.toPath(), filter));
        }
    }

    /** The path with the filter's extension added when the name has none of the filter's. */
    static Path withExtension(Path path, FileChooser.ExtensionFilter filter) {
        if (filter == null || filter.getExtensions().isEmpty()) {
            return path;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String pattern : filter.getExtensions()) {
            if (name.endsWith(pattern.substring(1))) {
                return path;
            }
        }
        return path.resolveSibling(
                path.getFileName() + filter.getExtensions().getFirst().substring(1));
    }
}
