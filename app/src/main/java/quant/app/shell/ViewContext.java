package quant.app.shell;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import quant.app.forecast.SavedForecasts;
import quant.app.job.JobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.settings.BusinessSettings;
import quant.core.store.DomainTable;
import quant.core.store.Store;

/**
 * What a view gets when it is made: the open store and its snapshot cache, the job runner, the row
 * counts (which change after every import and undo, so views recompute on them), a way to open
 * another view, an executor for paging reads, and the business settings (the defaults of the
 * analyses' specs, which change when the user saves new ones), and the store's saved forecasts.
 *
 * @param onDataChanged call after a view changed the data (an undo), so counts and other views follow
 */
public record ViewContext(
        Store store,
        SnapshotCache snapshots,
        JobRunner jobs,
        ReadOnlyObjectProperty<Map<DomainTable, Long>> counts,
        Consumer<String> openView,
        Runnable onDataChanged,
        Executor pages,
        ReadOnlyObjectProperty<BusinessSettings> settings,
        SavedForecasts savedForecasts,
        quant.app.reports.Secrets secrets) {}
