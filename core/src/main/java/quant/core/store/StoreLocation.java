package quant.core.store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the workbench's data live: an H2 file on this computer, or a database on a PostgreSQL server
 * that a team shares. {@code --db} and settings.json take either, as text ({@link #parse}).
 *
 * <p>A server address is a PostgreSQL JDBC URL, {@code jdbc:postgresql://host[:port]/database}, with
 * the driver's parameters ({@code user}, {@code sslmode}, {@code sslrootcert}, …). It never carries a
 * password: the password comes from the PostgreSQL password file ({@code ~/.pgpass}, or the file
 * {@code PGPASSFILE} names) or from the operating system's credential store, so that no address the
 * workbench prints, logs or keeps in its settings holds one.
 */
public sealed interface StoreLocation permits StoreLocation.File, StoreLocation.Server {

    /** The prefix of a PostgreSQL server address. */
    String SERVER_PREFIX = "jdbc:postgresql:";

    /** The text the location was given as, as settings.json keeps it. */
    String text();

    /** The location in a sentence: the file's path, or "database sales on db.example.com:5432". */
    String describe();

    /** A short name for titles: the file's name, or the server database's name. */
    String name();

    /** The files output must not be written over: an H2 file and the files H2 keeps beside it; none on a server. */
    default java.util.List<quant.core.io.OutputPath.Protected> protectedFiles() {
        return this instanceof File f ? quant.core.io.OutputPath.Protected.database(f.path()) : java.util.List.of();
    }

    /** A usage error about an address, in one sentence. */
    private static StoreException refused(String sentence) {
        return new StoreException(StoreException.Kind.REFUSED, sentence);
    }

    /** Whether this is a server database. */
    default boolean isServer() {
        return this instanceof Server;
    }

    /**
     * The location {@code text} names: a server address ({@code jdbc:postgresql://…}) or else a file path.
     *
     * @throws StoreException (refused, a usage error) for a server address that cannot be read or holds a password
     */
    static StoreLocation parse(String text) {
        String t = text.strip();
        if (t.regionMatches(true, 0, SERVER_PREFIX, 0, SERVER_PREFIX.length())) {
            return Server.of(t);
        }
        if (t.regionMatches(true, 0, "jdbc:", 0, 5)
                || t.regionMatches(true, 0, "postgres", 0, 8) && t.contains("://")) {
            throw refused("The database " + t + " is neither a file nor a PostgreSQL address; a server is"
                    + " named as jdbc:postgresql://host:port/database.");
        }
        return new File(Path.of(t));
    }

    /** The H2 file at {@code path} (with or without its {@code .mv.db} ending). */
    static File of(Path path) {
        return new File(path);
    }

    /** An H2 database file, always with its {@code .mv.db} ending and absolute. */
    record File(Path path) implements StoreLocation {
        public File {
            path = Store.normalise(path);
        }

        @Override
        public String text() {
            return path.toString();
        }

        @Override
        public String describe() {
            return path.toString();
        }

        @Override
        public String name() {
            return path.getFileName().toString();
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /**
     * A database on a PostgreSQL server.
     *
     * @param url the JDBC address as given, without a password
     * @param hosts the host (and port) part, e.g. {@code db.example.com:5432}
     * @param database the database's name
     * @param parameters the address's parameters, in order
     */
    record Server(String url, String hosts, String database, Map<String, String> parameters) implements StoreLocation {
        private static final Pattern URL = Pattern.compile("(?i)jdbc:postgresql://([^/?#]*)/([^?#]+)(?:\\?([^#]*))?");

        public Server {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }

        /**
         * Reads a server address.
         *
         * @throws StoreException (refused, a usage error) when it is not {@code jdbc:postgresql://host[:port]/database[?…]}
         *     or carries a password
         */
        public static Server of(String url) {
            Matcher m = URL.matcher(url.strip());
            if (!m.matches() || m.group(1).isBlank()) {
                throw refused("The server address " + url + " cannot be read; write it as"
                        + " jdbc:postgresql://host:port/database (port 5432 when left out).");
            }
            if (m.group(1).contains("@")) {
                throw refused("The server address names its user before the host; write"
                        + " jdbc:postgresql://host:port/database?user=NAME, with the password in ~/.pgpass.");
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            if (m.group(3) != null && !m.group(3).isEmpty()) {
                for (String pair : m.group(3).split("&")) {
                    int eq = pair.indexOf('=');
                    String key = eq < 0 ? pair : pair.substring(0, eq);
                    String value = eq < 0
                            ? ""
                            : java.net.URLDecoder.decode(
                                    pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                    if (key.toLowerCase(Locale.ROOT).equals("password")) {
                        throw refused("The server address holds a password; leave it out and keep"
                                + " it in the PostgreSQL password file (~/.pgpass) or the credential store"
                                + " (quant db password), so that it is never shown or saved in plain text.");
                    }
                    if (!key.isEmpty()) {
                        parameters.put(key, value);
                    }
                }
            }
            return new Server(m.group(0), m.group(1), m.group(2), parameters);
        }

        /** The user named by the address, else the operating system's user name (as PostgreSQL's own tools do). */
        public String user() {
            String user = parameters.get("user");
            return user != null && !user.isBlank() ? user : System.getProperty("user.name");
        }

        /** The first host's name. */
        public String host() {
            String first = hosts.split(",")[0];
            if (first.startsWith("[")) {
                return first.substring(1, first.indexOf(']'));
            }
            int colon = first.lastIndexOf(':');
            return colon < 0 ? first : first.substring(0, colon);
        }

        /** The first host's port (5432 when the address leaves it out). */
        public int port() {
            String first = hosts.split(",")[0];
            int close = first.lastIndexOf(']');
            int colon = first.lastIndexOf(':');
            if (colon < 0 || colon < close) {
                return 5432;
            }
            try {
                return Integer.parseInt(first.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw refused("The port in " + url + " is not a number.");
            }
        }

        /** The same server with another database. */
        public Server withDatabase(String name) {
            return of(
                    url.replaceFirst("(?i)(jdbc:postgresql://[^/?#]*/)[^?#]+", "$1" + Matcher.quoteReplacement(name)));
        }

        /** The key the credential store keeps this server's password under: the user, host, port and database. */
        public String secretName() {
            return "postgresql/" + user() + "@" + host() + ":" + port() + "/" + database;
        }

        @Override
        public String text() {
            return url;
        }

        @Override
        public String describe() {
            return "database " + database + " on " + hosts;
        }

        @Override
        public String name() {
            return database;
        }

        @Override
        public String toString() {
            return url;
        }
    }
}
