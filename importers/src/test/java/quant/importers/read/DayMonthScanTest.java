package quant.importers.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import quant.importers.parse.DateOrder;

/** The byte scan finds every cell the date-order evidence counts, and no ISO date. */
class DayMonthScanTest {
    static boolean found(String text, int chunk) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        DayMonthScan scan = new DayMonthScan();
        for (int from = 0; from < bytes.length; from += chunk) {
            byte[] part = java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunk));
            scan.feed(part, part.length);
        }
        return scan.found();
    }

    /** Whether the evidence counts {@code cell} as a day/month date (the shape the scan must find). */
    static boolean counted(String cell) {
        DateOrder.Evidence e = new DateOrder.Evidence();
        e.add(cell);
        return e.example() != null;
    }

    @Test
    void everyCellTheEvidenceCountsIsFoundInAnyChunking() {
        List<String> cells = List.of(
                "3/4/2024",
                "03.04.24",
                "31-12-1999",
                "1/2/3",
                "0012/3/2024",
                "12/31/2024 08:30",
                " 5/6/2024 ",
                "9.9.99");
        for (String cell : cells) {
            assertThat(counted(cell)).as(cell).isTrue();
            for (int chunk : new int[] {1, 2, 3, 64}) {
                assertThat(found("id,on\n1,\"" + cell + "\"\n", chunk))
                        .as(cell + " in chunks of " + chunk)
                        .isTrue();
                assertThat(found("id;on\r\n1;" + cell + "\r\n", chunk))
                        .as(cell + " unquoted")
                        .isTrue();
            }
        }
    }

    @Test
    void isoDatesTimesNumbersAndCodesAreNotDates() {
        String file = """
                id,requested_at,completed_on,amount,ref,phone,version
                J-2024-01-0001,2024-03-05T08:30:00,2024-03-05,-1234.50,C-000123,555-1234,1.2
                J-2024-01-0002,2024-03-05 08:30:00-05:00,2024-12-31,"1,234.56",INV-2024-0042,+1 555 123 4567,10.15
                """;
        for (String cell : file.split("[,\\n]")) {
            assertThat(counted(cell.replace("\"", ""))).as(cell).isFalse();
        }
        for (int chunk : new int[] {1, 5, 4096}) {
            assertThat(found(file, chunk)).as("chunks of " + chunk).isFalse();
        }
    }

    @Test
    void theSampleCompanysJobsHoldNoDayMonthDateSoTheirProofNeedsNoParse() throws Exception {
        Path jobs = Path.of("..", "samples", "data", "sample-company", "job.csv");
        byte[] bytes = Files.readAllBytes(jobs);
        DayMonthScan scan = new DayMonthScan();
        assertThat(scan.feed(bytes, bytes.length)).isFalse();
    }
}
