package quant.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.analysis.InvalidSpecException;

/** Summarising a transaction log and reading summary files. */
class TransactionLogTest {
    private static final Path CDNOW_DIR = Path.of("..", "..", "shared", "benchdata", "cdnow");

    @TempDir
    Path dir;

    @Test
    void summarisesByPurchaseDaysInWeeks() throws Exception {
        Path log = write(
                "log.csv",
                "customer_id,date,amount",
                "a,2024-01-01,10",
                "a,2024-01-01,5", // same day: one purchase of 15
                "a,2024-01-15,20",
                "a,20240129,40",
                "a,2024-03-01,99", // after the calibration end
                "b,2024-01-08,7",
                "c,2024-02-26,1"); // first purchase on the end day: left out
        SummaryCsv s = TransactionLog.summarise(log, LocalDate.of(2024, 2, 26));
        assertThat(s.ids()).containsExactly("a", "b");
        CustomerSummaries c = s.summaries();
        assertThat(c.x(0)).isEqualTo(2);
        assertThat(c.tx(0)).isEqualTo(4); // 28 days
        assertThat(c.t(0)).isCloseTo(56 / 7.0, within(1e-12));
        assertThat(s.zbar().orElseThrow()[0]).isEqualTo(30); // (20 + 40) / 2
        assertThat(c.x(1)).isZero();
        assertThat(c.t(1)).isEqualTo(7);
        assertThat(s.zbar().orElseThrow()[1]).isZero();
    }

    @Test
    void reproducesTheCdnowCalibrationSummaries() throws Exception {
        Path sample = CDNOW_DIR.resolve("CDNOW_sample.txt");
        assumeTrue(
                Files.exists(sample),
                "../shared/benchdata/cdnow is absent: the CDNOW summary test is skipped (see ../shared/benchdata/SOURCES.md)");
        // master_id sample_id yyyymmdd cds dollars → customer_id,date,amount
        List<String> lines = new ArrayList<>(List.of("customer_id,date,amount"));
        for (String line : Files.readAllLines(sample)) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 5) {
                lines.add(f[1] + "," + f[2] + "," + f[4]);
            }
        }
        Path log = Files.write(dir.resolve("cdnow.csv"), lines);
        SummaryCsv ours = TransactionLog.summarise(log, LocalDate.of(1997, 9, 30));
        SummaryCsv published = SummaryCsv.read(CDNOW_DIR.resolve("cdnow_customers_summary_with_transactions.csv"));
        assertThat(ours.ids()).hasSize(2357);
        Map<Integer, Integer> row = new HashMap<>();
        for (int i = 0; i < published.ids().size(); i++) {
            row.put(Integer.parseInt(published.ids().get(i)), i);
        }
        for (int i = 0; i < ours.ids().size(); i++) {
            int j = row.get(Integer.parseInt(ours.ids().get(i)));
            String who = "customer " + ours.ids().get(i);
            assertThat(ours.summaries().x(i))
                    .as(who)
                    .isEqualTo(published.summaries().x(j));
            assertThat(ours.summaries().tx(i))
                    .as(who)
                    .isCloseTo(published.summaries().tx(j), within(0.005));
            assertThat(ours.summaries().t(i))
                    .as(who)
                    .isCloseTo(published.summaries().t(j), within(0.005));
            assertThat(ours.zbar().orElseThrow()[i])
                    .as(who)
                    .isCloseTo(published.zbar().orElseThrow()[j], within(0.0051)); // published to the cent
        }
    }

    @Test
    void readsBothNamingsOfSummaryFiles() throws Exception {
        SummaryCsv fh = SummaryCsv.read(write("fh.csv", "ID,x,t_x,T,zbar", "7,2,3.5,10,12.5", "8,0,0,10,0"));
        assertThat(fh.ids()).containsExactly("7", "8");
        assertThat(fh.zbar().orElseThrow()).containsExactly(12.5, 0);
        SummaryCsv lt = SummaryCsv.read(write("lt.csv", "frequency,recency,T", "2,3.5,10"));
        assertThat(lt.ids()).containsExactly("1");
        assertThat(lt.summaries().tx(0)).isEqualTo(3.5);
        assertThat(lt.zbar()).isEmpty();
    }

    @Test
    void badFilesAreRefusedWithWhereAndWhy() throws Exception {
        assertThatThrownBy(() -> SummaryCsv.read(write("a.csv", "x,t_x", "1,2")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("a.csv has no column T or T_cal (its header is x,t_x).");
        assertThatThrownBy(() -> SummaryCsv.read(write("b.csv", "x,t_x,T", "1,2,3", "1,two,3")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("b.csv, line 3: x, t_x, T must be numbers.");
        assertThatThrownBy(() -> SummaryCsv.read(write("c.csv", "x,t_x,T", "1,5,3")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("c.csv: ");
        assertThatThrownBy(() -> TransactionLog.summarise(
                        write("d.csv", "customer_id,date", "a,2024-13-01"), LocalDate.of(2025, 1, 1)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("d.csv, line 2: \"2024-13-01\" is not a date (use 2024-03-01 or 20240301).");
        assertThatThrownBy(() -> TransactionLog.summarise(
                        write("e.csv", "customer_id,date", "a,2025-02-01"), LocalDate.of(2025, 1, 1)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("e.csv has no purchase before the calibration end 2025-01-01.");
    }

    private Path write(String name, String... lines) throws Exception {
        return Files.write(dir.resolve(name), List.of(lines));
    }
}
