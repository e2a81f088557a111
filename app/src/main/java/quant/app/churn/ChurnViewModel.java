package quant.app.churn;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import quant.app.analysis.CustomerFilterModel;
import quant.app.analysis.Recomputer;
import quant.app.job.JobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.churn.ChurnRiskAnalysis;
import quant.core.churn.ChurnRiskResult;
import quant.core.churn.ChurnRiskSpec;
import quant.core.settings.BusinessSettings;

/**
 * The churn-risk view's state: the inactivity window, the customer filter, and the result. The
 * window and the risk levels start at the business settings and follow them when they are saved.
 */
public final class ChurnViewModel {
    private final IntegerProperty inactivityDays = new SimpleIntegerProperty();
    private final CustomerFilterModel filter = new CustomerFilterModel();
    private final Recomputer<ChurnRiskSpec, ChurnRiskResult> recomputer;
    private ChurnRiskSpec defaults;
    private boolean applyingSettings;

    public ChurnViewModel(
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            ObservableValue<BusinessSettings> settings) {
        recomputer = new Recomputer<>(
                "Scoring churn risk", jobs, snapshots, ChurnRiskAnalysis.PARTS, ChurnRiskAnalysis::run);
        recomputer.snapshotProperty().addListener((obs, o, s) -> filter.offerChoices(s));
        apply(settings.getValue());
        inactivityDays.addListener(x -> {
            if (!applyingSettings) {
                refresh();
            }
        });
        filter.onChange(this::refresh);
        dataChanged.addListener(x -> refresh());
        settings.addListener((obs, o, n) -> {
            apply(n);
            refresh();
        });
    }

    private void apply(BusinessSettings settings) {
        defaults = ChurnRiskSpec.of(settings.customers());
        applyingSettings = true;
        try {
            inactivityDays.set(defaults.inactivityDays());
        } finally {
            applyingSettings = false;
        }
    }

    public IntegerProperty inactivityDaysProperty() {
        return inactivityDays;
    }

    public CustomerFilterModel filter() {
        return filter;
    }

    public ReadOnlyObjectProperty<ChurnRiskResult> resultProperty() {
        return recomputer.resultProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return recomputer.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return recomputer.messageProperty();
    }

    /** The spec the shown result was computed for (null before the first result). */
    public ChurnRiskSpec resultSpec() {
        return recomputer.resultSpec();
    }

    public ChurnRiskSpec spec() {
        return defaults.withInactivityDays(inactivityDays.get())
                .withFilter(filter.filter())
                .withAsOf(filter.asOf());
    }

    public void refresh() {
        recomputer.request(spec());
    }
}
