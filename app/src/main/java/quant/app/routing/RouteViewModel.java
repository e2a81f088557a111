package quant.app.routing;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import quant.app.errors.Failures;
import quant.app.job.JobRunner;
import quant.core.analysis.InvalidSpecException;
import quant.core.io.AtomicFile;
import quant.core.io.OutputPath;
import quant.core.job.JobMonitor;
import quant.core.routing.DayPlan;
import quant.core.routing.DayPlanner;
import quant.core.routing.KeptPlans;
import quant.core.routing.MonthComparison;
import quant.core.routing.RouteSearch;
import quant.core.routing.RouteSettings;
import quant.core.routing.RunSheets;
import quant.core.routing.TravelTimes;
import quant.core.routing.WorkDayReader;
import quant.core.settings.BusinessSettings;
import quant.core.store.Store;

/**
 * The route planning view's state: the day, the time limit, the plan, and what the user does to it —
 * plan, stop the search (keeping the best plan so far), cancel a job or add an emergency at a time of
 * day ("now") and re-plan from the current plan, keep the plan in the database, export run sheets.
 * Every piece of work runs on the job runner; the search's "best so far" is shown while it runs.
 */
public final class RouteViewModel {
    /** The seed of every search the view runs, so the same day and time limit plan alike. */
    public static final long SEED = 1;

    private final JobRunner jobs;
    private final Supplier<Store> store;
    private final ObservableValue<BusinessSettings> settings;
    private final Executor ui;
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final IntegerProperty seconds = new SimpleIntegerProperty(5);
    private final IntegerProperty now = new SimpleIntegerProperty(12 * 60);
    private final StringProperty selectedTechnician = new SimpleStringProperty();
    private final StringProperty selectedStop = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<DayPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Integer> replannedAt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MonthComparison> month = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper monthRunning = new ReadOnlyBooleanWrapper();
    private final ObservableList<KeptPlans.Header> kept = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<KeptPlans.Header> shownKept = new ReadOnlyObjectWrapper<>();
    private AtomicBoolean stopCurrent = new AtomicBoolean();
    private long generation;
    private int added;

    public RouteViewModel(
            JobRunner jobs,
            Supplier<Store> store,
            ObservableValue<?> dataChanged,
            ObservableValue<BusinessSettings> settings,
            Executor ui) {
        this.jobs = jobs;
        this.store = store;
        this.settings = settings;
        this.ui = ui;
        date.addListener((o, a, d) -> {
            plan();
            refreshKept();
        });
        dataChanged.addListener(x -> plan());
        settings.addListener(x -> plan());
    }

    private final java.util.Map<String, String> lineNames = new java.util.concurrent.ConcurrentHashMap<>();

    /** A service line's own name by its code (the code until the names are read). */
    public String lineName(String code) {
        return code == null ? null : lineNames.getOrDefault(code, code);
    }

