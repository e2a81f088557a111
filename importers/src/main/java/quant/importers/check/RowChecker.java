package quant.importers.check;

import java.util.HashMap;
import java.util.Map;
import quant.core.importing.Problem;
import quant.core.store.StoredValues;
import quant.importers.mapping.MappingProfile;
import quant.importers.read.TableReader;

/**
 * Checks one row of a file against a bound mapping, with no database: the row's width, its key
 * (present, without control characters, not repeated unless the profile allows repeated lines of
 * one record), and each value against its column ({@link ValueReader}). What only the database
 * can tell (references, existing rows, conflicts, its own rules) is checked by the writer.
 */
public final class RowChecker {
    private final BoundMapping binding;
    private final MappingProfile profile;
    private final ValueReader values;
    private final boolean fixedWidth;
    private final int[] keyIndexes;
    private final SeenKeys seenKeys = new SeenKeys();
    private final Map<String, String> firstValues = new HashMap<>();

    /** @param fixedWidth whether every line of the file should have the header's width (CSV, not XLSX) */
    public RowChecker(BoundMapping binding, MappingProfile profile, ValueReader values, boolean fixedWidth) {
        this.binding = binding;
        this.profile = profile;
        this.values = values;
        this.fixedWidth = fixedWidth;
        this.keyIndexes = binding.keyIndexes();
    }

    /**
     * Whether a row is a report's decoration rather than data: its key is empty (a total line), or
     * it is a single field below a wider table (the printed-on line).
     */
    public boolean decoration(String[] cells) {
        if (fixedWidth && cells.length == 1 && binding.header().size() > 1) {
            return true;
        }
        for (int i : keyIndexes) {
            if (!cell(cells, i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The row with its key, typed values and problems. */
    public CheckedRow check(TableReader.Row row) {
        String[] cells = row.cells();
        int width = binding.header().size();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < keyIndexes.length; i++) {
            if (i > 0) {
                key.append('|');
            }
            key.append(cell(cells, keyIndexes[i]).strip());
        }
        CheckedRow p = new CheckedRow(
                row.number(), cells, key.toString(), binding.mapped().size());
        if (fixedWidth && cells.length != width) {
            boolean extra = cells.length > width;
            boolean extraHasData = false;
            for (int i = width; i < cells.length; i++) {
                extraHasData |= !cells[i].isBlank();
            }
            if (!extra || extraHasData) {
                p.problems.add(new Problem(
                        row.number(),
                        null,
                        null,
                        "has " + cells.length + " fields but the header has " + width
                                + (extra ? " (extra columns)" : " (the row is cut short)")));
                return p;
            }
        }
        for (int i = 0; i < p.key.length(); i++) {
            char ch = p.key.charAt(i);
            if (Character.isISOControl(ch)) {
                p.problems.add(new Problem(
                        row.number(),
                        binding.keyName(),
                        p.key,
                        "has the control character U+" + String.format("%04X", (int) ch) + " in its key"));
                return p;
            }
        }
        if (p.key.replace("|", "").isBlank()) {
            p.problems.add(
                    new Problem(row.number(), binding.keyName(), "", "has no key: the row cannot be identified"));
            return p;
        }
        long first = seenKeys.putIfAbsent(p.key, row.number());
        if (first >= 0 && profile.repeatedKeys() == MappingProfile.RepeatedKeys.REJECT) {
            p.problems.add(new Problem(row.number(), binding.keyName(), p.key, "repeats the key of row " + first));
            return p;
        }
        for (int j = 0; j < binding.mapped().size(); j++) {
            BoundMapping.Mapped m = binding.mapped().get(j);
            String raw = m.index() < 0 ? "" : cell(cells, m.index());
            String text = m.mapping().apply(raw).strip();
            if (text.isEmpty()) {
                if (m.column().required()) {
                    p.problems.add(new Problem(
                            row.number(),
                            binding.nameOf(j),
                            raw,
                            "is empty, but " + m.column().name() + " is required"));
                }
                continue;
            }
            if (m.column().references() != null) {
                p.refs[j] = text;
                continue;
            }
            ValueReader.Read r = values.read(text, m.column());
            if (r.problem() != null) {
                p.problems.add(new Problem(row.number(), binding.nameOf(j), raw, r.problem()));
            } else {
                p.values[j] = r.value();
            }
        }
        if (first >= 0) {
            return repeated(p, first);
        }
        if (profile.repeatedKeys() == MappingProfile.RepeatedKeys.SAME_VALUES && p.problems.isEmpty()) {
            firstValues.put(p.key, fingerprint(p));
        }
        return p;
    }

    /** A later line of a record already read: fine when it says the same, a problem when it differs. */
    private CheckedRow repeated(CheckedRow p, long first) {
        if (p.problems.isEmpty()) {
            String earlier = firstValues.get(p.key);
            if (earlier != null && earlier.equals(fingerprint(p))) {
                p.repeat = true;
            } else {
                p.problems.add(new Problem(
                        p.row, binding.keyName(), p.key, "repeats the key of row " + first + " with different values"));
            }
        }
        return p;
    }

    private String fingerprint(CheckedRow p) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < p.values.length; j++) {
            b.append(p.refs[j] != null ? p.refs[j] : StoredValues.toText(p.values[j]))
                    .append('\u0001');
        }
        return b.toString();
    }

    private static String cell(String[] cells, int i) {
        return i < cells.length ? cells[i] : "";
    }
}
