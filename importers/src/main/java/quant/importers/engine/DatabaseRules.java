package quant.importers.engine;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.api.ErrorCode;

/** Turns a database refusal of one row into a plain reason. */
final class DatabaseRules {
    private static final Pattern CHECK = Pattern.compile("(CK_[A-Z0-9_]+)");

    private DatabaseRules() {}

    static String explain(java.sql.Connection c, SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        switch (e.getErrorCode()) {
            case ErrorCode.CHECK_CONSTRAINT_VIOLATED_1 -> {
                Matcher x = CHECK.matcher(m);
                String clause = x.find() ? clause(c, x.group(1)) : null;
                return clause == null ? "breaks a rule of the table" : "breaks the rule " + clause;
            }
            case ErrorCode.DUPLICATE_KEY_1 -> {
                return "would duplicate a value that must be unique (" + unique(m) + ")";
            }
            case ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1 -> {
                return "refers to a row that does not exist";
            }
            case ErrorCode.VALUE_TOO_LONG_2 -> {
                return "has a value that is too long for its column";
            }
            case ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_1, ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_2 -> {
                return "has a number too large for its column";
            }
            default -> {
                return "was refused by the database: " + m.lines().findFirst().orElse(m);
            }
        }
    }

    private static String clause(java.sql.Connection c, String constraint) {
        try (var st = c.prepareStatement(
                "SELECT CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS WHERE CONSTRAINT_NAME = ?")) {
            st.setString(1, constraint);
            try (var rs = st.executeQuery()) {
                return rs.next()
                        ? rs.getString(1)
                                .replace("\"", "")
                                .replaceAll("\\s+", " ")
                                .toLowerCase(Locale.ROOT)
                        : null;
            }
        } catch (SQLException ignored) {
            return null;
        }
    }

    private static String unique(String message) {
        Matcher x = Pattern.compile("ON PUBLIC\\.[A-Z_]+\\(([^)]*)\\)").matcher(message);
        return x.find() ? x.group(1).toLowerCase(Locale.ROOT).replace(" nulls first", "") : "a unique key";
    }
}
