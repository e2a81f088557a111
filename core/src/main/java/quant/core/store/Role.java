package quant.core.store;

import java.util.Locale;

/**
 * What a user may do with the data. On a server each user is a PostgreSQL role that is a member of
 * one of the workbench's group roles ({@code quant_viewer}, {@code quant_analyst}, {@code quant_admin},
 * made by {@code quant db roles --init}), and the server enforces it with its grants; the window and
 * the command line ask the role only to hide or refuse, in a sentence, what it cannot do. The user of
 * an H2 file owns it and may do everything.
 */
public enum Role {
    /** Reads: analyses, the dashboard, exports and report packs. */
    VIEWER("quant_viewer"),
    /** Also changes the data and the shared work: imports, undo, settings, saved forecasts and plans, schedules. */
    ANALYST("quant_analyst"),
    /** Also brings the tables up to date and grants roles. */
    ADMIN("quant_admin");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    /** The PostgreSQL group role whose members have this role. */
    public String group() {
        return group;
    }

    /** The role's name as the user reads it: viewer, analyst, admin. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role may do what {@code needed} may. */
    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    /**
     * Refuses, in one sentence, what this role may not do.
     *
     * @param what what was asked, as the end of "cannot …" (e.g. "import data")
     * @throws StoreException (refused) when the role is below {@code needed}
     */
    public void require(Role needed, String what, String where) {
        if (!allows(needed)) {
            throw new StoreException(
                    StoreException.Kind.REFUSED,
                    "Your role on " + where + " is " + word() + ", which cannot " + what + "; an admin can make you "
                            + (needed == ADMIN ? "an admin" : "an " + needed.word()) + ".");
        }
    }
}
