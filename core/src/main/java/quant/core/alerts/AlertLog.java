package quant.core.alerts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import quant.core.analysis.InvalidSpecException;
import quant.core.kpi.Alert;
import quant.core.store.Store;
import quant.core.store.Transaction;
import quant.core.store.repo.AlertRows;

/**
 * The alerts kept in the database ({@code kpi_alert}): the rules' alerts are merged in — new ones
 * inserted, ones the rules found resolved marked so — in one transaction; acknowledgements and notes
 * are the user's and are never overwritten. An alert is known by its rule, subject, level and day.
 */
public final class AlertLog {
    private AlertLog() {}

    /** What a merge did: every stored alert afterwards, and the open ones it added. */
    public record Merge(List<Alert> alerts, List<Alert> raised) {}

    /** Every stored alert, newest first. */
    public static List<Alert> list(Store store) {
        return AlertRows.all(store).stream().map(AlertLog::alert).toList();
    }

    /**
     * Merges the rules' alerts into the store. On a database open read-only nothing is written: the
     * stored alerts are returned with the rules' new ones beside them, unstored (id 0).
     */
    public static Merge merge(Store store, List<Alert> computed) {
        if (store.readOnlyReason() != null) {
            List<Alert> stored = list(store);
            Map<String, Alert> byKey = new HashMap<>();
            stored.forEach(a -> byKey.put(key(a), a));
            List<Alert> all = new ArrayList<>(stored);
            List<Alert> raised = new ArrayList<>();
            for (Alert a : computed) {
                if (!byKey.containsKey(key(a))) {
                    all.add(a);
                    if (a.isOpen()) {
                        raised.add(a);
                    }
                }
            }
            all.sort(NEWEST_FIRST);
            return new Merge(all, raised);
        }
        return store.transact(c -> {
            Map<String, Alert> byKey = new HashMap<>();
            read(c).forEach(a -> byKey.put(key(a), a));
            List<Alert> raised = new ArrayList<>();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (Alert a : computed) {
                Alert stored = byKey.get(key(a));
                if (stored == null) {
                    AlertRows.insert(c, row(a), now);
                    if (a.isOpen()) {
                        raised.add(a);
                    }
                } else if (!a.isOpen() && stored.isOpen()) {
                    AlertRows.resolve(c, stored.id(), a.resolvedOn());
                }
            }
            List<Alert> all = read(c);
            Map<String, Alert> fresh = new HashMap<>();
            all.forEach(a -> fresh.put(key(a), a));
            return new Merge(all, raised.stream().map(a -> fresh.get(key(a))).toList());
        });
    }

    /**
     * Acknowledges an open alert with a note.
     *
     * @throws InvalidSpecException when there is no such alert, it is resolved, or the note is empty or too long
     */
    public static Alert acknowledge(Store store, long id, String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new InvalidSpecException("Say in a note what is being done about the alert.");
        }
        if (text.length() > 1000) {
            throw new InvalidSpecException(
                    "A note on an alert has at most 1,000 characters, not " + text.length() + ".");
        }
        return store.transact(c -> {
            Alert a = read(c).stream()
                    .filter(x -> x.id() == id)
                    .findFirst()
                    .orElseThrow(() -> new InvalidSpecException("There is no alert " + id + "."));
            if (!a.isOpen()) {
                throw new InvalidSpecException(
                        "Alert " + id + " was resolved on " + a.resolvedOn() + "; there is nothing to acknowledge.");
            }
            AlertRows.acknowledge(c, id, text, OffsetDateTime.now(ZoneOffset.UTC));
            return a.with(id, "acknowledged", null, text);
        });
    }

    static final java.util.Comparator<Alert> NEWEST_FIRST = java.util.Comparator.comparing(Alert::raisedAt)
            .reversed()
            .thenComparing(Alert::id, java.util.Comparator.reverseOrder());

    static String key(Alert a) {
        return a.rule() + "\u0000" + a.kpi() + "\u0000" + a.level() + "\u0000" + a.raisedAt();
    }

    private static List<Alert> read(Transaction c) {
        return AlertRows.all(c).stream().map(AlertLog::alert).toList();
    }

    private static Alert alert(AlertRows.Row r) {
        return new Alert(
                r.id(),
                r.rule(),
                r.subject(),
                r.level(),
                r.period(),
                r.observedOn(),
                r.value(),
                r.threshold(),
                r.message(),
                r.view(),
                r.state(),
                r.resolvedOn(),
                r.note());
    }

    private static AlertRows.Row row(Alert a) {
        return new AlertRows.Row(
                0,
                a.rule(),
                a.kpi(),
                a.level(),
                a.period(),
                a.raisedAt(),
                a.value(),
                a.threshold(),
                a.message(),
                a.view(),
                a.isOpen() ? "raised" : "resolved",
                a.resolvedOn(),
                null);
    }

    /** The open alerts among {@code alerts}. */
    public static List<Alert> open(List<Alert> alerts) {
        return alerts.stream().filter(Alert::isOpen).toList();
    }
}
