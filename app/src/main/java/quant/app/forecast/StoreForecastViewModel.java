package quant.app.forecast;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import quant.app.analysis.Recomputer;
import quant.app.job.JobRunner;
import quant.core.analysis.Part;
import quant.core.analysis.SnapshotCache;
import quant.core.forecast.Method;
import quant.core.forecast.business.CashFlowAnalysis;
import quant.core.forecast.business.CashFlowResult;
import quant.core.forecast.business.CashFlowSpec;
import quant.core.forecast.business.DemandAnalysis;
import quant.core.forecast.business.DemandResult;
import quant.core.forecast.business.OutlookSpec;
import quant.core.forecast.business.RevenueAnalysis;
import quant.core.forecast.business.RevenueResult;
import quant.core.settings.BusinessSettings;

/**
 * The state of a store forecast view (demand, revenue, cash flow): the method and the horizon as
 * properties, and the result. A change of either, of the data or of the business settings
 * recomputes on the job runner.
 *
 * @param <S> the analysis's spec
 * @param <R> its result
 */
public final class StoreForecastViewModel<S, R> {
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.AUTO);
    private final ObjectProperty<Integer> horizonDays;
    private final BiFunction<Method, Integer, S> spec;
    private final Recomputer<S, R> recomputer;

    /**
     * @param spec the spec of a method and a horizon (read when a computation starts, so it may use
     *     the settings of that moment)
     * @param settingsChanged fires when the business settings are saved, or null when the analysis
     *     does not read them
     */
    public StoreForecastViewModel(
            String title,
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            ObservableValue<?> settingsChanged,
            int defaultDays,
            BiFunction<Method, Integer, S> spec,
            List<Part<?>> parts,
            Recomputer.Analysis<S, R> analysis) {
        this.horizonDays = new SimpleObjectProperty<>(defaultDays);
        this.spec = spec;
        recomputer = new Recomputer<>(title, jobs, snapshots, parts, analysis);
        method.addListener(x -> refresh());
        horizonDays.addListener(x -> refresh());
        dataChanged.addListener(x -> refresh());
        if (settingsChanged != null) {
            settingsChanged.addListener(x -> refresh());
        }
    }

    /** Demand and capacity from the data's last activity date. */
    public static StoreForecastViewModel<OutlookSpec, DemandResult> demand(
            JobRunner jobs, SnapshotCache snapshots, ObservableValue<?> dataChanged) {
        return new StoreForecastViewModel<>(
                "Forecasting demand",
                jobs,
                snapshots,
                dataChanged,
                null,
                DemandAnalysis.DEFAULT_DAYS,
                (method, days) -> new OutlookSpec(Optional.empty(), days, method),
                DemandAnalysis.PARTS,
                DemandAnalysis::run);
    }

    /** Revenue from the data's last activity date. */
    public static StoreForecastViewModel<OutlookSpec, RevenueResult> revenue(
            JobRunner jobs, SnapshotCache snapshots, ObservableValue<?> dataChanged) {
        return new StoreForecastViewModel<>(
                "Forecasting revenue",
                jobs,
                snapshots,
                dataChanged,
                null,
                RevenueAnalysis.DEFAULT_DAYS,
                (method, days) -> new OutlookSpec(Optional.empty(), days, method),
                RevenueAnalysis.PARTS,
                RevenueAnalysis::run);
    }

    /** Cash flow from the data's last activity date, from the opening cash of the settings of the moment. */
    public static StoreForecastViewModel<CashFlowSpec, CashFlowResult> cashFlow(
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            ObservableValue<BusinessSettings> settings) {
        return new StoreForecastViewModel<>(
                "Forecasting cash flow",
                jobs,
                snapshots,
                dataChanged,
                settings,
                CashFlowSpec.DEFAULT_DAYS,
                (method, days) -> new CashFlowSpec(
                        new OutlookSpec(Optional.empty(), days, method),
                        settings.getValue().openingCash()),
                CashFlowAnalysis.PARTS,
                CashFlowAnalysis::run);
    }

    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    public ObjectProperty<Integer> horizonDaysProperty() {
        return horizonDays;
    }

    public ReadOnlyObjectProperty<R> resultProperty() {
        return recomputer.resultProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return recomputer.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return recomputer.messageProperty();
    }

    /** The spec the shown result was computed for (null before the first result). */
    public S resultSpec() {
        return recomputer.resultSpec();
    }

    /** The spec the properties describe now. */
    public S spec() {
        return spec.apply(method.get(), horizonDays.get());
    }

    public void refresh() {
        recomputer.request(spec());
    }
}
