package quant.app.clv;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import quant.app.analysis.CustomerFilterModel;
import quant.app.analysis.Recomputer;
import quant.app.job.JobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.clv.ClvAnalysis;
import quant.core.clv.ClvResult;
import quant.core.clv.ClvSpec;
import quant.core.settings.BusinessSettings;
import quant.core.settings.CustomerSettings;

/**
 * The lifetime-value view's state: horizon, discount rate, churn window, the customer filter, and the
 * result. The first three start at the business settings and follow them when they are saved.
 */
public final class ClvViewModel {
    private final IntegerProperty horizonMonths = new SimpleIntegerProperty();
    private final DoubleProperty discountPercent = new SimpleDoubleProperty();
    private final IntegerProperty inactivityDays = new SimpleIntegerProperty();
    private final CustomerFilterModel filter = new CustomerFilterModel();
    private final Recomputer<ClvSpec, ClvResult> recomputer;
    private boolean applyingSettings;

    public ClvViewModel(
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            ObservableValue<BusinessSettings> settings) {
        recomputer = new Recomputer<>("Computing lifetime value", jobs, snapshots, ClvAnalysis.PARTS, ClvAnalysis::run);
        recomputer.snapshotProperty().addListener((obs, o, s) -> filter.offerChoices(s));
        apply(settings.getValue().customers());
        horizonMonths.addListener(x -> changed());
        discountPercent.addListener(x -> changed());
        inactivityDays.addListener(x -> changed());
        filter.onChange(this::refresh);
        dataChanged.addListener(x -> refresh());
        settings.addListener((obs, o, n) -> {
            apply(n.customers());
            refresh();
        });
    }

    private void apply(CustomerSettings c) {
        applyingSettings = true;
        try {
            horizonMonths.set(c.clvHorizonMonths());
            discountPercent.set(100 * c.annualDiscountRate());
            inactivityDays.set(c.inactivityDays());
        } finally {
            applyingSettings = false;
        }
    }

    private void changed() {
        if (!applyingSettings) {
            refresh();
        }
    }

    public IntegerProperty horizonMonthsProperty() {
        return horizonMonths;
    }

    /** The yearly discount rate in percent (10 = 10 %). */
    public DoubleProperty discountPercentProperty() {
        return discountPercent;
    }

    public IntegerProperty inactivityDaysProperty() {
        return inactivityDays;
    }

    public CustomerFilterModel filter() {
        return filter;
    }

    public ReadOnlyObjectProperty<ClvResult> resultProperty() {
        return recomputer.resultProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return recomputer.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return recomputer.messageProperty();
    }

    /** The spec the shown result was computed for (null before the first result). */
    public ClvSpec resultSpec() {
        return recomputer.resultSpec();
    }

    public ClvSpec spec() {
        return new ClvSpec(
                horizonMonths.get(),
                discountPercent.get() / 100,
                inactivityDays.get(),
                ClvSpec.DEFAULT_HOLDOUT_WEEKS,
                filter.filter(),
                filter.asOf());
    }

    public void refresh() {
        recomputer.request(spec());
    }
}
