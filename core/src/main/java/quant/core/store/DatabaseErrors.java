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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Database refusals in words: the rule that was broken, named by its columns, never the SQL
 * statement, the engine's error text or its error codes: H2's codes, or PostgreSQL's states. The
 * only place outside the store's engines that knows them.
 */
public final class DatabaseErrors {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseErrors.class);
    private static final Pattern CHECK = Pattern.compile("((?i)CK_[A-Z0-9_]+)");
    private static final Pattern BETWEEN = Pattern.compile("(\\w+) between (-?[\\d.]+) and (-?[\\d.]+)");
    private static final Pattern IN_LIST = Pattern.compile("(\\w+) in \\(?('[^']*'(?:\\s*,\\s*'[^']*')*)\\)?");
    private static final Pattern COMPARE = Pattern.compile("(\\w+) (>=|<=|>|<|<>) (-?[\\d.]+|\\w+)");

    private DatabaseErrors() {}

    /** Why the database refused a row, as the end of a sentence about that row ("breaks …"). */
    public static String explainRow(Connection c, SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (fromServer(e)) {
            return switch (e.getSQLState()) {
                case "23514" -> {
                    Matcher x = CHECK.matcher(m);
                    String clause = x.find() ? checkClause(c, x.group(1)) : null;
                    yield clause == null ? "breaks a rule of the table" : "breaks the rule: " + ruleInWords(clause);
                }
                case "23505" -> "would duplicate a value that must be unique (" + unique(m) + ")";
                case "23503" -> "refers to a row that does not exist";
                case "22001" -> "has a value that is too long for its column";
                case "22003" -> "has a number too large for its column";
                case "22P02", "22007", "22008", "22018" -> "has a value its column cannot hold";
                default -> "was refused by the database (" + inWords(e) + ")";
            };
        }
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
        if (fromServer(e)) {
            return switch (e.getSQLState()) {
                case "23514" -> "a rule of a table was broken";
                case "23505" -> "a value that must be unique would be repeated";
                case "23503" ->
                    String.valueOf(e.getMessage()).contains("still referenced")
                            ? "other rows refer to the row"
                            : "a row refers to a row that does not exist";
                case "22001" -> "a value is too long for its column";
                case "22003" -> "a number is too large for its column";
                case "25006" -> "the database is read-only";
                case "55P03", "40001", "40P01" -> "another change held the rows too long";
                case "42501" -> "your role may not do this";
                default -> "database error " + e.getSQLState();
            };
        }
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

    /** Whether {@code e} comes from a PostgreSQL server (which sets a state and no error code), not H2. */
    private static boolean fromServer(SQLException e) {
        return e.getErrorCode() == 0
                && e.getSQLState() != null
                && e.getClass().getName().startsWith("org.postgresql");
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
        try (PreparedStatement st = c.prepareStatement("SELECT CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS"
                + " WHERE UPPER(CONSTRAINT_NAME) = UPPER(?)")) {
            st.setString(1, constraint);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? plain(rs.getString(1)) : null;
            }
        } catch (SQLException ignored) {
            return null;
        }
    }

    /**
     * A CHECK clause as PostgreSQL keeps it, in the plain form the rules are written in: without its
     * casts ({@code ::text}) and with {@code = ANY (ARRAY[…])} as {@code IN (…)}.
     */
    static String plain(String clause) {
        if (clause == null) {
            return null;
        }
        String t = clause.replaceAll(
                "::(character varying|double precision|time(stamp)? with(out)? time zone|[a-z]+)(\\[])?", "");
        t = t.replaceAll("\\s*=\\s*ANY\\s*\\(\\(?ARRAY\\[([^\\]]*)]\\)?\\)", " IN ($1)");
        t = t.replaceAll("'(-?\\d+(\\.\\d+)?)'", "$1");
        String before;
        do {
            before = t;
            t = t.replaceAll("\\((\\w+|-?[\\d.]+)\\)", "$1");
        } while (!t.equals(before));
        return t;
    }

    private static String unique(String message) {
        Matcher x = Pattern.compile("ON PUBLIC\\.[A-Z_]+\\(([^)]*)\\)").matcher(message);
        if (x.find()) {
            return x.group(1).toLowerCase(Locale.ROOT).replace(" nulls first", "");
        }
        Matcher key = Pattern.compile("Key \\(([^)]*)\\)=").matcher(message); // PostgreSQL's detail
        return key.find() ? key.group(1) : "a unique key";
    }

    /**
     * A database's refusal of a change in one sentence: the rule or condition in words, never the SQL;
     * what the engine's own codes say first ({@link H2Files}, {@link ServerDatabases}).
     */
    static StoreException refusal(StoreLocation location, SQLException e) {
        LOG.warn("The database refused a change", e);
        StoreException known =
                switch (location) {
                    case StoreLocation.File f -> H2Files.refusal(location.name(), e);
                    case StoreLocation.Server server -> ServerDatabases.refusal(server, e);
                };
        return known != null
                ? known
                : new StoreException(
                        StoreException.Kind.REJECTED,
                        "The database refused the change (" + inWords(e) + "); nothing was changed.",
                        e);
    }
}
