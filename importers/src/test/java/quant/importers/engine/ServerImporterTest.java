package quant.importers.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import quant.core.store.Store;
import quant.core.store.TestServers;

/**
 * The importer's whole suite ({@link ImporterTest}) again on a PostgreSQL server: the same files, the
 * same checks, the same undo, on a database of its own for each test.
 */
class ServerImporterTest extends ImporterTest {
    private TestServers.Scratch scratch;

    @BeforeEach
    @Override
    void open() {
        scratch = TestServers.fresh("importer");
        store = Store.open(scratch.location());
        importer = new Importer(store);
    }

    @AfterEach
    @Override
    void close() {
        store.close();
        scratch.close();
    }
}
