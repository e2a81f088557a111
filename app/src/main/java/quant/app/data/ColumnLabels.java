package quant.app.data;

import java.util.Locale;
import java.util.Map;
import quant.core.store.TableColumn;

/** Column headers for people: {@code acquired_on} reads "Acquired on", {@code customer_id} reads "Customer". */
final class ColumnLabels {
    private static final Map<String, String> SPECIAL = Map.of(
            "id", "#",
            "external_ref", "Reference",
            "lat", "Latitude",
            "lon", "Longitude",
            "callback_of_job_id", "Callback of job",
            "undo_pending", "Undo pending");

    private ColumnLabels() {}

    static String of(TableColumn column) {
        String name = column.name();
        String special = SPECIAL.get(name);
        if (special != null) {
            return special;
        }
        String words = name;
        if (column.references() != null && words.endsWith("_id")) {
            words = words.substring(0, words.length() - 3);
        }
        words = words.replace('_', ' ');
        return words.isEmpty() ? name : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
