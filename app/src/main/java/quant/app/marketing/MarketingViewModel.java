package quant.app.marketing;

import java.time.LocalDate;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import quant.app.analysis.Recomputer;
import quant.app.job.JobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.marketing.MarketingAnalysis;
import quant.core.marketing.MarketingResult;
import quant.core.marketing.MarketingSpec;
import quant.core.settings.BusinessSettings;

/**
 * The marketing view's state: which lifetime value to set against acquisition cost, the as-of date
 * (empty: the last activity in the data) and the result. The lifetime-value model's horizon,
 * discount rate and inactivity window follow the business settings.
 */
public final class MarketingViewModel {
    private final ObjectProperty<MarketingSpec.Ltv> ltv = new SimpleObjectProperty<>(MarketingSpec.Ltv.CLV);
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObservableValue<BusinessSettings> settings;
    private final Recomputer<MarketingSpec, MarketingResult> recomputer;

    public MarketingViewModel(
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            ObservableValue<BusinessSettings> settings) {
        this.settings = settings;
        recomputer = new Recomputer<>(
                "Measuring marketing", jobs, snapshots, MarketingAnalysis.PARTS, MarketingAnalysis::run);
        ltv.addListener(x -> refresh());
        asOf.addListener(x -> refresh());
        dataChanged.addListener(x -> refresh());
        settings.addListener(x -> refresh());
    }

    public ObjectProperty<MarketingSpec.Ltv> ltvProperty() {
        return ltv;
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public ReadOnlyObjectProperty<MarketingResult> resultProperty() {
        return recomputer.resultProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return recomputer.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return recomputer.messageProperty();
    }

    public MarketingSpec spec() {
        return new MarketingSpec(
                Optional.ofNullable(asOf.get()), ltv.get(), settings.getValue().customers());
    }

    public void refresh() {
        recomputer.request(spec());
    }
}
