package quant.app.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import quant.app.analysis.ExportRecords;
import quant.app.errors.Failures;
import quant.app.job.JobRunner;
import quant.core.analysis.InvalidSpecException;
import quant.core.delivery.ExportAudit;
import quant.core.delivery.Schedule;
import quant.core.delivery.ScheduleRunner;
import quant.core.delivery.Schedules;
import quant.core.io.AtomicFile;
import quant.core.io.OutputPath;
import quant.core.pack.PackBuilder;
import quant.core.pack.PackDefinition;
import quant.core.pack.PackDefinitions;
import quant.core.report.pack.Pack;
import quant.core.report.pack.PackPdf;
import quant.core.report.pack.PackPptx;
import quant.core.report.pack.PackXlsx;
import quant.core.store.DataFolder;
import quant.core.store.Store;

/**
 * The Reports view's state: the report definitions (the shipped ones and the user's copies in the data
 * folder's {@code reports}), the one being edited, the schedules, and the history of runs and exports;
 * and what it does — make a pack into files, save a definition, save, delete and run schedules — each
 * on a job, with the outcome in one sentence.
 */
public final class ReportsViewModel {
    /** A definition in the list: its name, its content, and its file (null for a shipped one). */
    public record Item(String name, PackDefinition definition, Path file) {
        public boolean shipped() {
            return file == null;
        }

        /** How the schedule form and the command line name it: the shipped name or the file. */
        public String reference() {
            return file == null ? name : file.toString();
        }

        @Override
        public String toString() {
            return shipped() ? name + " (shipped)" : name;
        }
    }

    private final JobRunner jobs;
    private final Supplier<Store> store;
    private final Secrets secrets;
    private final Path folder;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObjectProperty<Item> selected = new SimpleObjectProperty<>();
    private final ObservableList<Schedule> schedules = FXCollections.observableArrayList();
    private final ObservableList<Schedules.Run> runs = FXCollections.observableArrayList();
    private final ObservableList<ExportAudit.Entry> exports = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public ReportsViewModel(JobRunner jobs, Supplier<Store> store, Secrets secrets) {
        this(jobs, store, secrets, DataFolder.get().resolve("reports"));
    }

    ReportsViewModel(JobRunner jobs, Supplier<Store> store, Secrets secrets, Path folder) {
        this.jobs = jobs;
        this.store = store;
        this.secrets = secrets;
        this.folder = folder;
    }

    public ObservableList<Item> items() {
        return items;
    }

    public ObjectProperty<Item> selectedProperty() {
        return selected;
    }

    public ObservableList<Schedule> schedules() {
        return schedules;
    }

    public ObservableList<Schedules.Run> runs() {
        return runs;
    }

