package quant.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.job.JobMonitor;

class SampleExporterTest {
    @TempDir
    Path dir;

    private static long lines(Path file) throws IOException {
        try (Stream<String> s = Files.lines(file)) {
            return s.count();
        }
    }

    @Test
    void scaleOneWritesTheCommittedFilesAndTheWorkbook() throws IOException {
        SampleExporter.export(dir, 1, JobMonitor.NONE);
        Path committed = Path.of("data", "sample-company");
        assertThat(Files.mismatch(dir.resolve("job.csv"), committed.resolve("job.csv")))
                .isEqualTo(-1L);
        assertThat(dir.resolve(SampleWriter.WORKBOOK)).isNotEmptyFile();
    }

    @Test
    void scaleThreeTriplesTheJobsWithDistinctReferences() throws IOException {
        SampleExporter.export(dir, 3, JobMonitor.NONE);
        long base = lines(Path.of("data", "sample-company", "job.csv")) - 1;
        assertThat(lines(dir.resolve("job.csv")) - 1).isEqualTo(3 * base);
        try (Stream<String> s = Files.lines(dir.resolve("job.csv"))) {
            assertThat(s.skip(1)
                            .map(l -> l.substring(0, l.indexOf(',')))
                            .distinct()
                            .count())
                    .isEqualTo(3 * base);
        }
        assertThat(lines(dir.resolve("service_line.csv"))).isEqualTo(6);
    }
}
