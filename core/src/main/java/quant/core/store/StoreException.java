package quant.core.store;

import java.io.Serial;

/**
 * A problem with the database file or a write to it, with one plain sentence for the user.
 *
 * <p>The {@link Kind} tells the workbench which way out to offer: a locked file can be opened as a
 * read-only copy, a damaged one can be replaced by a new file, a newer one needs a newer version of
 * the app.
 */
public final class StoreException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What went wrong, so that callers can offer the right way out. */
    public enum Kind {
        /** Another program (usually another Quant Workbench window) has the file open. */
        LOCKED,
        /** The file was written by a newer version of Quant Workbench. */
        NEWER_VERSION,
        /** The file is not an H2 database or it is damaged. */
        DAMAGED,
        /** An H2 database of another program (other tables, or a migration history that was edited). */
        FOREIGN,
        /** No database file is there (for commands that only read). */
        MISSING,
        /** The database file or its folder cannot be written. */
        READ_ONLY,
        /** What was asked for does not exist (an unknown import run): a usage error. */
        NOT_FOUND,
        /** The request cannot be done on this data (a non-empty database for the sample): a usage error. */
        REFUSED,
        /** The data refused a change (constraint, conflict, a later run changed the same rows). */
        REJECTED,
        /** An encrypted database without its passphrase, or with a wrong one: a usage error. */
        ENCRYPTED,
        /**
         * The server refused the user: no password or a wrong one, or a role without the right to do
         * it: a usage error.
         */
        DENIED,
        /** Any other input/output problem (a server that cannot be reached among them). */
        IO
    }

    private final Kind kind;

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
