package quant.core.kpi;

import java.util.List;
import quant.core.analysis.AsOf;

/**
 * The alert centre after a check.
 *
 * @param asOf the data's day the rules ran at
 * @param all whether resolved alerts are shown too
 * @param raised how many alerts this check raised
 * @param alerts the alerts shown, newest first
 * @param notes what the check could not do (a read-only database keeps nothing)
 * @param definitions the rules
 */
public record AlertsResult(
        AsOf asOf, boolean all, int raised, List<Alert> alerts, List<String> notes, List<String> definitions) {
    public AlertsResult {
        alerts = List.copyOf(alerts);
        notes = List.copyOf(notes);
        definitions = List.copyOf(definitions);
    }
}
