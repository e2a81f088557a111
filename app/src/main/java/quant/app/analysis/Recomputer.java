package quant.app.analysis;

import java.util.List;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import quant.app.errors.Failures;
import quant.app.job.JobRunner;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotCache;
import quant.core.job.JobMonitor;

/**
 * Runs one analysis for a view model: each request takes the store's current snapshot (loading it
 * when the data changed) and runs the analysis on the job runner, unless the same spec was already
 * computed on the same snapshot (a data-change signal that changed nothing the snapshot holds); the last result stays shown until
 * the new one is ready, and a result that arrives after a newer request is dropped (generation
 * counter), so quick changes of a filter never show an older answer last. A superseded analysis
 * stops at its next cancellation check instead of running to the end (the snapshot load it may be
 * sharing with other views goes on). A pure analysis's answers are shared with the other view models on
 * the same database ({@link ResultMemo}), so a view opened again shows its result without computing it.
 *
 * @param <S> the spec
 * @param <R> the result
 */
public final class Recomputer<S, R> {
    /** The pure analysis: snapshot and spec in, result out. */
    @FunctionalInterface
    public interface Analysis<S, R> {
        R run(Snapshot snapshot, S spec, JobMonitor monitor);
    }

    private final String title;
    private final JobRunner jobs;
    private final SnapshotCache snapshots;
    private final List<Part<?>> parts;
    private final Analysis<S, R> analysis;
    private final ReadOnlyObjectWrapper<R> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private volatile long generation;
    private S resultSpec;
    // what the last computation was made of, read on the job's thread to skip an identical one
    private volatile Snapshot lastSnapshot;
    private volatile S lastSpec;
    private volatile R lastResult;

    /**
     * @param parts the parts of the data the analysis reads: the snapshot it is given holds these
     *     (and the parts they need), loaded once per data version
     */
    public Recomputer(
            String title, JobRunner jobs, SnapshotCache snapshots, List<Part<?>> parts, Analysis<S, R> analysis) {
        this.title = title;
        this.parts = List.copyOf(parts);
        this.jobs = jobs;
        this.snapshots = snapshots;
        this.analysis = analysis;
    }

    /** The newest result, or null before the first one (or after a failure with nothing to keep). */
    public ReadOnlyObjectProperty<R> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The spec the newest result was computed for (null before the first). */
    public S resultSpec() {
        return resultSpec;
    }

    /** The snapshot the newest result was computed on. */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Why the last request gave no result (one sentence), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private record Outcome<R>(Snapshot snapshot, R result) {}

    /** Computes the analysis for {@code spec}; superseded requests' results are dropped. */
    public void request(S spec) {
        long mine = ++generation;
        running.set(true);
        jobs.<Outcome<R>>submit(
                title,
                monitor -> {
                    Snapshot s = snapshots.get(parts, monitor);
                    JobMonitor untilSuperseded = new JobMonitor() {
                        @Override
                        public void progress(long done, long total, String stage) {
                            monitor.progress(done, total, stage);
                        }

                        @Override
                        public boolean isCancelled() {
                            return mine != generation || monitor.isCancelled();
                        }
                    };
                    untilSuperseded.checkCancelled();
                    if (s.sameData(lastSnapshot) && java.util.Objects.equals(spec, lastSpec) && lastResult != null) {
                        // the same question of the same data: the answer stands
                        return new Outcome<>(s, lastResult);
                    }
                    ResultMemo memo = ResultMemo.pure(analysis) ? ResultMemo.of(snapshots) : null;
                    @SuppressWarnings("unchecked")
                    R known = memo == null ? null : (R) memo.find(analysis, spec, s);
                    R computed = known != null ? known : analysis.run(s, spec, untilSuperseded);
                    if (memo != null && known == null) {
                        memo.keep(analysis, spec, s, computed);
                    }
                    lastSnapshot = s;
                    lastSpec = spec;
                    lastResult = computed;
                    return new Outcome<>(s, computed);
                },
                outcome -> {
                    if (mine != generation) {
                        return;
                    }
                    running.set(false);
                    message.set("");
                    snapshot.set(outcome.snapshot());
                    resultSpec = spec;
                    result.set(outcome.result());
                },
                error -> {
                    if (mine != generation) {
                        return;
                    }
                    running.set(false);
                    message.set(
                            error instanceof CancellationException
                                    ? "Cancelled: the figures shown are from the last complete run."
                                    : Failures.sentence(error));
                });
    }
}
