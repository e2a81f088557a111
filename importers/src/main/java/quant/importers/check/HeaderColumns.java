package quant.importers.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quant.core.importing.ImportException;
import quant.importers.mapping.ColumnMapping;

/**
 * Finds a mapped column in a file's header. A header that names the same column twice is
 * ambiguous: the mapping must say which one it means ({@code "Amount [2]"} is the second column
 * named Amount), else the import is refused naming both — never the first taken silently.
 */
public final class HeaderColumns {
    private static final Pattern NTH = Pattern.compile("(.+?)\\s*\\[(\\d+)]");

    private HeaderColumns() {}

    /** The index of the first of {@code names} the header has, or -1; refuses an ambiguous name. */
    public static int indexOf(List<String> header, List<String> names) {
        for (String name : names) {
            int i = indexOf(header, name);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    public static int indexOf(List<String> header, String name) {
        List<Integer> found = matches(header, name);
        if (found.size() == 1) {
            return found.getFirst();
        }
        if (found.size() > 1) {
            List<String> where = new ArrayList<>();
            for (int i : found) {
                where.add(Integer.toString(i + 1));
            }
            throw new ImportException(
                    ImportException.Kind.SETTINGS,
                    "The file has " + found.size() + " columns named \"" + name + "\" (columns "
                            + String.join(" and ", where) + "); say which one the mapping means, e.g. \"from\": \""
                            + name + " [1]\" or \"" + name + " [2]\".");
        }
        Matcher nth = NTH.matcher(name);
        if (nth.matches()) {
            List<Integer> same = matches(header, nth.group(1));
            int n = Integer.parseInt(nth.group(2));
            if (n >= 1 && n <= same.size()) {
                return same.get(n - 1);
            }
        }
        return -1;
    }

    private static List<Integer> matches(List<String> header, String name) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (ColumnMapping.sameName(header.get(i), name)) {
                found.add(i);
            }
        }
        return found;
    }
}
