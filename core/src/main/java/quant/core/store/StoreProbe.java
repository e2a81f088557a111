package quant.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.ValidateResult;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.LoggerFactory;
import quant.core.store.StoreException.Kind;

/**
 * Looks at an existing database file before anything writes to it, and refuses — leaving the file
 * byte for byte as it was — one that is locked, damaged, of another program (other tables and no
 * migration history of ours, or a history that was edited), or written by a newer version.
 *
 * <p>The look is read-only. H2 cannot finish a transaction that a crash left open while it opens a
 * file read-only, so when the read-only look fails for any reason but a lock, the same look is taken
 * on a copy of the file opened for writing (H2 recovers the copy exactly as it will recover the
 * file): a file the copy shows to be ours and current is then opened for real; one the copy cannot
 * open either is damaged.
 */
final class StoreProbe {
    private static final EnumSet<MigrationState> FUTURE =
            EnumSet.of(MigrationState.FUTURE_SUCCESS, MigrationState.FUTURE_FAILED);
    private static final String HISTORY = "flyway_schema_history";

    private StoreProbe() {}

    /** Throws a {@link StoreException} unless {@code file} is a database this version may open for writing. */
    static void check(Path file) {
        try {
            look(file, H2Files.url(file, true));
        } catch (Unreadable e) {
            if (e.sql != null
                    && (isLock(e.sql)
                            || Passphrases.given(file) && e.sql.getErrorCode() == ErrorCode.FILE_ENCRYPTION_ERROR_1)) {
                throw H2Files.translate(file, e.sql); // in use, or the wrong passphrase: a copy would not help
            }
            LoggerFactory.getLogger(StoreProbe.class)
                    .info("Read-only look at {} failed; looking at a recovered copy", file, e.getCause());
            lookAtCopy(file);
        }
    }

    /** Whether every migration of this version is applied (a read-only file can then be read as it is). */
    static boolean upToDate(DataSource ds, Store.Engine engine) {
        try {
            return Migrations.flyway(ds, engine).info().pending().length == 0;
        } catch (FlywayException e) {
            return false;
        }
    }

    private static void lookAtCopy(Path file) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("quant-probe");
            Path copy = dir.resolve(file.getFileName());
            Files.copy(file, copy);
            Passphrases.same(copy, file);
            String base = copy.toString().substring(0, copy.toString().length() - ".mv.db".length());
            look(file, "jdbc:h2:file:" + base + ";IFEXISTS=TRUE" + Passphrases.cipher(file));
        } catch (Unreadable e) {
            throw new StoreException(Kind.DAMAGED, file + " is damaged and cannot be opened; it was left as it is.", e);
        } catch (IOException e) {
            throw new StoreException(
                    Kind.IO, "Could not check " + file + " (copying it failed: " + e.getMessage() + ").", e);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    /** Looks at the database behind {@code url}, refusing it or returning when it may be opened. */
    private static void look(Path file, String url) {
        JdbcConnectionPool probe = JdbcConnectionPool.create(url, "sa", Passphrases.password(file));
        try {
            inspect(probe, Store.Engine.H2, file.toString());
        } finally {
            probe.dispose();
        }
    }

    /**
     * Refuses the database behind {@code ds} — {@code where} in sentences — when it is another
     * program's (other tables and no history of ours, or a history that was edited) or was written by a
     * newer version; returns when it is empty, or ours at this version or an older one.
     */
    static void inspect(DataSource ds, Store.Engine engine, String where) {
        try {
            List<String> tables = new ArrayList<>();
            try (Connection c = ds.getConnection();
                    ResultSet rs = c.getMetaData().getTables(null, schema(c, engine), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            tables.sort(null);
            if (tables.isEmpty()) {
                return; // an empty database: ours to fill
            }
            String kind = engine == Store.Engine.H2 ? "an H2 database" : "a database";
            if (!tables.contains(HISTORY)) {
                throw new StoreException(
                        Kind.FOREIGN,
                        where + " is " + kind + " of another program (it has tables such as "
                                + String.join(", ", tables.subList(0, Math.min(3, tables.size())))
                                + " and no Quant Workbench history); it was left as it is.");
            }
            Flyway flyway = Migrations.flyway(ds, engine);
            MigrationInfo[] all = flyway.info().all();
            MigrationVersion newest = Arrays.stream(all)
                    .filter(i -> FUTURE.contains(i.getState()))
                    .map(MigrationInfo::getVersion)
                    .max(MigrationVersion::compareTo)
                    .orElse(null);
            if (newest != null) {
                throw new StoreException(
                        Kind.NEWER_VERSION,
                        where + " was written by a newer version of Quant Workbench (schema version " + newest
                                + ", this version knows up to " + highestKnown(all)
                                + "); it was not changed. Open it with the newer version.");
            }
            ValidateResult valid = Flyway.configure()
                    .configuration(flyway.getConfiguration())
                    .ignoreMigrationPatterns("*:future", "*:pending")
                    .load()
                    .validateWithResult();
            if (!valid.validationSuccessful) {
                throw new StoreException(
                        Kind.FOREIGN,
                        where + " has a migration history that does not match this version's (it was edited or"
                                + " comes from another program); it was left as it is.");
            }
        } catch (SQLException e) {
            throw new Unreadable(e, e);
        } catch (FlywayException e) {
            throw new Unreadable(e.getCause() instanceof SQLException sql ? sql : null, e);
        }
    }

    /** The schema the workbench's tables live in: H2's PUBLIC, the server connection's current schema. */
    private static String schema(Connection c, Store.Engine engine) throws SQLException {
        return engine == Store.Engine.H2 ? "PUBLIC" : c.getSchema();
    }

    private static boolean isLock(SQLException e) {
        return e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1 || e.getErrorCode() == ErrorCode.LOCK_TIMEOUT_1;
    }

    private static String highestKnown(MigrationInfo[] all) {
        return Arrays.stream(all)
                .filter(i -> !FUTURE.contains(i.getState()))
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion)
                .orElse("none");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LoggerFactory.getLogger(StoreProbe.class).warn("Could not delete {}", dir, e);
        }
    }

    /** The database could not be looked at (as opposed to a look that found a reason to refuse it). */
    static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SQLException sql;

        Unreadable(SQLException sql, Throwable cause) {
            super(cause);
            this.sql = sql;
        }
    }
}
