package quant.app.pricing;

import java.time.LocalDate;
import java.util.List;
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
import quant.core.pricing.PricingAnalysis;
import quant.core.pricing.PricingResult;
import quant.core.pricing.QuoteCalculator;
import quant.core.pricing.QuoteResult;
import quant.core.pricing.QuoteSpec;
import quant.core.settings.BusinessSettings;
import quant.core.settings.PricingRules;

/**
 * The pricing view's state: the as-of date (empty: the last activity in the data) and the price
 * sensitivity by line; the quote asked for and its result. The stage order, the quote factors and the
 * overhead rule follow the business settings.
 */
public final class PricingViewModel {
    /** What the price sensitivity is computed from. */
    public record Spec(Optional<LocalDate> asOf, List<String> stageOrder) {}

    /** What a quote is computed from. */
    public record QuoteRequest(QuoteSpec quote, PricingRules rules, String overheadBy, List<String> stageOrder) {}

    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObservableValue<BusinessSettings> settings;
    private final Recomputer<Spec, PricingResult> pricing;
    private final Recomputer<QuoteRequest, QuoteResult> quotes;

    public PricingViewModel(
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            ObservableValue<BusinessSettings> settings) {
        this.settings = settings;
        pricing = new Recomputer<>(
                "Measuring price sensitivity",
                jobs,
                snapshots,
                PricingAnalysis.PARTS,
                (s, spec, m) -> PricingAnalysis.run(s, spec.asOf(), spec.stageOrder(), m));
        quotes = new Recomputer<>(
                "Working out a quote",
                jobs,
                snapshots,
                QuoteCalculator.PARTS,
                (s, r, m) -> QuoteCalculator.quote(s, r.quote(), r.rules(), r.overheadBy(), r.stageOrder(), m));
        asOf.addListener(x -> refresh());
        dataChanged.addListener(x -> refresh());
        settings.addListener(x -> refresh());
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public ReadOnlyObjectProperty<PricingResult> resultProperty() {
        return pricing.resultProperty();
    }

    public ReadOnlyObjectProperty<QuoteResult> quoteProperty() {
        return quotes.resultProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return pricing.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return pricing.messageProperty();
    }

    /** What went wrong with the last quote, in a sentence; empty when nothing did. */
    public ReadOnlyStringProperty quoteMessageProperty() {
        return quotes.messageProperty();
    }

    public ReadOnlyBooleanProperty quotingProperty() {
        return quotes.runningProperty();
    }

    public void refresh() {
        BusinessSettings b = settings.getValue();
        pricing.request(new Spec(Optional.ofNullable(asOf.get()), b.stageOrder()));
    }

    /** Works out a quote (on a job); the result arrives in {@link #quoteProperty()}. */
    public void quote(String line, double hours, String priority, String segment, double materials, LocalDate date) {
        BusinessSettings b = settings.getValue();
        quotes.request(new QuoteRequest(
                new QuoteSpec(
                        line,
                        hours,
                        priority,
                        Optional.ofNullable(segment),
                        materials,
                        Optional.ofNullable(date),
                        Optional.ofNullable(asOf.get())),
                b.pricingRules(),
                b.overheadBy(),
                b.stageOrder()));
    }
}
