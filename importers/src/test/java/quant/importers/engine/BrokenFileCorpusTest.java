package quant.importers.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import quant.core.importing.ImportException;
import quant.core.job.JobMonitor;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.importers.mapping.ColumnMapping;
import quant.importers.mapping.MappingProfile;
import quant.importers.read.ReaderSettings;

/**
 * Hand-made broken files under {@code src/test/resources/broken/}, each with its expected outcome
 * beside it ({@code NAME.expected}: {@code outcome=imported} with the row count, or
 * {@code outcome=error} with the error kind and, for data problems, the row and column). Every
 * file ends in a clean import or a clear error; an error writes nothing.
 */
class BrokenFileCorpusTest {
    static final Path CORPUS = Path.of("src", "test", "resources", "broken");

    @TempDir
    static Path dir;

    static Store store;

    @BeforeAll
    static void open() {
        store = Store.open(dir.resolve("corpus"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static MappingProfile profile(String source) {
        return new MappingProfile(
                "corpus",
                "customer",
                source,
                ReaderSettings.DETECT,
                List.of("id"),
                List.of(
                        ColumnMapping.of("name", "name"),
                        ColumnMapping.of("since", "acquired_on"),
                        ColumnMapping.of("lat", "lat")),
                Map.of());
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenFileEndsAsItsExpectedOutcomeSays() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private void check(Path file) throws Exception {
        String stem = file.getFileName().toString().replace(".csv", "");
        Properties expected = new Properties();
        try (Reader r = Files.newBufferedReader(CORPUS.resolve(stem + ".expected"), StandardCharsets.UTF_8)) {
            expected.load(r);
        }
        Map<DomainTable, Long> before = store.rowCounts();
        long version = store.dataVersion();
        String source = "corpus-" + stem;
        try {
            ImportResult result =
                    new Importer(store).run(file, profile(source), ImportOptions.DEFAULT, JobMonitor.NONE);
            if (!expected.getProperty("outcome").equals("imported")) {
                fail(stem + " was expected to fail with " + expected.getProperty("kind") + " but imported " + result);
            }
            assertThat(result.inserted()).isEqualTo(Long.parseLong(expected.getProperty("rows")));
            if (expected.containsKey("name")) {
                Object name = store.dsl().fetchValue("SELECT name FROM customer WHERE source = '" + source + "'");
                assertThat(name).isEqualTo(expected.getProperty("name"));
            }
        } catch (ImportException e) {
            if (!expected.getProperty("outcome").equals("error")) {
                fail(stem + " was expected to import but failed: " + e.getMessage(), e);
            }
            assertThat(e.kind().name()).as(e.getMessage()).isEqualTo(expected.getProperty("kind"));
            assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception");
            if (expected.containsKey("row")) {
                assertThat(e.problems()).isNotEmpty();
                assertThat(e.problems().getFirst().row())
                        .as(e.getMessage())
                        .isEqualTo(Long.parseLong(expected.getProperty("row")));
                String column = expected.getProperty("column");
                assertThat(e.problems().getFirst().column())
                        .as(e.getMessage())
                        .isEqualTo(column.isEmpty() ? null : column);
            }
            Map<DomainTable, Long> after = store.rowCounts();
            after.remove(DomainTable.IMPORT_RUN);
            before.remove(DomainTable.IMPORT_RUN);
            assertThat(after).isEqualTo(before);
            assertThat(store.dataVersion()).isEqualTo(version);
        }
    }
}
