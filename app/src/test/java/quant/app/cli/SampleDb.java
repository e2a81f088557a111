package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import quant.app.InProcessQuant;
import quant.core.store.Store;

/** A database with the sample company loaded, for CLI tests: run commands for JSON, check with SQL. */
record SampleDb(String path) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Loads the sample company into {@code dir/sample}. */
    static SampleDb load(Path dir) {
        String db = dir.resolve("sample").toString();
        InProcessQuant.Run load = InProcessQuant.quant("--db", db, "sample", "--load");
        assertThat(load.code()).as(load.err()).isZero();
        return new SampleDb(db);
    }

    /** Runs {@code quant --db DB args… --json}, which must succeed, and reads its output. */
    JsonNode json(String... args) throws Exception {
        String[] all = new String[args.length + 3];
        all[0] = "--db";
        all[1] = path;
        System.arraycopy(args, 0, all, 2, args.length);
        all[all.length - 1] = "--json";
        InProcessQuant.Run run = InProcessQuant.quant(all);
        assertThat(run.code()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    /** The first column of the first row of a query, as a number. */
    double sql(String query) throws SQLException {
        try (Store store = Store.openExisting(Path.of(path));
                Connection c = store.readConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
