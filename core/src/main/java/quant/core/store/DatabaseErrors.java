package quant.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.api.ErrorCode;

/**
 * Database refusals in words: the rule that was broken, named by its columns, never the SQL
 * statement, H2's error text or its error codes. The only place outside {@link Store} that knows
 * H2's error codes.
 */
public final class DatabaseErrors {
    private static final Pattern CHECK = Pattern.compile("(CK_[A-Z0-9_]+)");
    private static final Pattern BETWEEN = Pattern.compile("(\\w+) between (-?[\\d.]+) and (-?[\\d.]+)");
    private static final Pattern IN_LIST = Pattern.compile("(\\w+) in \\(?('[^']*'(?:\\s*,\\s*'[^']*')*)\\)?");
    private static final Pattern COMPARE = Pattern.compile("(\\w+) (>=|<=|>|<|<>) (-?[\\d.]+|\\w+)");

    private DatabaseErrors() {}

    /** Why the database refused a row, as the end of a sentence about that row ("breaks …"). */
    public static String explainRow(Connection c, SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return switch (e.getErrorCode()) {
            case ErrorCode.CHECK_CONSTRAINT_VIOLATED_1 -> {
                Matcher x = CHECK.matcher(m);
                String clause = x.find() ? checkClause(c, x.group(1)) : null;
                yield clause == null ? "breaks a rule of the table" : "breaks the rule: " + ruleInWords(clause);
            }
            case ErrorCode.DUPLICATE_KEY_1 -> "would duplicate a value that must be unique (" + unique(m) + ")";
            case ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1 -> "refers to a row that does not exist";
            case ErrorCode.VALUE_TOO_LONG_2 -> "has a value that is too long for its column";
            case ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_1, ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_2 ->
                "has a number too large for its column";
            case ErrorCode.DATA_CONVERSION_ERROR_1, ErrorCode.INVALID_VALUE_2 -> "has a value its column cannot hold";
            default -> "was refused by the database (" + inWords(e) + ")";
        };
    }

    /** A short description of any database error, without SQL or class names. */
    public static String inWords(SQLException e) {
        return switch (e.getErrorCode()) {
            case ErrorCode.CHECK_CONSTRAINT_VIOLATED_1 -> "a rule of a table was broken";
            case ErrorCode.DUPLICATE_KEY_1 -> "a value that must be unique would be repeated";
            case ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1 ->
                "a row refers to a row that does not exist";
            case ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_CHILD_EXISTS_1 -> "other rows refer to the row";
            case ErrorCode.VALUE_TOO_LONG_2 -> "a value is too long for its column";
            case ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_1, ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_2 ->
                "a number is too large for its column";
            case ErrorCode.DATABASE_IS_READ_ONLY -> "the database is read-only";
            case ErrorCode.LOCK_TIMEOUT_1 -> "another change held the rows too long";
            case ErrorCode.OUT_OF_MEMORY -> "the program ran out of memory";
            default -> "database error " + (e.getSQLState() == null ? e.getErrorCode() : e.getSQLState());
        };
    }

    /** Whether the error says that other rows still refer to a row being deleted. */
    public static boolean isReferencedRow(SQLException e) {
        return "23503".equals(e.getSQLState());
    }

    /**
     * A CHECK clause as the rule it states, e.g. {@code status IN ('open','paid')} as "status must be
     * one of open, paid" and {@code due_on >= issued_on} as "due_on must not be before issued_on".
     */
    public static String ruleInWords(String clause) {
        String text = clause.replace("\"", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        List<String> rules = new ArrayList<>();
        text = collect(BETWEEN, text, rules, x -> x.group(1) + " must be between " + x.group(2) + " and " + x.group(3));
        text = collect(
                IN_LIST,
                text,
                rules,
                x -> x.group(1) + " must be one of "
                        + x.group(2).replace("'", "").replaceAll("\\s*,\\s*", ", "));
        text = collect(COMPARE, text.replace("(", " ").replace(")", " ").replaceAll("\\s+", " "), rules, x -> {
            String left = x.group(1);
            String right = x.group(3);
            boolean dates = isDateLike(left) || isDateLike(right);
            return left
                    + switch (x.group(2)) {
                        case ">=" ->
                            dates
                                    ? " must not be before "
                                    : right.equals("0") ? " must not be negative" : " must be at least ";
                        case ">" -> dates ? " must be after " : " must be greater than ";
                        case "<=" -> dates ? " must not be after " : " must be at most ";
                        case "<" -> dates ? " must be before " : " must be less than ";
                        default -> " must differ from ";
                    }
                    + (x.group(2).equals(">=") && !dates && right.equals("0") ? "" : right);
        });
        return rules.isEmpty() ? "the rule " + text.strip() : String.join("; ", rules);
    }

    private static boolean isDateLike(String column) {
        return column.endsWith("_on") || column.endsWith("_at") || column.startsWith("window_");
    }

    private interface Phrase {
        String of(Matcher m);
    }

    private static String collect(Pattern p, String text, List<String> rules, Phrase phrase) {
        Matcher x = p.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (x.find()) {
            rules.add(phrase.of(x));
            x.appendReplacement(rest, " ");
        }
        x.appendTail(rest);
        return rest.toString();
    }

    private static String checkClause(Connection c, String constraint) {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS WHERE CONSTRAINT_NAME = ?")) {
            st.setString(1, constraint);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
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
