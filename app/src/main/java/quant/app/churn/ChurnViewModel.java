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

/** The churn-risk view's state: the inactivity window, the customer filter, and the result. */
public final class ChurnViewModel {
    private final IntegerProperty inactivityDays = new SimpleIntegerProperty(ChurnRiskSpec.DEFAULT.inactivityDays());
    private final CustomerFilterModel filter = new CustomerFilterModel();
    private final Recomputer<ChurnRiskSpec, ChurnRiskResult> recomputer;

    public ChurnViewModel(JobRunner jobs, SnapshotCache snapshots, ObservableValue<?> dataChanged) {
        recomputer = new Recomputer<>("Scoring churn risk", jobs, snapshots, ChurnRiskAnalysis::run);
        recomputer.snapshotProperty().addListener((obs, o, s) -> filter.offerChoices(s));
        inactivityDays.addListener(x -> refresh());
        filter.onChange(this::refresh);
        dataChanged.addListener(x -> refresh());
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

    public ChurnRiskSpec spec() {
        return new ChurnRiskSpec(inactivityDays.get(), filter.filter(), filter.asOf());
    }

    public void refresh() {
        recomputer.request(spec());
    }
}
