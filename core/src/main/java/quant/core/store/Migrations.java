package quant.core.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The schema's migrations, as Flyway runs them on either engine. */
final class Migrations {
    private Migrations() {}

    /**
     * Flyway over {@code ds}: the migrations both engines share ({@code db/migration}) and the engine's
     * own versions of the few that differ ({@code db/vendor/h2}, {@code db/vendor/postgresql}).
     */
    static Flyway flyway(DataSource ds, Store.Engine engine) {
        return Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(engine))
                .ignoreMigrationPatterns("*:future")
                .load();
    }

    private static String vendor(Store.Engine engine) {
        return switch (engine) {
            case H2 -> "h2";
            case POSTGRESQL -> "postgresql";
        };
    }
}
