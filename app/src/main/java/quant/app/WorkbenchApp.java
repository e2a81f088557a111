package quant.app;

import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;
import quant.app.job.FxJobRunner;
import quant.app.settings.Settings;
import quant.app.shell.MainWindow;
import quant.app.shell.WorkbenchViewModel;

/**
 * The JavaFX application. Started by {@link Main} with {@code --db=PATH} and, for the sample
 * company, {@code --sample} (an empty database then gets the sample company on first open).
 */
public final class WorkbenchApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        Settings settings = Settings.load();
        quant.core.store.StoreLocation db =
                named.containsKey("db") ? quant.core.store.StoreLocation.parse(named.get("db")) : settings.location();
        boolean sample = getParameters().getUnnamed().contains("--sample");
        FxJobRunner jobs = new FxJobRunner();
        WorkbenchViewModel model = new WorkbenchViewModel(jobs);
        window = new MainWindow(stage, model, jobs, settings);
        window.setDocumentOpener(getHostServices()::showDocument);
        FirstFrame.watch(stage.getScene());
        stage.show();
        if (getParameters().getUnnamed().contains("--ask-create")) {
            model.openExisting(db);
        } else {
            model.open(db, sample);
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
