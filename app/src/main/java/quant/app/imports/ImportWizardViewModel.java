package quant.app.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import quant.app.job.JobRunner;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.core.store.TableColumn;
import quant.core.store.TableSchema;
import quant.importers.check.PreviewCheck;
import quant.importers.engine.ImportOptions;
import quant.importers.engine.ImportResult;
import quant.importers.engine.Importer;
import quant.importers.mapping.MappingDraft;
import quant.importers.mapping.MappingProfile;
import quant.importers.mapping.MappingSuggester;
import quant.importers.read.Preview;
import quant.importers.read.ReaderSettings;

/**
 * The import wizard's state and steps: preview the file as read (settings editable), map its
 * columns onto a table (suggested, editable, with live checks on the previewed rows), see what the
 * import will do (a dry run), import with progress, see the result. Holds no nodes.
 */
public final class ImportWizardViewModel {
    /** The wizard's screens, in order. */
    public enum Step {
        PREVIEW,
        MAPPING,
        SUMMARY,
        RESULT
    }

    static final int PREVIEW_ROWS = 50;

    private final JobRunner jobs;
    private final Supplier<Store> store;
    private final Runnable onImported;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.PREVIEW);
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ReaderSettings> settings = new SimpleObjectProperty<>(ReaderSettings.DETECT);
    private final ObjectProperty<DomainTable> table = new SimpleObjectProperty<>();
    private final StringProperty source = new SimpleStringProperty("");
    private final ObjectProperty<String> keyColumn = new SimpleObjectProperty<>();
    private final ObservableList<ColumnChoice> columns = FXCollections.observableArrayList();
    private final ObservableList<TableColumn> targetColumns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ImportResult> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ImportResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty skipInvalid = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> rejects = new SimpleObjectProperty<>();
    private MappingProfile loaded;

    /**
     * @param store the open database (read when a step needs it)
     * @param onImported called after a successful import, e.g. to refresh row counts
     */
    public ImportWizardViewModel(JobRunner jobs, Supplier<Store> store, Runnable onImported) {
        this.jobs = jobs;
        this.store = store;
        this.onImported = onImported;
        table.addListener((obs, o, t) -> onTableChosen(t));
        settings.addListener((obs, o, n) -> revalidate());
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObjectProperty<DomainTable> tableProperty() {
        return table;
    }

    /** The {@code source} every imported row gets; the same source makes a re-import update. */
    public StringProperty sourceProperty() {
        return source;
    }

    /** The file column that identifies a row. */
    public ObjectProperty<String> keyColumnProperty() {
        return keyColumn;
    }

    public ObservableList<ColumnChoice> columns() {
        return columns;
    }

    public ObservableList<TableColumn> targetColumns() {
        return targetColumns;
    }

    public ReadOnlyObjectProperty<ImportResult> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The last thing to tell the user, one plain sentence (errors included). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanProperty skipInvalidProperty() {
        return skipInvalid;
    }

    /** Where rows with problems go when they are skipped: beside the file, {@code NAME-rejected.csv} by default. */
    public ObjectProperty<Path> rejectsProperty() {
        return rejects;
    }

    public ReaderSettings settings() {
        return settings.get();
    }

    // ---- step 1: the file as read

    /** Reads the first rows of {@code path} with detected settings. */
    public void open(Path path) {
        file.set(path);
        // Files exported together usually sit in one folder, and must share a source for their
        // references to resolve: the folder's name is the default.
        Path folder = path.toAbsolutePath().getParent();
        String name = folder == null || folder.getFileName() == null
                ? "import"
                : folder.getFileName().toString();
        source.set(name.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", ""));
        rejects.set(path.resolveSibling(path.getFileName().toString().replaceFirst("\\.[^.]+$", "") + "-rejected.csv"));
        settings.set(ReaderSettings.DETECT);
        reread();
    }

    /** Applies a changed setting (encoding, delimiter, header row, sheet, date order, decimal mark) and reads again. */
    public void changeSettings(ReaderSettings changed) {
        settings.set(changed);
        reread();
    }

    private void reread() {
        Path f = file.get();
        ReaderSettings given = settings.get();
        busy.set(true);
        jobs.submit(
                "Reading " + f.getFileName(),
                monitor -> Preview.read(f, given, PREVIEW_ROWS),
                p -> {
                    busy.set(false);
                    settings.set(p.settings());
                    preview.set(p);
                    message.set("");
                    rebuildColumns();
                    if (table.get() == null) {
                        proposeTable(f, p.header());
                    }
                },
                error -> {
                    busy.set(false);
                    preview.set(null);
                    message.set(sentence(error));
                });
    }

    /** Whether the previewed dates allow both day/month and month/day and no order is set. */
    public boolean dateOrderUnknown() {
        return settings.get().dateOrder() == null
                && preview.get() != null
                && preview.get().datesAmbiguous();
    }

    // ---- step 2: mapping

    private void rebuildColumns() {
        Preview p = preview.get();
        // Reading again with other settings (back on the first screen) keeps the targets chosen
        // for columns of the same name, so that fixing the date order does not undo the mapping.
        carried = new java.util.HashMap<>();
        columns.forEach(c -> carried.put(c.fileColumn(), c.targetProperty().get()));
        carriedFor = table.get();
        List<ColumnChoice> list = new ArrayList<>();
        for (int i = 0; i < p.header().size(); i++) {
            list.add(new ColumnChoice(p.header().get(i), i));
        }
        for (ColumnChoice c : list) {
            c.targetProperty().addListener((obs, o, n) -> check(c));
        }
        columns.setAll(list);
        if (keyColumn.get() == null || !p.header().contains(keyColumn.get())) {
            keyColumn.set(MappingDraft.guessKey(p.header()));
        }
        onTableChosen(table.get());
    }

    /** The targets chosen before the file was read again, and the table they were chosen for. */
    private Map<String, String> carried = Map.of();

    private DomainTable carriedFor;

    /** Counts table choices, so that the columns of a table chosen before the last are dropped. */
    private long tableChoice;

    /**
     * Proposes the table the file most likely fills (its name and headers, {@link
     * quant.importers.mapping.TableGuess}) when none is chosen yet; the user can choose another.
     */
    private void proposeTable(Path f, List<String> header) {
        quant.core.store.Store s = store.get();
        if (s == null) {
            return;
        }
        jobs.submit(
                "Looking for the table " + f.getFileName() + " fills",
                monitor -> {
                    java.util.Map<DomainTable, List<TableColumn>> columns = new java.util.EnumMap<>(DomainTable.class);
                    for (DomainTable t : DomainTable.values()) {
                        if (t != DomainTable.IMPORT_RUN) {
                            columns.put(t, TableSchema.of(s, t).fillable());
                        }
                    }
                    return java.util.Optional.ofNullable(quant.importers.mapping.TableGuess.guess(
                            f.getFileName().toString(), header, columns));
                },
                guess -> {
                    if (table.get() == null && guess.isPresent()) {
                        table.set(guess.get());
                    }
                },
                error -> message.set(sentence(error)));
    }

    /** Reads the chosen table's columns off the JavaFX thread, then suggests a target for each file column. */
    private void onTableChosen(DomainTable t) {
        if (t == null || preview.get() == null || store.get() == null) {
            targetColumns.clear();
            return;
        }
        long choice = ++tableChoice;
        quant.core.store.Store s = store.get();
        jobs.submit(
                "Reading the columns of " + t.label().toLowerCase(java.util.Locale.ROOT),
                monitor -> TableSchema.of(s, t).fillable(),
                all -> {
                    if (choice == tableChoice) {
                        showTargets(all);
                    }
                },
                error -> message.set(sentence(error)));
    }

    private void showTargets(List<TableColumn> all) {
        targetColumns.setAll(
                all.stream().filter(c -> !c.name().equals("external_ref")).toList());
        List<TableColumn> targets = List.copyOf(targetColumns);
        List<String> header = preview.get().header();
        List<List<String>> samples = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            int column = i;
            samples.add(preview.get().rows().stream()
                    .map(r -> column < r.length ? r[column] : "")
                    .toList());
        }
        // A loaded profile for this table decides the targets (the columns arrive after it was
        // applied); otherwise they are suggested from the names and the previewed values.
        Map<String, String> chosen = new LinkedHashMap<>();
        if (loaded != null && loaded.targetTable() == table.get()) {
            chosen.putAll(MappingDraft.from(loaded, header, settings.get()).targets());
        } else {
            MappingSuggester.suggest(header, samples, targets).forEach(s -> chosen.putIfAbsent(s.from(), s.to()));
        }
        if (carriedFor == table.get()) {
            chosen.putAll(carried);
        }
        carried = Map.of();
        for (ColumnChoice c : columns) {
            c.targetProperty().set(chosen.get(c.fileColumn()));
        }
        revalidate();
    }

    private void revalidate() {
        columns.forEach(this::check);
    }

    private void check(ColumnChoice c) {
        Preview p = preview.get();
        Optional<TableColumn> target = targetColumns.stream()
                .filter(t -> t.name().equals(c.targetProperty().get()))
                .findFirst();
        c.setCheck(
                p == null || target.isEmpty()
                        ? PreviewCheck.ColumnCheck.NONE
                        : PreviewCheck.column(
                                draft().mapping(c.fileColumn(), target.get().name()),
                                c.index(),
                                p.rows(),
                                target.get(),
                                settings.get()));
    }

    /** Required table columns no file column fills yet. */
    public List<String> unfilledRequired() {
        return draft().unfilledRequired(targetColumns);
    }

    /** The mapping as edited so far, with the loaded profile it started from. */
    private MappingDraft draft() {
        Map<String, String> targets = new LinkedHashMap<>();
        for (ColumnChoice c : columns) {
            if (c.targetProperty().get() != null) {
                targets.put(c.fileColumn(), c.targetProperty().get());
            }
        }
        return new MappingDraft(table.get(), source.get(), settings.get(), keyColumn.get(), targets, loaded);
    }

    /** The mapping as a profile (to run, or to save for next time); see {@link MappingDraft#toProfile}. */
    public MappingProfile profile() {
        return draft().toProfile(
                        "Saved from the import wizard for " + file.get().getFileName());
    }

    /** Takes a saved profile's table, source, key, settings and column targets. */
    public void apply(MappingProfile saved) {
        loaded = saved;
        MappingDraft d = MappingDraft.from(
                saved, columns.stream().map(ColumnChoice::fileColumn).toList(), settings.get());
        source.set(d.source());
        if (d.key() != null) {
            keyColumn.set(d.key());
        }
        settings.set(d.settings());
        table.set(d.table());
        for (ColumnChoice c : columns) {
            c.targetProperty().set(d.targets().get(c.fileColumn()));
        }
    }

    // ---- navigation

    /** Goes to the mapping screen (the file must be readable). */
    public boolean toMapping() {
        if (preview.get() == null) {
            return false;
        }
        step.set(Step.MAPPING);
        return true;
    }

    public void back() {
        switch (step.get()) {
            case MAPPING -> step.set(Step.PREVIEW);
            case SUMMARY -> step.set(Step.MAPPING);
            default -> {}
        }
    }

    // ---- step 3: what will happen

    /** Checks the whole file without writing and shows what the import would do. */
    public void toSummary() {
        if (table.get() == null) {
            message.set("Choose the table to import into.");
            return;
        }
        if (!unfilledRequired().isEmpty()) {
            message.set("Map a file column to " + String.join(", ", unfilledRequired()) + ": every "
                    + table.get().sqlName().replace('_', ' ') + " needs it.");
            return;
        }
        if (dateOrderUnknown()) {
            message.set(
                    "Dates such as 3/4/2024 could be day/month or month/day: choose the date order on the first screen.");
            return;
        }
        MappingProfile profile = profile();
        Path f = file.get();
        ImportOptions options =
                new ImportOptions(ImportOptions.OnError.SKIP, true, null, java.time.ZoneId.systemDefault());
        busy.set(true);
        jobs.submit(
                "Checking " + f.getFileName(),
                monitor -> new Importer(store.get()).run(f, profile, options, monitor),
                r -> {
                    busy.set(false);
                    summary.set(r);
                    message.set("");
                    step.set(Step.SUMMARY);
                },
                error -> {
                    busy.set(false);
                    message.set(sentence(error));
                });
    }

    // ---- step 4: import

    /** Imports for real: all or nothing, or (with skip) the valid rows with rejects written aside. */
    public void runImport() {
        MappingProfile profile = profile();
        Path f = file.get();
        ImportOptions options = new ImportOptions(
                skipInvalid.get() ? ImportOptions.OnError.SKIP : ImportOptions.OnError.ABORT,
                false,
                skipInvalid.get() ? rejects.get() : null,
                java.time.ZoneId.systemDefault());
        busy.set(true);
        jobs.submit(
                "Importing " + f.getFileName(),
                monitor -> new Importer(store.get()).run(f, profile, options, monitor),
                r -> {
                    busy.set(false);
                    result.set(r);
                    message.set("");
                    step.set(Step.RESULT);
                    onImported.run();
                },
                error -> {
                    busy.set(false);
                    message.set(
                            error instanceof CancellationException
                                    ? "The import was cancelled; nothing was written."
                                    : sentence(error));
                });
    }

    static String sentence(Throwable error) {
        return quant.app.errors.Failures.sentence(error);
    }
}