    public ObservableList<ExportAudit.Entry> exports() {
        return exports;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Shows a sentence in the view's message line. */
    public void say(String sentence) {
        message.set(sentence);
    }

    public Secrets secrets() {
        return secrets;
    }

    /** The folder the user's definitions are kept in. */
    public Path folder() {
        return folder;
    }

    /** Reads the definitions, the schedules and the history again. */
    public void refresh() {
        List<Item> list = new ArrayList<>();
        for (String name : PackDefinitions.SHIPPED) {
            list.add(new Item(name, PackDefinitions.shipped(name), null));
        }
        List<String> broken = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(
                                p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                        .sorted()
                        .toList()) {
                    try {
                        PackDefinition d = PackDefinitions.read(f);
                        list.add(new Item(d.name(), d, f));
                    } catch (InvalidSpecException e) {
                        broken.add(e.getMessage());
                    }
                }
            } catch (IOException e) {
                broken.add("The folder " + folder + " cannot be read (" + e.getMessage() + ").");
            }
        }
        String keep = selected.get() == null ? null : selected.get().name();
        items.setAll(list);
        selected.set(
                list.stream().filter(i -> i.name().equals(keep)).findFirst().orElse(list.getFirst()));
        if (!broken.isEmpty()) {
            message.set(String.join(" ", broken));
        }
        refreshSchedules();
    }

    /** Reads the schedules, runs and exports on a job. */
    public void refreshSchedules() {
        Store s = store.get();
        if (s == null) {
            return;
        }
        jobs.submit(
                "Reading the report schedules",
                m -> new History(Schedules.list(s), Schedules.runs(s, 200), ExportAudit.list(s, 500)),
                h -> {
                    schedules.setAll(h.schedules());
                    runs.setAll(h.runs());
                    exports.setAll(h.exports());
                },
                e -> message.set(Failures.sentence(e)));
    }

    private record History(List<Schedule> schedules, List<Schedules.Run> runs, List<ExportAudit.Entry> exports) {}

    /**
     * Makes the pack of {@code definition} and writes it to {@code pdf}, with its workbook and slides
     * beside it (same name, other ending) when asked; each file whole or not at all.
     */
    public void make(PackDefinition definition, Path pdf, boolean xlsx, boolean pptx) {
        Store s = store.get();
        if (s == null) {
            return;
        }
        jobs.submit(
                "Making the " + definition.title(),
                monitor -> {
                    List<OutputPath.Protected> keep = new java.util.ArrayList<>(s.protectedFiles());
                    Path target = OutputPath.check(pdf, "The pack", keep);
                    Pack pack = PackBuilder.build(s, definition, PackBuilder.Request.DEFAULT, monitor);
                    List<Path> written = new ArrayList<>();
                    write(target, o -> PackPdf.write(pack, o), written);
                    String base = target.getFileName().toString().replaceFirst("(?i)\\.pdf$", "");
                    if (xlsx) {
                        write(
                                OutputPath.check(target.resolveSibling(base + ".xlsx"), "The workbook", keep),
                                o -> PackXlsx.write(pack, o),
                                written);
                    }
                    if (pptx) {
                        write(
                                OutputPath.check(target.resolveSibling(base + ".pptx"), "The slides", keep),
                                o -> PackPptx.write(pack, o),
                                written);
                    }
                    for (Path f : written) {
                        String name = f.getFileName().toString();
                        ExportRecords.fromWindow(
                                s,
                                pack.style().title() + " " + pack.period() + " ("
                                        + name.substring(name.lastIndexOf('.') + 1)
                                                .toUpperCase(Locale.ROOT) + ")",
                                f);
                    }
                    long failed = pack.sections().stream().filter(x -> !x.ran()).count();
                    return "Wrote the " + pack.style().title() + " for " + pack.period() + " to "
                            + String.join(
                                    ", ", written.stream().map(Path::toString).toList())
                            + (failed == 0 ? "." : "; " + failed + " section(s) could not run and say why.");
                },
                text -> {
                    message.set(text);
                    refreshSchedules();
                },
                e -> message.set(Failures.sentence(e)));
    }

    private static void write(Path file, AtomicFile.IoWriter writer, List<Path> written) throws IOException {
        AtomicFile.write(file, writer);
        written.add(file);
    }

    /**
     * Saves {@code definition} as the user's definition {@code name} in the definitions folder, and
     * selects it.
     */
    public void save(PackDefinition definition, String name) {
        String clean = name == null ? "" : name.strip();
        if (!clean.matches("[\\p{L}\\p{N} ._-]{1,80}") || clean.startsWith(".")) {
            message.set("Name the definition with letters, digits, spaces, dots, dashes or underscores (at most 80).");
            return;
        }
        if (PackDefinitions.SHIPPED.contains(clean.toLowerCase(Locale.ROOT))) {
            message.set("\"" + clean + "\" is the name of a shipped definition; choose another.");
            return;
        }
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(clean + ".json");
            String json = PackDefinitions.toJson(definition);
            // the file must read back as the same definition before it replaces anything
            PackDefinitions.parse(json, file.toString(), clean, folder);
            AtomicFile.write(file, o -> o.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            refresh();
            items.stream().filter(i -> i.name().equals(clean)).findFirst().ifPresent(selected::set);
            message.set("Saved the definition " + clean + " to " + file + ".");
        } catch (IOException | InvalidSpecException e) {
            message.set(Failures.sentence(e));
        }
    }

    /** Deletes one of the user's definitions (a shipped one cannot be). */
    public void delete(Item item) {
        if (item == null || item.shipped()) {
            return;
        }
        try {
            Files.deleteIfExists(item.file());
            message.set("Deleted the definition " + item.name() + ".");
            refresh();
        } catch (IOException e) {
            message.set(Failures.sentence(e));
        }
    }

    /**
     * Saves a schedule; for e-mail with a login, {@code password} (when not empty) goes to the
     * credential store, never to the database.
     */
    public void saveSchedule(Schedule schedule, char[] password) {
        Store s = store.get();
        if (s == null) {
            return;
        }
        jobs.submit(
                "Saving the schedule " + schedule.name(),
                m -> {
                    Schedule saved = Schedules.save(s, schedule);
                    if (saved.delivery() instanceof Schedule.ByEmail mail
                            && !mail.user().isEmpty()
                            && password != null
                            && password.length > 0) {
                        secrets.store()
                                .orElseThrow(
                                        () -> new InvalidSpecException("Unlock the secrets file first: the password"
                                                + " is kept encrypted in " + secrets.file() + "."))
                                .put(mail.secretKey(), password);
                    }
                    return saved;
                },
                saved -> {
                    if (password != null) {
                        java.util.Arrays.fill(password, '\0');
                    }
                    message.set("Saved the schedule " + saved.name() + ": " + saved.when() + ", next on "
                            + saved.nextDue(java.time.ZonedDateTime.now())
                                    .toLocalDateTime()
                                    .toString()
                                    .replace('T', ' ')
                            + ".");
                    refreshSchedules();
                },
                e -> message.set(Failures.sentence(e)));
    }

    public void deleteSchedule(Schedule schedule) {
        Store s = store.get();
        jobs.submit(
                "Deleting the schedule " + schedule.name(),
                m -> {
                    Schedules.delete(s, schedule.id());
                    return schedule;
                },
                x -> {
                    message.set("Deleted the schedule " + x.name() + "; its runs stay in the history.");
                    refreshSchedules();
                },
                e -> message.set(Failures.sentence(e)));
    }

    /** Runs a schedule now, as if it were due. */
    public void runNow(Schedule schedule) {
        Store s = store.get();
        jobs.submit(
                "Report schedule " + schedule.name(),
                monitor -> ScheduleRunner.run(
                        s,
                        schedule,
                        Instant.now(),
                        secrets.store().orElse(null),
                        javax.net.ssl.SSLContext.getDefault(),
                        monitor),
                o -> {
                    message.set(schedule.name() + ": " + o.message());
                    refreshSchedules();
                },
                e -> message.set(Failures.sentence(e)));
    }

    /** The item whose reference a schedule names, if it is in the list. */
    public Optional<Item> item(String reference) {
        return items.stream().filter(i -> i.reference().equals(reference)).findFirst();
    }
}
