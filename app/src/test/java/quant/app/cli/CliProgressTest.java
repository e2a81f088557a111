package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress line of long commands: drawn only on a terminal, after a second, and wiped before output. */
class CliProgressTest {
    @Test
    void theLineShowsTheStageABarTheShareAndTheSecondsInAFixedWidth() {
        String line = CliProgress.line(1, 4, "Planning 2025-07-01", 3_200);
        assertThat(line).startsWith("Planning 2025-07-01 [######                  ]  25% 3s");
        assertThat(line).hasSize(CliProgress.WIDTH);
        String unknown = CliProgress.line(5, -1, "Reading the database", 1_500);
        assertThat(unknown).startsWith("Reading the database 1s").doesNotContain("[");
        String longStage = CliProgress.line(1, 2, "x".repeat(200), 1_000);
        assertThat(longStage).hasSize(CliProgress.WIDTH).contains("…");
    }

    @Test
    void nothingIsDrawnWhenStandardErrorIsNotATerminal() {
        StringWriter err = new StringWriter();
        CliProgress p = new CliProgress(new PrintWriter(err), false);
        p.progress(1, 2, "Working");
        p.clear();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void onATerminalTheBarWaitsASecondAndIsWipedBeforeOutput() throws Exception {
        StringWriter err = new StringWriter();
        CliProgress p = new CliProgress(new PrintWriter(err), true);
        p.progress(1, 2, "Working");
        assertThat(err.toString()).as("quiet for the first second").isEmpty();
        Thread.sleep(CliProgress.QUIET_MILLIS + 50);
        p.progress(1, 2, "Working");
        assertThat(err.toString()).startsWith("\rWorking [").contains(" 50%");
        p.clear();
        assertThat(err.toString()).endsWith("\r" + " ".repeat(CliProgress.WIDTH) + "\r");
    }
}
