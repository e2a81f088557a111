package quant.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import quant.app.data.DataView;
import quant.app.imports.ImportWizard;
import quant.app.imports.ImportWizardViewModel;
import quant.app.job.FxJobRunner;
import quant.app.settings.BusinessSettingsDialog;
import quant.app.settings.Settings;
import quant.core.analysis.SnapshotCache;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.core.store.StoreException;

/**
 * The main window: menus and toolbar, the docking workspace (or the empty-state page), and the
 * status bar with running jobs. Remembers theme, window bounds and layout in {@link Settings}.
 */
public final class MainWindow {
    static final List<String> DEFAULT_VIEWS =
            List.of(DataView.ID, "table:" + DomainTable.JOB.sqlName(), quant.app.dashboard.DashboardView.ID);

    private final Stage stage;
    private final WorkbenchViewModel model;
    private final FxJobRunner jobs;
    private final ExecutorService pages = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quant-pages");
        t.setDaemon(true);
        return t;
    });
    private final Workspace workspace;
    private final ExportActions exports;
    private final StackPane center = new StackPane();
    private final EmptyStateView emptyState;
    private final StoreDialogs dialogs;
    private Settings settings;
    private ViewContext context;
    private final quant.app.reports.Secrets secrets = new quant.app.reports.Secrets();
    private quant.app.reports.ReportScheduler scheduler;
    private quant.app.connections.ConnectionScheduler syncs;
    private java.util.function.Consumer<String> openDocument = uri -> {};

    public MainWindow(Stage stage, WorkbenchViewModel model, FxJobRunner jobs, Settings settings) {
        this.stage = stage;
        this.model = model;
        this.jobs = jobs;
        this.settings = settings;
        this.workspace = new Workspace(this::createView);
        this.exports = new ExportActions(stage, workspace, model);
        this.emptyState = new EmptyStateView(model, this::chooseFileToImport);
        this.dialogs = new StoreDialogs(stage, model, this::quit);

        BorderPane root = new BorderPane();
        root.setTop(new VBox(menus(), toolbar()));
        root.setCenter(center);
        root.setBottom(new StatusBar(jobs, model));
        root.addEventHandler(quant.app.analysis.ChartExport.Request.SAVE, exports::saveChart);
        center.getChildren().setAll(workspace.node(), emptyState);
        emptyState
                .visibleProperty()
                .bind(model.emptyProperty().or(model.storeProperty().isNull()));
        workspace.node().visibleProperty().bind(emptyState.visibleProperty().not());

        model.storeProperty().addListener((obs, o, n) -> {
            closeSchedulers();
            if (n != null) {
                Platform.runLater(this::restoreLayout);
                // report schedules and connection syncs run while the workbench holds a database it may write
                scheduler = new quant.app.reports.ReportScheduler(n, jobs, secrets, model::say).start();
                var syncModel =
                        new quant.app.connections.ConnectionsViewModel(jobs, () -> n, secrets, model::refreshCounts);
                syncModel.messageProperty().addListener((o2, was, sentence) -> model.say(sentence));
                syncs = new quant.app.connections.ConnectionScheduler(n, syncModel).start();
            }
        });
        model.emptyProperty().addListener((obs, o, empty) -> {
            if (!empty) {
                Platform.runLater(this::restoreLayout);
            }
        });
        // money on screen in the company's currency, from its business settings
        model.settingsProperty().addListener((obs, o, bs) -> {
            if (bs != null) {
                quant.app.analysis.Formats.useCurrency(bs.currency());
            }
        });
        model.problemProperty().addListener((obs, o, p) -> {
            if (p != null) {
                Platform.runLater(() -> showProblem(p));
            }
        });

        Scene scene = new Scene(root, 1280, 800);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && canImport()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles() && canImport()) {
                openImportWizard(e.getDragboard().getFiles().getFirst().toPath());
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
        scene.getStylesheets()
                .add(MainWindow.class.getResource("/quant/app/workbench.css").toExternalForm());
        stage.setScene(scene);
        ChartThemes.follow(scene, () -> this.settings.darkTheme());
        stage.setTitle("Quant Workbench");
        applyTheme(settings.darkTheme());
        applyBounds(settings.window());
        stage.setOnCloseRequest(e -> close());
    }

    /** How to open a document (a URI) in the program the system has for it; set by the application. */
    public void setDocumentOpener(java.util.function.Consumer<String> opener) {
        this.openDocument = opener;
    }

    public Workspace workspace() {
        return workspace;
    }

    /**
     * Exports the view in front to {@code target} as File ▸ Export… would after its dialogs; false when
     * the view in front has nothing to export.
     *
     * @param table the table of a CSV, or null for the main one
     */
    public boolean exportFrontTo(Path target, String table) {
        return exports.exportFrontTo(target, table);
    }

    private MenuBar menus() {
        MenuItem openDb = item("Open database…", "Shortcut+O", this::chooseDatabase);
        MenuItem openServer = item("Open team server…", "Shortcut+Shift+O", dialogs::openServer);
        openServer.setId("menu-open-server");
        MenuItem sample = item("Open the sample company", null, model::openSampleCompany);
        sample.setId("menu-open-sample");
        MenuItem importData = item("Import data…", "Shortcut+I", this::chooseFileToImport);
        importData.setId("menu-import");
        // a read-only store (a copy, a full disk, a viewer on a team server) takes no imports
        importData
                .disableProperty()
                .bind(model.storeProperty().map(st -> st.isReadOnly()).orElse(true));
        MenuItem businessSettings = item("Business settings…", "Shortcut+Comma", this::editBusinessSettings);
        businessSettings.disableProperty().bind(model.storeProperty().isNull());
        MenuItem export = item("Export…", "Shortcut+E", exports::exportFront);
        export.setId("menu-export");
        export.disableProperty().bind(model.storeProperty().isNull());
        MenuItem backup = item("Back up…", null, this::chooseBackup);
        backup.setId("menu-backup");
        backup.disableProperty().bind(model.storeProperty().isNull());
        // a team server is backed up by its own tools; zips and restores are a file's
        backup.visibleProperty()
                .bind(model.storeProperty().map(st -> !st.location().isServer()).orElse(true));
        MenuItem restore = item("Restore from a backup…", null, this::chooseRestore);
        restore.setId("menu-restore");
        restore.disableProperty().bind(model.storeProperty().isNull());
        restore.visibleProperty().bind(backup.visibleProperty());
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            close();
            stage.close();
        });
        Menu file = new Menu(
                "_File",
                null,
                openDb,
                openServer,
                sample,
                new SeparatorMenuItem(),
                importData,
                export,
                businessSettings,
                new SeparatorMenuItem(),
                backup,
                restore,
                new SeparatorMenuItem(),
                quit);

        MenuItem reset = item("Reset layout", "Shortcut+Shift+R", () -> workspace.reset(DEFAULT_VIEWS));
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.setSelected(settings.darkTheme());
        dark.selectedProperty().addListener((obs, o, on) -> {
            applyTheme(on);
            settings = settings.withDarkTheme(on);
            settings.save();
        });
        MenuItem sidePanel = item("Fold or unfold the side panel", "Shortcut+Shift+B", () -> workspace.toggleSide());
        sidePanel.setId("menu-side-panel");
        Menu view = new Menu("_View", null, reset, sidePanel, dark);
        view.setId("menu-view");

        MenuItem about = item("About Quant Workbench", null, this::about);
        Menu help = new Menu("_Help", null, about);
        MenuBar bar = new MenuBar(file);
        for (ViewCatalogue.Menu m : ViewCatalogue.Menu.values()) {
            Menu menu = new Menu(m.title());
            for (ViewCatalogue.Entry e : ViewCatalogue.inMenu(m)) {
                MenuItem open = item(e.title(), e.shortcut(), () -> workspace.open(e.id()));
                open.setId("menu-view-" + e.id());
                open.disableProperty().bind(model.storeProperty().isNull().or(model.emptyProperty()));
                menu.getItems().add(open);
            }
            bar.getMenus().add(menu);
        }
        bar.getMenus().addAll(view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private ToolBar toolbar() {
        Button data = new Button("Data");
        data.setTooltip(new Tooltip("Tables and row counts (Ctrl+1)"));
        data.setOnAction(e -> workspace.open(DataView.ID));
        data.disableProperty().bind(model.storeProperty().isNull().or(model.emptyProperty()));
        Button open = new Button("Open…");
        open.setTooltip(new Tooltip("Open another database (Ctrl+O)"));
        open.setOnAction(e -> chooseDatabase());
        Button sample = new Button("Sample company");
        sample.setTooltip(new Tooltip("Switch to the bundled sample company"));
        sample.setOnAction(e -> model.openSampleCompany());
        sample.disableProperty().bind(model.busyProperty());
        Button importButton = new Button("Import…");
        importButton.setTooltip(new Tooltip("Import a CSV, TSV or XLSX file (Ctrl+I), or drop one on the window"));
        importButton.setOnAction(e -> chooseFileToImport());
        importButton
                .disableProperty()
                .bind(model.storeProperty().map(st -> st.isReadOnly()).orElse(true));
        return new ToolBar(open, sample, importButton, data);
    }

    private Optional<Workspace.ViewSpec> createView(String id) {
        Store store = model.storeProperty().get();
        if (store == null) {
            return Optional.empty();
        }
        if (context == null || context.store() != store) {
            context = new ViewContext(
                    store,
                    new SnapshotCache(store),
                    jobs,
                    model.countsProperty(),
                    workspace::open,
                    model::refreshCounts,
                    pages,
                    model.settingsProperty(),
                    new quant.app.forecast.SavedForecasts(store, jobs),
                    secrets);
        }
        return ViewCatalogue.make(id, context);
    }

    private void restoreLayout() {
        if (model.storeProperty().get() == null || model.emptyProperty().get()) {
            return;
        }
        Settings.DockLayoutState saved = settings.layout();
        if (saved == null || saved.views().isEmpty()) {
            workspace.reset(DEFAULT_VIEWS);
        } else {
            workspace.restore(saved);
        }
    }

    private boolean canImport() {
        Store s = model.storeProperty().get();
        return s != null && !s.isReadOnly();
    }

    private void chooseFileToImport() {
        if (!canImport()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a file");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(
                                "Spreadsheets and exports", "*.csv", "*.tsv", "*.txt", "*.xlsx"),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
        var file = chooser.showOpenDialog(stage);
        if (file != null) {
            openImportWizard(file.toPath());
        }
    }

    /** Opens the import wizard on a file (from the menu, the toolbar, the start page or a drop). */
    public ImportWizard openImportWizard(Path file) {
        ImportWizardViewModel vm = new ImportWizardViewModel(jobs, model.storeProperty()::get, model::refreshCounts);
        ImportWizard wizard = new ImportWizard(vm, stage, openDocument);
        wizard.open(file);
        return wizard;
    }

    private void chooseBackup() {
        Store s = model.storeProperty().get();
        if (s == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Back up " + s.location().name());
        Path suggested = quant.core.store.Backups.defaultTarget(s.file(), null);
        java.io.File folder = suggested.getParent().toFile();
        if (folder.isDirectory() || folder.mkdirs()) {
            chooser.setInitialDirectory(folder);
        }
        chooser.setInitialFileName(suggested.getFileName().toString());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Backups", "*.zip"));
        var file = chooser.showSaveDialog(stage);
        if (file != null) {
            model.backup(file.toPath());
        }
    }

    private void chooseRestore() {
        Store s = model.storeProperty().get();
        if (s == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Restore " + s.location().name() + " from a backup");
        java.io.File folder = quant.core.store.Backups.folder().toFile();
        if (folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Backups", "*.zip"));
        var file = chooser.showOpenDialog(stage);
        if (file == null) {
            return;
        }
        Alert confirm = new Alert(
                Alert.AlertType.CONFIRMATION,
                "Replace " + s.location().name() + " by the backup " + file.getName()
                        + "? The backup is checked first, and the current file is backed up before it is replaced.",
                javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        confirm.initOwner(stage);
        confirm.setTitle("Restore from a backup");
        confirm.setHeaderText(null);
        if (confirm.showAndWait().orElse(javafx.scene.control.ButtonType.CANCEL)
                == javafx.scene.control.ButtonType.OK) {
            model.restore(file.toPath());
        }
    }

    private void chooseDatabase() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a Quant Workbench database");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Quant Workbench database", "*.mv.db"));
        var file = chooser.showOpenDialog(stage);
        if (file != null) {
            model.open(file.toPath(), false);
        }
    }

    private void showProblem(WorkbenchViewModel.StoreProblem p) {
        model.problemHandled();
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle("The database could not be opened");
        alert.setHeaderText(p.error().getMessage());
        ButtonType quit = new ButtonType("Quit", ButtonBar.ButtonData.CANCEL_CLOSE);
        if (p.path() == null
                && p.error().kind() == StoreException.Kind.DENIED
                && p.location() instanceof quant.core.store.StoreLocation.Server server
                && p.error().getMessage().startsWith("The server refused the user")) {
            dialogs.askPassword(server, p.error().getMessage());
        } else if (p.path() == null) { // a team server's other problems are its administrator's to mend
            alert.getButtonTypes().setAll(quit);
            alert.showAndWait();
            quit();
        } else if (p.error().kind() == StoreException.Kind.LOCKED) {
            ButtonType copy = new ButtonType("Open a read-only copy", ButtonBar.ButtonData.OK_DONE);
            alert.setContentText("Close the other window, or open a read-only copy of the file as it is now.");
            alert.getButtonTypes().setAll(copy, quit);
            alert.showAndWait()
                    .filter(b -> b == copy)
                    .ifPresentOrElse(b -> model.openReadOnlyCopy(p.path()), this::quit);
        } else if (p.error().kind() == StoreException.Kind.ENCRYPTED) {
            dialogs.askPassphrase(p.path(), p.error().getMessage());
        } else if (p.error().kind() == StoreException.Kind.MISSING) {
            alert.setAlertType(Alert.AlertType.CONFIRMATION);
            alert.setTitle("No database there");
            ButtonType create = new ButtonType("Create it", ButtonBar.ButtonData.OK_DONE);
            alert.setContentText("Create a new, empty database at " + Store.normalise(p.path()) + "?");
            alert.getButtonTypes().setAll(create, quit);
            alert.showAndWait().filter(b -> b == create).ifPresentOrElse(b -> model.open(p.path(), false), this::quit);
        } else if (p.error().kind() == StoreException.Kind.DAMAGED || p.error().kind() == StoreException.Kind.FOREIGN) {
            ButtonType fresh = new ButtonType("Create a new database", ButtonBar.ButtonData.OK_DONE);
            Path next = freshPath(p.path());
            alert.setContentText("The file is kept as it is. A new, empty database can be created beside it as "
                    + next.getFileName() + ".");
            alert.getButtonTypes().setAll(fresh, quit);
            alert.showAndWait().filter(b -> b == fresh).ifPresentOrElse(b -> model.open(next, false), this::quit);
        } else {
            alert.getButtonTypes().setAll(quit);
            alert.showAndWait();
            quit();
        }
    }

    static Path freshPath(Path damaged) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String name = Store.normalise(damaged).getFileName().toString().replace(".mv.db", "");
        return Store.normalise(damaged).resolveSibling(name + "-new-" + stamp + ".mv.db");
    }

    private void quit() {
        if (model.storeProperty().get() == null) {
            close();
            Platform.exit();
        }
    }

    /** Shows the business settings form; saving writes them as a job and the views follow. */
    public void editBusinessSettings() {
        Store s = model.storeProperty().get();
        if (s == null) {
            return;
        }
        new BusinessSettingsDialog(stage, model.settingsProperty().get(), s.isReadOnly())
                .showAndWait()
                .ifPresent(next -> model.saveSettings(next, problem -> {
                    Alert alert = new Alert(Alert.AlertType.ERROR, problem, ButtonType.OK);
                    alert.initOwner(stage);
                    alert.setHeaderText("The business settings were not saved");
                    alert.showAndWait();
                }));
    }

    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("About Quant Workbench");
        alert.setHeaderText("Quant Workbench 0.1.0");
        Store s = model.storeProperty().get();
        alert.setContentText("Offline analytics for field-service and sales-led businesses.\n\nDatabase: "
                + (s == null ? "none" : s.location().describe() + " (schema " + s.schemaVersion() + ")"));
        alert.showAndWait();
    }

    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        // drawings of our own (route map, timeline) redraw when the root's theme class changes
        if (stage.getScene() != null && stage.getScene().getRoot() != null) {
            var classes = stage.getScene().getRoot().getStyleClass();
            classes.remove(dark ? "theme-light" : "theme-dark");
            if (!classes.contains(dark ? "theme-dark" : "theme-light")) {
                classes.add(dark ? "theme-dark" : "theme-light");
            }
        }
    }

    /**
     * The remembered bounds; on a first start, or when the remembered bounds are on no screen now (a
     * monitor was unplugged), most of the screen: maximised on a screen up to 1440 × 900, else 90 % of
     * it, centred.
     */
    private void applyBounds(Settings.WindowBounds b) {
        boolean visible = b != null
                && !javafx.stage.Screen.getScreensForRectangle(
                                b.x(), b.y(), Math.max(1, b.width()), Math.max(1, b.height()))
                        .isEmpty();
        if (!visible) {
            javafx.geometry.Rectangle2D screen =
                    javafx.stage.Screen.getPrimary().getVisualBounds();
            if (screen.getWidth() <= 1440 || screen.getHeight() <= 900) {
                stage.setX(screen.getMinX());
                stage.setY(screen.getMinY());
                stage.setWidth(screen.getWidth());
                stage.setHeight(screen.getHeight());
                stage.setMaximized(true);
            } else {
                stage.setWidth(screen.getWidth() * 0.9);
                stage.setHeight(screen.getHeight() * 0.9);
                stage.centerOnScreen();
            }
            return;
        }
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(Math.max(640, b.width()));
        stage.setHeight(Math.max(480, b.height()));
        stage.setMaximized(b.maximized());
    }

    /** Saves window bounds and layout, cancels running jobs and closes the database. */
    public void close() {
        Settings.DockLayoutState layout =
                model.emptyProperty().get() || model.storeProperty().get() == null
                        ? settings.layout()
                        : workspace.save();
        settings = settings.withWindow(new Settings.WindowBounds(
                        stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized()))
                .withLayout(layout);
        settings.save();
        closeSchedulers();
        jobs.cancelAll();
        pages.shutdownNow();
        model.close();
    }

    private void closeSchedulers() {
        if (scheduler != null) {
            scheduler.close();
            scheduler = null;
        }
        if (syncs != null) {
            syncs.close();
            syncs = null;
        }
    }
}
