package quant.core.kpi;

import java.time.LocalDate;

/**
 * One alert: a rule found a breach on a day of the data, and what became of it.
 *
 * @param id its row in {@code kpi_alert}; 0 before it is stored
 * @param rule {@code level} (a KPI reached its warning or critical level), {@code band} (an actual
 *     outside the 95 % band of a saved forecast) or {@code sudden} (a week far from the eight before)
 * @param kpi what it is about: a KPI id, {@code weekly_revenue}, {@code weekly_jobs} or {@code forecast N}
 * @param level {@code warning} or {@code critical}
 * @param period the period the breach is in: {@code 2025-05}, {@code week of 2025-08-04}
 * @param raisedAt the data's day the breach was found on (the period's last day), never the wall clock
 * @param value the value that breached
 * @param threshold the level or bound it went past
 * @param message the breach in one sentence
 * @param view the id of the analysis whose view explains it
 * @param state {@code raised}, {@code acknowledged} or {@code resolved}
 * @param resolvedOn the data's day the rule found it back within its levels, null while open
 * @param note the note given when it was acknowledged, null before
 */
public record Alert(
        long id,
        String rule,
        String kpi,
        String level,
        String period,
        LocalDate raisedAt,
        Double value,
        Double threshold,
        String message,
        String view,
        String state,
        LocalDate resolvedOn,
        String note) {
    /** Whether it still asks for attention: raised or acknowledged, not resolved. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isOpen() {
        return !"resolved".equals(state);
    }

    /** The same alert with another id, state, resolution day and note. */
    public Alert with(long newId, String newState, LocalDate newResolvedOn, String newNote) {
        return new Alert(
                newId,
                rule,
                kpi,
                level,
                period,
                raisedAt,
                value,
                threshold,
                message,
                view,
                newState,
                newResolvedOn,
                newNote);
    }
}
