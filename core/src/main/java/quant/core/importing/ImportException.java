package quant.core.importing;

import java.io.Serial;
import java.util.List;

/**
 * An import that could not be done, with where and why: the first problems found (row, column,
 * value, reason) and how many there were in all. Nothing was written.
 */
public final class ImportException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What kind of failure, so callers can pick an exit code or a way out. */
    public enum Kind {
        /** The file cannot be read as a table (encoding, structure, size). */
        UNREADABLE,
        /** Rows break the mapping's rules (types, required values, references, duplicates). */
        INVALID_DATA,
        /** The settings or the mapping are incomplete or wrong (e.g. an ambiguous date order). */
        SETTINGS,
        /**
         * An API the rows come from refused or failed: an expired or revoked token, a missing scope, a
         * vendor error, no answer.
         */
        SOURCE
    }

    private final Kind kind;
    private final transient List<Problem> problems;
    private final long problemCount;
    private final long rowsRead;

    public ImportException(Kind kind, String message, List<Problem> problems, long problemCount, long rowsRead) {
        super(message);
        this.kind = kind;
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
        this.rowsRead = rowsRead;
    }

    public ImportException(Kind kind, String message) {
        this(kind, message, List.of(), 0, 0);
    }

    /** Rows read before the import stopped. */
    public long rowsRead() {
        return rowsRead;
    }

    public Kind kind() {
        return kind;
    }

    public List<Problem> problems() {
        return problems;
    }

    public long problemCount() {
        return problemCount;
    }
}