    /**
     * Opens on the next day to plan: the first day after the data's last activity with jobs booked
     * (nothing to plan when no job is booked).
     */
    public void start() {
        jobs.submit(
                "Reading the service lines",
                m -> WorkDayReader.lineNames(store.get()),
                lineNames::putAll,
                e -> message.set(Failures.sentence(e)));
        jobs.submit(
                "Finding the next day with jobs",
                m -> WorkDayReader.openingDay(store.get()),
                last -> last.ifPresentOrElse(
                        date::set,
                        () -> message.set("No job in the data has a booked time, so there is no day to plan: import"
                                + " jobs with scheduled_at to plan routes.")),
                e -> message.set(Failures.sentence(e)));
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    /** The search's time limit in seconds. */
    public IntegerProperty secondsProperty() {
        return seconds;
    }

    /** The time of day a re-plan happens at, minutes since midnight. */
    public IntegerProperty nowProperty() {
        return now;
    }

    /** The technician shown on their own (vehicle id), or null for all. */
    public StringProperty selectedTechnicianProperty() {
        return selectedTechnician;
    }

    /** The job picked in the map, timeline or table (stop id), or null. */
    public StringProperty selectedStopProperty() {
        return selectedStop;
    }

    public ReadOnlyObjectProperty<DayPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** When the shown plan was re-planned (minutes since midnight), or null for a fresh plan. */
    public ReadOnlyObjectProperty<Integer> replannedAtProperty() {
        return replannedAt.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The search's best plan so far while it runs. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the last request failed, in one sentence, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What the last action did (kept, exported, re-planned), or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private RouteSearch.Limits limits() {
        return RouteSearch.Limits.seconds(Math.max(1, seconds.get()), SEED);
    }

    /** Plans the chosen day afresh. */
    public void plan() {
        LocalDate d = date.get();
        if (d == null) {
            return;
        }
        RouteSettings s = RouteSettings.of(settings.getValue());
        RouteSearch.Limits limits = limits();
        search(
                "Planning routes for " + d,
                m -> DayPlanner.plan(WorkDayReader.read(store.get(), d), s, limits, m),
                null);
    }

    /** Stops the running search; the best plan found so far is shown. */
    public void stop() {
        stopCurrent.set(true);
    }

    /** Cancels a job of the day at {@link #nowProperty()} and re-plans the rest. */
    public void cancelJob(String stopId) {
        replan(Set.of(stopId), List.of());
    }

    /** Adds a job (an emergency) at {@link #nowProperty()} and re-plans. */
    public void addJob(DayPlanner.Addition job) {
        replan(Set.of(), List.of(job));
    }

    /** A reference for the next added job: NEW1, NEW2, … */
    public String nextReference() {
        return "NEW" + (added + 1);
    }

    private void replan(Set<String> cancelled, List<DayPlanner.Addition> add) {
        DayPlan previous = plan.get();
        if (previous == null) {
            return;
        }
        int at = now.get();
        RouteSearch.Limits limits = limits();
        if (!add.isEmpty()) {
            added++;
        }
        search(
                "Re-planning " + previous.date() + " at " + RunSheets.clock(at),
                m -> DayPlanner.replan(previous, at, cancelled, add, limits, m),
                at);
    }

    private void search(String title, JobRunner.Work<DayPlan> work, Integer at) {
        stopCurrent.set(true);
        AtomicBoolean stopMe = new AtomicBoolean();
        stopCurrent = stopMe;
        long mine = ++generation;
        running.set(true);
        message.set("");
        status.set("");
        progress.set(at == null ? "Planning…" : "Re-planning…");
        if (at == null) {
            // a new day: the previous day's plan must not stay on screen as if it were this one's
            plan.set(null);
            selectedStop.set(null);
        }
        AtomicReference<String> pending = new AtomicReference<>();
        jobs.submit(
                title,
                monitor -> work.run(new JobMonitor() {
                    @Override
                    public void progress(long done, long total, String stage) {
                        monitor.progress(done, total, stage);
                        if (pending.getAndSet(stage) == null) {
                            ui.execute(() -> {
                                String text = pending.getAndSet(null);
                                if (mine == generation && text != null) {
                                    progress.set(text);
                                }
                            });
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return stopMe.get() || monitor.isCancelled();
                    }
                }),
                result -> {
                    if (mine != generation) {
                        return;
                    }
                    running.set(false);
                    progress.set("");
                    replannedAt.set(at);
                    shownKept.set(null);
                    plan.set(result);
                    selectedStop.set(null);
                    if (result.plan().stoppedEarly()) {
                        status.set("Stopped after %.1f s: this is the best plan found by then."
                                .formatted(result.plan().seconds()));
                    } else if (at != null) {
                        status.set(
                                "Re-planned at " + RunSheets.clock(at) + ": work under way by then stays as it was.");
                    }
                },
                error -> {
                    if (mine != generation) {
                        return;
                    }
                    running.set(false);
                    progress.set("");
                    message.set(Failures.sentence(error));
                });
    }

    /** The last month comparison, or null. */
    public ReadOnlyObjectProperty<MonthComparison> monthProperty() {
        return month.getReadOnlyProperty();
    }

    /**
     * Plans every past day of the chosen day's month with the time limit, and compares each with what was
     * driven; cancelling from the status bar stops between days.
     */
    public void compareMonth() {
        LocalDate d = date.get();
        if (d == null) {
            return;
        }
        YearMonth ym = YearMonth.from(d);
        RouteSettings s = RouteSettings.of(settings.getValue());
        int perDay = Math.max(1, seconds.get());
        monthRunning.set(true);
        jobs.submit(
                "Planning every day of " + ym,
                m -> MonthComparison.run(store.get(), ym, s, perDay, SEED, m),
                result -> {
                    monthRunning.set(false);
                    month.set(result);
                },
                e -> {
                    monthRunning.set(false);
                    message.set(
                            e instanceof java.util.concurrent.CancellationException
                                    ? "The month comparison was cancelled."
                                    : Failures.sentence(e));
                });
    }

    public ReadOnlyBooleanProperty monthRunningProperty() {
        return monthRunning.getReadOnlyProperty();
    }

    /** Keeps the shown plan in the database under {@code name}. */
    public void keep(String name) {
        DayPlan d = plan.get();
        if (d == null) {
            return;
        }
        jobs.submit(
                "Keeping the plan",
                m -> KeptPlans.save(store.get(), d, name, SEED),
                id -> {
                    status.set("Kept as plan %d, \"%s\". The day's jobs are unchanged.".formatted(id, name.strip()));
                    refreshKept();
                },
                e -> message.set(Failures.sentence(e)));
    }

    /**
     * Imports a travel-time matrix CSV (replacing the one imported before) and plans the day again with it;
     * a bad file changes nothing and says which line is wrong.
     */
    public void importTravelTimes(Path file) {
        jobs.submit(
                "Importing travel times",
                m -> TravelTimes.replace(store.get(), TravelTimes.read(file).values()),
                n -> {
                    plan();
                    status.set("Imported %,d travel times from %s; planning uses them where they apply."
                            .formatted(n, file.getFileName()));
                },
                e -> message.set(Failures.sentence(e)));
    }

    /** Removes the imported travel-time matrix and plans the day again from coordinates. */
    public void clearTravelTimes() {
        jobs.submit(
                "Removing travel times",
                m -> TravelTimes.clear(store.get()),
                n -> {
                    plan();
                    status.set("Removed %,d imported travel times; travel comes from coordinates.".formatted(n));
                },
                e -> message.set(Failures.sentence(e)));
    }

    /** The plans kept for the chosen day, newest first. */
    public ObservableList<KeptPlans.Header> keptPlans() {
        return kept;
    }

    /** The kept plan being shown, or null when the plan shown is a fresh one. */
    public ReadOnlyObjectProperty<KeptPlans.Header> shownKeptProperty() {
        return shownKept.getReadOnlyProperty();
    }

    private void refreshKept() {
        LocalDate d = date.get();
        if (d == null) {
            return;
        }
        jobs.submit(
                "Reading kept plans",
                m -> KeptPlans.list(store.get(), d),
                list -> {
                    if (d.equals(date.get())) {
                        kept.setAll(list);
                    }
                },
                e -> message.set(Failures.sentence(e)));
    }

    /** Shows a kept plan on its day as the data has it now; Plan searches afresh. */
    public void openKept(KeptPlans.Header h) {
        RouteSettings s = RouteSettings.of(settings.getValue());
        stopCurrent.set(true);
        long mine = ++generation;
        jobs.submit(
                "Opening kept plan " + h.id(),
                m -> {
                    KeptPlans.Kept k = KeptPlans.read(store.get(), h.id());
                    if (k == null) {
                        throw new InvalidSpecException(
                                "The kept plan \"" + h.label() + "\" is no longer in the database.");
                    }
                    return DayPlanner.fromKept(k, WorkDayReader.read(store.get(), h.date()), s);
                },
                d -> {
                    if (mine != generation) {
                        return;
                    }
                    running.set(false);
                    replannedAt.set(null);
                    shownKept.set(h);
                    plan.set(d);
                    selectedStop.set(null);
                    status.set("Showing the kept plan \"%s\", saved %s. Plan searches afresh."
                            .formatted(h.label(), h.savedAt().toLocalDate()));
                },
                e -> {
                    if (mine == generation) {
                        running.set(false);
                    }
                    message.set(Failures.sentence(e));
                });
    }

    /** Deletes a kept plan. */
    public void deleteKept(KeptPlans.Header h) {
        jobs.submit(
                "Deleting kept plan " + h.id(),
                m -> KeptPlans.delete(store.get(), h.id()),
                gone -> {
                    status.set("Deleted the kept plan \"%s\".".formatted(h.label()));
                    refreshKept();
                },
                e -> message.set(Failures.sentence(e)));
    }

    /** Loads the customers a job can be added for. */
    public void customers(Consumer<List<WorkDayReader.Customer>> then) {
        jobs.submit(
                "Reading customers",
                m -> WorkDayReader.locatedCustomers(store.get()),
                then,
                e -> message.set(Failures.sentence(e)));
    }

    /** The kinds of run sheet export. */
    public enum Format {
        CSV,
        PDF
    }

    /**
     * Writes run sheets for {@code technicianIds} (all technicians with stops when empty) to {@code file},
     * through a temporary file so a failed export leaves nothing half-written; a target that is the
     * database or not a regular file is refused in one sentence ({@link OutputPath}).
     */
    public void export(Format format, List<String> technicianIds, Path file) {
        DayPlan d = plan.get();
        if (d == null) {
            return;
        }
        jobs.submit(
                "Writing run sheets",
                m -> {
                    Path target = OutputPath.check(
                            file, "The run sheets' file", store.get().protectedFiles());
                    AtomicFile.write(target, out -> {
                        if (format == Format.CSV) {
                            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                            RunSheets.csv(d, technicianIds, w);
                            w.flush();
                        } else {
                            RunSheets.pdf(d, technicianIds, out);
                        }
                    });
                    quant.app.analysis.ExportRecords.fromWindow(
                            store.get(), "Run sheets " + d.date() + " (" + format + ")", target);
                    return file;
                },
                f -> status.set("Run sheets written to " + f + "."),
                e -> message.set(Failures.sentence(e)));
    }
}
