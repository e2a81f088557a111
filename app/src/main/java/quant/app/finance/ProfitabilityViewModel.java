package quant.app.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import quant.app.analysis.Recomputer;
import quant.app.job.JobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.finance.ProfitabilityAnalysis;
import quant.core.finance.ProfitabilityResult;
import quant.core.finance.ProfitabilitySpec;
import quant.core.settings.BusinessSettings;

/**
 * The profitability view's state: the dimension of the rows, the window, the as-of date, and the
 * drill-down path (a service line, then one of its customers, then that customer's jobs). Overhead is
 * shared out by the business setting.
 */
public final class ProfitabilityViewModel {
    private final ObjectProperty<ProfitabilitySpec.Dimension> by =
            new SimpleObjectProperty<>(ProfitabilitySpec.Dimension.LINE);
    private final ObjectProperty<Integer> months = new SimpleObjectProperty<>(12);
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObservableList<ProfitabilitySpec.Within> path = FXCollections.observableArrayList();
    private final ObservableValue<BusinessSettings> settings;
    private final Recomputer<ProfitabilitySpec, ProfitabilityResult> recomputer;

    public ProfitabilityViewModel(
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            ObservableValue<BusinessSettings> settings) {
        this.settings = settings;
        recomputer = new Recomputer<>(
                "Measuring profitability", jobs, snapshots, ProfitabilityAnalysis.PARTS, ProfitabilityAnalysis::run);
        by.addListener(x -> refresh());
        months.addListener(x -> refresh());
        asOf.addListener(x -> refresh());
        dataChanged.addListener(x -> refresh());
        settings.addListener(x -> refresh());
    }

    public ObjectProperty<ProfitabilitySpec.Dimension> byProperty() {
        return by;
    }

    public ObjectProperty<Integer> monthsProperty() {
        return months;
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    /** The drill-down so far, outermost first. */
    public ObservableList<ProfitabilitySpec.Within> path() {
        return FXCollections.unmodifiableObservableList(path);
    }

    public ReadOnlyObjectProperty<ProfitabilityResult> resultProperty() {
        return recomputer.resultProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return recomputer.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return recomputer.messageProperty();
    }

    /**
     * Opens a row: a service line shows its customers, a customer their jobs, any other row the
     * customers within it; a job row is as far as it goes.
     */
    public void drillInto(ProfitabilityResult.Row row) {
        ProfitabilitySpec.Dimension d = by.get();
        if (d == ProfitabilitySpec.Dimension.JOB || row == null || "all".equals(row.key())) {
            return;
        }
        path.add(new ProfitabilitySpec.Within(d, row.key()));
        by.set(
                d == ProfitabilitySpec.Dimension.CUSTOMER
                        ? ProfitabilitySpec.Dimension.JOB
                        : ProfitabilitySpec.Dimension.CUSTOMER);
    }

    /** Goes back to the level of {@code steps} drill-downs (0: the top). */
    public void backTo(int steps) {
        if (steps >= path.size()) {
            return;
        }
        ProfitabilitySpec.Within first = path.get(steps);
        List<ProfitabilitySpec.Within> kept = new ArrayList<>(path.subList(0, steps));
        path.setAll(kept);
        by.set(first.dimension());
        refresh();
    }

    public ProfitabilitySpec spec() {
        return ProfitabilitySpec.DEFAULT
                .withAsOf(Optional.ofNullable(asOf.get()))
                .withBy(by.get())
                .withMonths(months.get() == null ? 12 : months.get())
                .withOverheadBy(settings.getValue().overheadBy())
                .withWithin(List.copyOf(path));
    }

    public void refresh() {
        recomputer.request(spec());
    }
}
