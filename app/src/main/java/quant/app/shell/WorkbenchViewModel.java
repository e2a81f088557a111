package quant.app.shell;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import quant.app.job.JobRunner;
import quant.core.settings.BusinessSettings;
import quant.core.store.DataFolder;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.core.store.StoreException;
import quant.core.store.StoreLocation;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/**
 * The workbench's state: which database is open, its row counts, and the last thing that went
 * wrong, as one plain sentence. Opening and loading run as jobs; nothing here touches a node.
 */
public final class WorkbenchViewModel {
    private final JobRunner jobs;
    private final ReadOnlyObjectWrapper<Store> store = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Map<DomainTable, Long>> counts = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StoreProblem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BusinessSettings> settings =
            new ReadOnlyObjectWrapper<>(BusinessSettings.DEFAULTS);

    /** A database that could not be opened, and why; the view offers the way out that fits. */
    public record StoreProblem(StoreLocation location, StoreException error) {
        /** The database file, for the ways out that only a file has (a new file, a read-only copy); null on a server. */
        public Path path() {
            return location instanceof StoreLocation.File f ? f.path() : null;
        }
    }

    private final java.util.concurrent.Executor ui;
    /** Stops listening for a colleague's changes to the open database (a team server's). */
    private AutoCloseable colleagues = () -> {};

    public WorkbenchViewModel(JobRunner jobs) {
        this(jobs, javafx.application.Platform::runLater);
    }

    /** @param ui runs work on the thread the properties belong to (the application thread) */
    public WorkbenchViewModel(JobRunner jobs, java.util.concurrent.Executor ui) {
        this.jobs = jobs;
        this.ui = ui;
    }

