package quant.core.job;

import java.util.concurrent.CancellationException;

/**
 * How long-running work reports progress and learns that it should stop.
 *
 * <p>Core code never depends on a UI toolkit: the workbench adapts this interface to its job runner,
 * tests pass {@link #NONE} or a recording implementation. Loops call {@link #progress} between
 * chunks and {@link #checkCancelled()} at the same places; a cancelled write rolls back.
 */
public interface JobMonitor {
    /** A monitor that ignores progress and is never cancelled. */
    JobMonitor NONE = new JobMonitor() {};

    /**
     * Reports that {@code done} of {@code total} units are finished in the named stage.
     *
     * @param total the units in this stage, or {@code -1} when unknown
     */
    default void progress(long done, long total, String stage) {}

    /** Whether the user asked to stop. */
    default boolean isCancelled() {
        return false;
    }

    /** Throws {@link CancellationException} when the user asked to stop. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("Cancelled by the user.");
        }
    }
}
