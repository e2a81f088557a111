package quant.core.store;

import java.util.Arrays;

/** How an import run ended, as stored in {@code import_run.outcome}. */
public enum RunOutcome {
    /** Still writing, or the program stopped before the run ended (then recovery makes it {@link #INTERRUPTED}). */
    RUNNING("running"),
    /** Every row was written. */
    IMPORTED("imported"),
    /** The valid rows were written, the others rejected (skip mode). */
    IMPORTED_WITH_REJECTS("imported-with-rejects"),
    /** Every row was already there with the same values. */
    UNCHANGED("unchanged"),
    /** Checked only, nothing written (never stored). */
    DRY_RUN("dry-run"),
    /** Rows had problems and nothing was written (abort mode). */
    ABORTED("aborted"),
    /** The user cancelled; nothing was written. */
    CANCELLED("cancelled"),
    /** The file or the database failed; nothing was written. */
    FAILED("failed"),
    /** The program stopped during the run; its rows were removed when the database was next opened. */
    INTERRUPTED("interrupted");

    private final String code;

    RunOutcome(String code) {
        this.code = code;
    }

    /** The stored and printed code, e.g. {@code imported-with-rejects}; JSON writes it too. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    /** Whether the run wrote rows that an undo can take back. */
    public boolean wroteRows() {
        return this == IMPORTED || this == IMPORTED_WITH_REJECTS || this == UNCHANGED;
    }

    /** The outcome for a stored code; unknown codes (from a newer version) read as {@link #FAILED}. */
    public static RunOutcome of(String code) {
        return Arrays.stream(values())
                .filter(o -> o.code.equals(code))
                .findFirst()
                .orElse(FAILED);
    }

    @Override
    public String toString() {
        return code;
    }
}
