package quant.app.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import quant.app.analysis.Recomputer;
import quant.app.errors.Failures;
import quant.app.job.JobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.market.MarketAnalysis;
import quant.core.market.MarketResult;
import quant.core.market.SwotBoard;
import quant.core.store.Store;

/**
 * The market view's state: the as-of date, the result, and the SWOT board being edited. The board
 * belongs to a period (the as-of year by default); it opens with what was saved for that period,
 * or, when nothing was, with the suggestions drawn from the figures. Edits stay in memory until
 * saved; saving replaces the period's board in one transaction on the job runner.
 */
public final class MarketViewModel {
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final Recomputer<Optional<LocalDate>, MarketResult> recomputer;
    private final JobRunner jobs;
    private final Supplier<Store> store;
    private final ObjectProperty<String> period = new SimpleObjectProperty<>();
    private final Map<String, ObservableList<SwotBoard.Item>> board = new LinkedHashMap<>();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper boardStatus = new ReadOnlyStringWrapper("");
    private boolean loading;

    public MarketViewModel(
            JobRunner jobs, SnapshotCache snapshots, ObservableValue<?> dataChanged, Supplier<Store> store) {
        this.jobs = jobs;
        this.store = store;
        recomputer = new Recomputer<>(
                "Measuring market position", jobs, snapshots, MarketAnalysis.PARTS, MarketAnalysis::run);
        for (String q : SwotBoard.QUADRANTS) {
            ObservableList<SwotBoard.Item> items = FXCollections.observableArrayList();
            items.addListener((ListChangeListener<SwotBoard.Item>) c -> {
                if (!loading) {
                    dirty.set(true);
                }
            });
            board.put(q, items);
        }
        dirty.addListener((obs, was, now) -> {
            if (now) {
                boardStatus.set("Unsaved changes to the " + period.get() + " board.");
            }
        });
        asOf.addListener(x -> refresh());
        dataChanged.addListener(x -> refresh());
        recomputer.resultProperty().addListener((obs, o, r) -> {
            if (r != null && (period.get() == null || o == null)) {
                String year = String.valueOf(r.asOf().date().getYear());
                if (year.equals(period.get())) {
                    loadBoard();
                } else {
                    period.set(year);
                }
            }
        });
        period.addListener((obs, o, p) -> loadBoard());
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public ReadOnlyObjectProperty<MarketResult> resultProperty() {
        return recomputer.resultProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return recomputer.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return recomputer.messageProperty();
    }

    /** The period whose board is shown (a label such as "2025"). */
    public ObjectProperty<String> periodProperty() {
        return period;
    }

    /** The entries of a quadrant (strengths, weaknesses, opportunities, threats), editable. */
    public ObservableList<SwotBoard.Item> quadrant(String name) {
        return board.get(name);
    }

    /** Whether the board has edits not saved yet. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    /** Where the board came from or how saving went, in one sentence. */
    public ReadOnlyStringProperty boardStatusProperty() {
        return boardStatus.getReadOnlyProperty();
    }

    public void refresh() {
        recomputer.request(Optional.ofNullable(asOf.get()));
    }

    /** Periods to choose from: those with a saved board, and the years the market figures cover. */
    public List<String> periodChoices() {
        List<String> out = new ArrayList<>();
        MarketResult r = recomputer.resultProperty().get();
        if (r != null) {
            r.periods().stream()
                    .map(p -> String.valueOf(p.start().getYear()))
                    .distinct()
                    .sorted(java.util.Comparator.reverseOrder())
                    .forEach(out::add);
        }
        return out;
    }

    /** Adds the suggestions drawn from the figures that the board does not hold yet. */
    public void addSuggestions() {
        MarketResult r = recomputer.resultProperty().get();
        if (r == null) {
            return;
        }
        for (SwotBoard.Item s : SwotBoard.suggested(r)) {
            ObservableList<SwotBoard.Item> items = board.get(s.quadrant());
            if (items.stream().noneMatch(i -> i.text().equals(s.text()))) {
                items.add(s);
            }
        }
    }

    /** Adds an entry typed by the user; blank text is ignored. */
    public void add(String quadrant, String text) {
        if (text != null && !text.isBlank()) {
            board.get(quadrant).add(new SwotBoard.Item(quadrant, text, false));
        }
    }

    /** Replaces an entry's text (an edited suggestion is the user's own from then on). */
    public void edit(String quadrant, int index, String text) {
        ObservableList<SwotBoard.Item> items = board.get(quadrant);
        if (text == null || text.isBlank()) {
            items.remove(index);
        } else if (!text.strip().equals(items.get(index).text())) {
            items.set(index, new SwotBoard.Item(quadrant, text, false));
        }
    }

    /** Saves the board of the current period as it stands, replacing what was saved for it. */
    public void save() {
        String p = period.get();
        List<SwotBoard.Item> items = new ArrayList<>();
        board.values().forEach(items::addAll);
        jobs.submit(
                "Saving the SWOT board",
                monitor -> {
                    SwotBoard.save(store.get(), p, items);
                    return items.size();
                },
                n -> {
                    if (p.equals(period.get())) {
                        dirty.set(false);
                    }
                    boardStatus.set("Saved the " + p + " board with " + n + (n == 1 ? " entry." : " entries."));
                },
                error -> boardStatus.set("The board was not saved: " + Failures.sentence(error)));
    }

    /** Loads the current period's saved board, or the suggestions when none was saved. */
    public void loadBoard() {
        String p = period.get();
        if (p == null) {
            return;
        }
        jobs.submit(
                "Reading the SWOT board",
                monitor -> SwotBoard.read(store.get(), p),
                saved -> {
                    if (!p.equals(period.get())) {
                        return;
                    }
                    loading = true;
                    try {
                        board.values().forEach(List::clear);
                        MarketResult r = recomputer.resultProperty().get();
                        List<SwotBoard.Item> items = saved.isEmpty() && r != null ? SwotBoard.suggested(r) : saved;
                        items.forEach(i -> board.get(i.quadrant()).add(i));
                    } finally {
                        loading = false;
                    }
                    dirty.set(false);
                    boardStatus.set(
                            saved.isEmpty()
                                    ? "No board saved for " + p + " yet: these are suggestions drawn from the figures."
                                    : "The " + p + " board as saved.");
                },
                error -> boardStatus.set("The board could not be read: " + Failures.sentence(error)));
    }
}