    public ReadOnlyObjectProperty<Store> storeProperty() {
        return store.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<DomainTable, Long>> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** True when a database is open and every table in it is empty. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** True while the database is being opened or loaded. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last message for the user (an outcome or an error), one plain sentence. */
    /** Shows a sentence in the status bar (the outcome of a scheduled report, …). */
    public void say(String sentence) {
        notice.set(sentence);
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The open database's business settings (the defaults while none is open). */
    public ReadOnlyObjectProperty<BusinessSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /**
     * Writes changed business settings to the open database as a job; the views take them as their
     * new defaults once they are stored.
     *
     * @param failed gets one sentence when the database refuses the change (nothing is written then)
     */
    public void saveSettings(BusinessSettings next, java.util.function.Consumer<String> failed) {
        Store s = store.get();
        if (s == null) {
            return;
        }
        jobs.submit(
                "Saving the business settings",
                monitor -> {
                    next.save(s);
                    return BusinessSettings.read(s);
                },
                saved -> {
                    settings.set(saved);
                    notice.set("The business settings are saved.");
                },
                error -> failed.accept(sentence(error)));
    }

    public ReadOnlyObjectProperty<StoreProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Opens a database; with {@code loadSampleIfEmpty}, an empty one gets the sample company. */
    public void open(Path path, boolean loadSampleIfEmpty) {
        open(StoreLocation.of(path), loadSampleIfEmpty);
    }

    /** Opens a database — a file or a team server's — loading the sample into an empty one when asked. */
    public void open(StoreLocation location, boolean loadSampleIfEmpty) {
        openWith("Opening " + location.name(), location, () -> Store.open(location), () -> {
            if (loadSampleIfEmpty && empty.get()) {
                loadSample();
            }
        });
    }

    /**
     * Opens a database the user named (with {@code --db}); a path where there is none is not created
     * silently (a typo would look like lost data): the problem says so, and the window asks.
     */
    public void openExisting(Path path) {
        openExisting(StoreLocation.of(path));
    }

    /** {@link #openExisting(Path)} for a file or a team server's database. */
    public void openExisting(StoreLocation location) {
        openWith("Opening " + location.name(), location, () -> Store.openExisting(location), () -> {});
    }

    /** Opens a read-only copy of a database another program holds. */
    public void openReadOnlyCopy(Path path) {
        openWith(
                "Opening a read-only copy of " + path.getFileName(),
                StoreLocation.of(path),
                () -> Store.openReadOnlyCopy(path),
                () -> notice.set("This is a read-only copy of " + path + "; changes are not possible."));
    }

    /** Opens a store off the JavaFX thread, shows it, then runs {@code then}; a failure becomes the problem. */
    private void openWith(String title, StoreLocation path, java.util.function.Supplier<Store> opener, Runnable then) {
        busy.set(true);
        jobs.submit(
                title,
                monitor -> {
                    Store s = opener.get();
                    BusinessSettings read;
                    String unreadable = null;
                    try {
                        read = BusinessSettings.read(s);
                    } catch (StoreException e) {
                        read = BusinessSettings.DEFAULTS;
                        unreadable = e.getMessage() + " Until then the defaults are used.";
                    }
                    return new Opened(s, s.rowCounts(), read, unreadable);
                },
                opened -> {
                    replaceStore(opened.store(), opened.counts());
                    settings.set(opened.settings());
                    if (opened.settingsProblem() != null) {
                        notice.set(opened.settingsProblem());
                    }
                    if (opened.store().readOnlyReason() != null) { // a copy says more below
                        notice.set("Open read-only: " + opened.store().readOnlyReason() + ".");
                    }
                    busy.set(false);
                    then.run();
                },
                error -> fail(path, error));
    }

    /** Switches to the sample company's own database, loading it on first use. */
    public void openSampleCompany() {
        open(DataFolder.sampleDatabase(), true);
    }

    /** Loads the sample company into the open (empty) database. */
    public void loadSample() {
        Store s = store.get();
        if (s == null) {
            return;
        }
        busy.set(true);
        jobs.submit(
                "Loading the sample company",
                monitor -> {
                    SampleLoader.load(s, new SampleSource(1), monitor);
                    // the sample sets business settings of its own (its opening cash): read them again
                    return new SampleLoaded(s.rowCounts(), BusinessSettings.read(s));
                },
                loaded -> {
                    setCounts(loaded.counts());
                    settings.set(loaded.settings());
                    busy.set(false);
                    notice.set("The sample company is loaded.");
                },
                error -> {
                    busy.set(false);
                    if (error instanceof CancellationException) {
                        notice.set("Loading the sample company was cancelled; the database is unchanged.");
                    } else {
                        notice.set(sentence(error));
                    }
                    refreshCounts();
                });
    }

    /** Re-reads the row counts, e.g. after an import. */
    public void refreshCounts() {
        Store s = store.get();
        if (s == null) {
            return;
        }
        jobs.submit("Counting rows", monitor -> s.rowCounts(), this::setCounts, error -> notice.set(sentence(error)));
    }

    private record SampleLoaded(Map<DomainTable, Long> counts, BusinessSettings settings) {}

    private record Opened(
            Store store, Map<DomainTable, Long> counts, BusinessSettings settings, String settingsProblem) {}

    private void replaceStore(Store next, Map<DomainTable, Long> nextCounts) {
        Store previous = store.get();
        stopListening();
        store.set(next);
        if (next != null) {
            colleagues = next.onChangeElsewhere(() -> ui.execute(() -> changedElsewhere(next)));
        }
        setCounts(nextCounts);
        if (previous != null && previous != next) {
            previous.close();
        }
        notice.set("");
    }

    /**
     * A colleague's import, undo or edit committed on the team server: the counts and settings are read
     * again, and with them every open view (they follow the counts) shows the data as it is now.
     */
    private void changedElsewhere(Store changed) {
        if (store.get() != changed) {
            return;
        }
        jobs.submit(
                "Reading a colleague's change",
                monitor -> new SampleLoaded(changed.rowCounts(), BusinessSettings.read(changed)),
                read -> {
                    if (store.get() == changed) {
                        setCounts(read.counts());
                        settings.set(read.settings());
                        notice.set("A colleague changed the data; the views show it now.");
                    }
                },
                error -> notice.set(sentence(error)));
    }

    private void stopListening() {
        try {
            colleagues.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(WorkbenchViewModel.class).info("Stopping the change listener", e);
        }
        colleagues = () -> {};
    }

    private void setCounts(Map<DomainTable, Long> c) {
        counts.set(Map.copyOf(c));
        empty.set(store.get() != null && Store.noData(c));
    }

    private void fail(StoreLocation path, Throwable error) {
        busy.set(false);
        if (error instanceof StoreException se) {
            problem.set(new StoreProblem(path, se));
        }
        notice.set(sentence(error));
    }

    /** Clears the problem once the view has dealt with it. */
    public void problemHandled() {
        problem.set(null);
    }

    /** Backs the open database up to {@code to} (File ▸ Back up…); the notice says where. */
    public void backup(Path to) {
        Store s = store.get();
        if (s == null) {
            return;
        }
        jobs.submit(
                "Backing up " + s.location().name(),
                monitor -> {
                    if (to.toAbsolutePath()
                            .getParent()
                            .equals(quant.core.store.Backups.folder().toAbsolutePath())) {
                        quant.core.store.Backups.ensureFolder();
                    }
                    return quant.core.store.Backups.backup(s, to, settings.get().backupsKeep());
                },
                written -> notice.set("Backed up to " + written + "."),
                error -> notice.set(sentence(error)));
    }

    /**
     * Puts the backup {@code zip} in the open database's place (File ▸ Restore from a backup…): the
     * database is closed, the backup checked and restored (the current file backed up first), and the
     * database opened again; a refused backup leaves it as it was and opens it again.
     */
    public void restore(Path zip) {
        Store s = store.get();
        if (s == null || s.isReadOnly() || s.location().isServer()) {
            return;
        }
        Path target = s.file();
        StoreLocation location = s.location();
        replaceStore(null, Map.of());
        busy.set(true);
        jobs.submit(
                "Restoring " + zip.getFileName(),
                monitor -> quant.core.store.Backups.restore(zip, target, monitor),
                check -> {
                    busy.set(false);
                    openWith(
                            "Opening " + target.getFileName(),
                            location,
                            () -> Store.open(target),
                            () -> notice.set("Restored " + zip.getFileName() + "; the file it replaced is in "
                                    + quant.core.store.Backups.folder() + "."));
                },
                error -> {
                    busy.set(false);
                    String why = sentence(error);
                    openWith(
                            "Opening " + target.getFileName(),
                            location,
                            () -> Store.open(target),
                            () -> notice.set(why));
                });
    }

    /**
     * Writes {@code report} to {@code to} (File ▸ Export…) in the format of its name, on a job: the file
     * is checked first (never the database or a device), written whole or not at all, and the notice
     * says where it went or why it could not.
     *
     * @param table the table a CSV holds, or null for the main one
     */
    public void export(quant.core.report.Report report, Path to, String table) {
        Store s = store.get();
        if (s == null) {
            return;
        }
        quant.core.report.ExportOptions options = settings.get().exportOptions().withTable(table);
        jobs.submit(
                "Exporting " + report.title(),
                monitor -> {
                    Path target = quant.core.io.OutputPath.check(to, "The export", s.protectedFiles());
                    quant.core.report.Exports.write(report, target, options);
                    quant.app.analysis.ExportRecords.fromWindow(
                            s,
                            report.title() + " ("
                                    + quant.core.report.Exports.formatOf(target).name() + ")",
                            target);
                    return to;
                },
                written -> notice.set("Exported " + report.title() + " to " + written + "."),
                error -> notice.set(sentence(error)));
    }

    /** Writes one chart to {@code to} as PNG (2×) or SVG, on a job, with the same checks as an export. */
    public void exportChart(org.jfree.chart.JFreeChart chart, Path to) {
        Store s = store.get();
        jobs.submit(
                "Saving a chart",
                monitor -> {
                    Path target = quant.core.io.OutputPath.check(
                            to, "The chart's file", s == null ? java.util.List.of() : s.protectedFiles());
                    quant.core.report.ChartFiles.write(chart, target);
                    quant.app.analysis.ExportRecords.fromWindow(
                            s,
                            "Chart "
                                    + java.util.Objects.toString(
                                            chart.getTitle() == null
                                                    ? null
                                                    : chart.getTitle().getText(),
                                            ""),
                            target);
                    return to;
                },
                written -> notice.set("Saved the chart to " + written + "."),
                error -> notice.set(sentence(error)));
    }

    /** Closes the open database; called when the window closes. */
    public void close() {
        stopListening();
        Store s = store.get();
        store.set(null);
        if (s != null) {
            s.close();
        }
    }

    static String sentence(Throwable error) {
        return quant.app.errors.Failures.sentence(error);
    }
}
