package quant.importers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.importing.ImportException;
import quant.core.job.JobMonitor;
import quant.core.runs.RunUndo;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.importers.mapping.ColumnMapping;
import quant.importers.mapping.MappingProfile;
import quant.importers.read.ReaderSettings;

/**
 * Bad input in bulk, in a JVM with a 256 MB heap (the {@code bounded-memory} surefire execution in
 * importers/pom.xml). Thousands of seeded mutations of a valid file go against one migrated
 * database: each ends in an import (then undone) or a clear {@link ImportException}, and after every
 * aborted import all row counts and the data version are unchanged. Huge files are generated under
 * {@code target/} at test time. Set {@code -Dquant.mutation.seed=N} to replay a failure.
 */
class MutatedInputIT {
    static final int MUTANTS = 3_000;

    @TempDir
    Path dir;

    static final MappingProfile PROFILE = new MappingProfile(
            "mutants",
            "customer",
            "mutants",
            ReaderSettings.DETECT,
            List.of("id"),
            List.of(
                    ColumnMapping.of("name", "name"),
                    ColumnMapping.of("since", "acquired_on"),
                    ColumnMapping.of("lat", "lat"),
                    ColumnMapping.of("zip", "zip")),
            Map.of());

    static String validFile() {
        StringBuilder s = new StringBuilder("id,name,since,lat,zip\n");
        for (int i = 1; i <= 30; i++) {
            s.append(i)
                    .append(",\"Customer ")
                    .append(i)
                    .append(", Inc.\",2024-0")
                    .append(1 + i % 9)
                    .append("-1")
                    .append(i % 10)
                    .append(',')
                    .append(39 + i / 100.0)
                    .append(",802")
                    .append(10 + i)
                    .append('\n');
        }
        return s.toString();
    }

    @Test
    void thousandsOfMutatedFilesEndCleanlyAndAbortedOnesChangeNothing() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(256L * 1024 * 1024);
        long seed = Long.getLong("quant.mutation.seed", 20_261_121L);
        SplittableRandom random = new SplittableRandom(seed);
        byte[] valid = validFile().getBytes(StandardCharsets.UTF_8);
        try (Store store = Store.open(dir.resolve("mutants"))) {
            Importer importer = new Importer(store);
            int imported = 0;
            int refused = 0;
            for (int i = 0; i < MUTANTS; i++) {
                byte[] mutant = Mutations.mutate(valid, random);
                Path file = dir.resolve("mutant.csv");
                Files.write(file, mutant);
                Map<DomainTable, Long> before = withoutAudit(store.rowCounts());
                long version = store.dataVersion();
                try {
                    ImportResult r = importer.run(file, PROFILE, ImportOptions.DEFAULT, JobMonitor.NONE);
                    imported++;
                    if (r.inserted() + r.updated() > 0) {
                        RunUndo.undo(store, r.runId());
                    }
                    assertThat(withoutAudit(store.rowCounts()))
                            .as("seed %d, mutant %d: undo", seed, i)
                            .isEqualTo(before);
                } catch (ImportException e) {
                    refused++;
                    assertThat(e.getMessage()).as("seed %d, mutant %d", seed, i).isNotBlank();
                    assertThat(withoutAudit(store.rowCounts()))
                            .as("seed %d, mutant %d: %s", seed, i, e.getMessage())
                            .isEqualTo(before);
                    assertThat(store.dataVersion())
                            .as("seed %d, mutant %d", seed, i)
                            .isEqualTo(version);
                } catch (RuntimeException | IOException e) {
                    throw new AssertionError("seed " + seed + ", mutant " + i + " ended in " + e, e);
                }
            }
            assertThat(imported).as("some mutants are still valid files").isPositive();
            assertThat(refused).as("most mutants are refused").isPositive();
        }
    }

    @Test
    void aHundredMegabyteFieldIsRefusedInBoundedMemory() throws Exception {
        Path file = Path.of("target", "huge-field.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,name,since,lat,zip\n1,\"");
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'x');
            for (int i = 0; i < 100; i++) {
                w.write(chunk);
            }
            w.write("\",2024-01-01,,\n");
        }
        try (Store store = Store.open(dir.resolve("huge"))) {
            try {
                new Importer(store).run(file, PROFILE, ImportOptions.DEFAULT, JobMonitor.NONE);
                throw new AssertionError("a 100 MB field was imported");
            } catch (ImportException e) {
                assertThat(e.kind()).isEqualTo(ImportException.Kind.UNREADABLE);
                assertThat(e.getMessage()).contains("longer than");
            }
            assertThat(store.rowCounts().get(DomainTable.CUSTOMER)).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void tenThousandColumnsImportTheMappedOnes() throws Exception {
        Path file = Path.of("target", "wide.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,name,since,lat,zip");
            for (int c = 6; c <= 10_000; c++) {
                w.write(",extra_" + c);
            }
            w.write('\n');
            for (int r = 1; r <= 50; r++) {
                w.write(r + ",Wide " + r + ",2024-01-01,,80201");
                for (int c = 6; c <= 10_000; c++) {
                    w.write("," + c);
                }
                w.write('\n');
            }
        }
        try (Store store = Store.open(dir.resolve("wide"))) {
            ImportResult r = new Importer(store).run(file, PROFILE, ImportOptions.DEFAULT, JobMonitor.NONE);
            assertThat(r.inserted()).isEqualTo(50);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Map<DomainTable, Long> withoutAudit(Map<DomainTable, Long> counts) {
        Map<DomainTable, Long> copy = new java.util.EnumMap<>(counts);
        copy.remove(DomainTable.IMPORT_RUN);
        return copy;
    }
}
