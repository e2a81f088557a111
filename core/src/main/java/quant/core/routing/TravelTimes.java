package quant.core.routing;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import quant.core.importing.ImportException;
import quant.core.store.Store;
import quant.core.store.repo.TravelTimeRows;

/**
 * An imported travel-time matrix (table {@code travel_time}, migration V9): driving minutes, and road km
 * when known, between places named by reference — a technician's reference for their home base, a
 * customer's for their site. The file is a CSV with the header {@code from,to,minutes} and optionally
 * {@code km}; one row per ordered pair. Importing checks every row first (numbers, known references,
 * no pair twice) and then replaces the whole matrix in one transaction, so a bad file changes nothing.
 */
public final class TravelTimes {

    private TravelTimes() {}

    /**
     * One leg of the matrix.
     *
     * @param km road km, or NaN when the file gives none (the coordinate rule's km is used for cost)
     */
    public record Leg(String from, String to, double minutes, double km) {}

    /** The legs of a file, checked, keyed by "from→to". */
    public static Map<String, Leg> read(Path file) throws IOException {
        return quant.core.io.CsvFiles.read(file, () -> readChecked(file));
    }

    private static Map<String, Leg> readChecked(Path file) throws IOException {
        Map<String, Leg> legs = new LinkedHashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        String name = file.getFileName().toString();
        try (CsvReader<CsvRecord> csv =
                CsvReader.builder().ofCsvRecord(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            int from = -1;
            int to = -1;
            int minutes = -1;
            int km = -1;
            boolean header = true;
            for (CsvRecord r : csv) {
                long line = r.getStartingLineNumber();
                if (header) {
                    for (int i = 0; i < r.getFieldCount(); i++) {
                        switch (r.getField(i).strip().toLowerCase(Locale.ROOT)) {
                            case "from" -> from = i;
                            case "to" -> to = i;
                            case "minutes" -> minutes = i;
                            case "km" -> km = i;
                            default -> {}
                        }
                    }
                    if (from < 0 || to < 0 || minutes < 0) {
                        throw new ImportException(
                                ImportException.Kind.UNREADABLE,
                                name + " needs the columns from, to and minutes (and km if known) in its first line.");
                    }
                    header = false;
                    continue;
                }
                if (r.getFieldCount() == 1 && r.getField(0).isBlank()) {
                    continue;
                }
                String a = field(r, from);
                String b = field(r, to);
                if (a.isEmpty() || b.isEmpty()) {
                    throw bad(name, line, "from and to must both name a place.");
                }
                double m = number(name, line, "minutes", field(r, minutes), false);
                double k = km < 0 ? Double.NaN : number(name, line, "km", field(r, km), true);
                String key = a + "→" + b;
                Long first = lineOf.putIfAbsent(key, line);
                if (first != null) {
                    throw bad(name, line, "the trip " + a + " to " + b + " is already given on line " + first + ".");
                }
                legs.put(key, new Leg(a, b, m, k));
            }
            if (header) {
                throw new ImportException(ImportException.Kind.UNREADABLE, name + " is empty.");
            }
        }
        if (legs.isEmpty()) {
            throw new ImportException(ImportException.Kind.INVALID_DATA, name + " has a header but no trips.");
        }
        return legs;
    }

    private static String field(CsvRecord r, int i) {
        return i < r.getFieldCount() ? r.getField(i).strip() : "";
    }

    private static double number(String file, long line, String column, String text, boolean optional) {
        if (text.isEmpty() && optional) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(text);
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw bad(file, line, column + " must be a number of 0 or more; not \"" + text + "\".");
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(file, line, column + " must be a number of 0 or more; not \"" + text + "\".");
        }
    }

    private static ImportException bad(String file, long line, String what) {
        return new ImportException(ImportException.Kind.INVALID_DATA, file + ", line " + line + ": " + what);
    }

    /**
     * Replaces the stored matrix with {@code legs}, after checking that every reference names a
     * technician or a customer of the store; returns how many legs were stored.
     */
    public static int replace(Store store, Collection<Leg> legs) {
        List<TravelTimeRows.Row> rows = legs.stream()
                .map(l -> new TravelTimeRows.Row(l.from(), l.to(), l.minutes(), Double.isNaN(l.km()) ? null : l.km()))
                .toList();
        return TravelTimeRows.replace(store, rows, known -> {
            for (Leg l : legs) {
                for (String ref : List.of(l.from(), l.to())) {
                    if (!known.contains(ref)) {
                        throw new ImportException(
                                ImportException.Kind.INVALID_DATA,
                                "\"" + ref + "\" in the trip " + l.from() + " to " + l.to()
                                        + " is neither a technician's nor a customer's reference in this database.");
                    }
                }
            }
        });
    }

    /** Removes the stored matrix; returns how many legs there were. */
    public static int clear(Store store) {
        return TravelTimeRows.clear(store);
    }

    /** How many legs are stored. */
    public static int count(Store store) {
        return TravelTimeRows.count(store);
    }
}
