package quant.importers.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.importing.ImportException;
import quant.importers.parse.DateOrder;

/** One read of a file tells its format, settings, size, hash and the date order its dates prove. */
class FileProbeTest {
    static final Path WORKBOOK = Path.of("..", "samples", "data", "sample-company", "owner-workbook.xlsx");

    @TempDir
    Path dir;

    /** A semicolon file whose only date telling day from month comes after the first 64 KB. */
    Path lateProof(String lastDate) throws Exception {
        StringBuilder b = new StringBuilder("id;amount;on\n");
        int i = 0;
        while (b.length() < 3 * FileSniffer.SAMPLE_BYTES) {
            b.append(i++).append(";12,50;03/04/2024\n");
        }
        b.append(i).append(";1,00;").append(lastDate).append('\n');
        return Files.writeString(dir.resolve("late.csv"), b, StandardCharsets.UTF_8);
    }

    static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    static final FileProbe.DateColumns THIRD = header -> new int[] {header.indexOf("on")};

    @Test
    void theWholeReadGivesSizeHashSettingsAndTheDateOrderProvenAnywhereInTheFile() throws Exception {
        Path f = lateProof("25/12/2024");
        FileProbe p = FileProbe.whole(f, ReaderSettings.DETECT, THIRD);
        assertThat(p.format()).isEqualTo(FileSniffer.Format.CSV);
        assertThat(p.size()).isEqualTo(Files.size(f));
        assertThat(p.sha256()).isEqualTo(sha256(f));
        assertThat(p.settings().delimiter()).isEqualTo(';');
        assertThat(p.settings().dateOrder()).isEqualTo(DateOrder.DMY);
        assertThat(FileProbe.whole(lateProof("12/25/2024"), ReaderSettings.DETECT, THIRD)
                        .settings()
                        .dateOrder())
                .isEqualTo(DateOrder.MDY);
    }

    @Test
    void datesThatNeverTellTheOrderAreRefusedUnlessTheOrderIsGiven() throws Exception {
        Path f = lateProof("05/06/2024");
        assertThatThrownBy(() -> FileProbe.whole(f, ReaderSettings.DETECT, THIRD))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("Dates such as \"03/04/2024\" could be day/month/year or month/day/year");
        FileProbe given = FileProbe.whole(f, ReaderSettings.DETECT.withDateOrder(DateOrder.MDY), THIRD);
        assertThat(given.settings().dateOrder()).isEqualTo(DateOrder.MDY);
        assertThat(given.sha256()).isEqualTo(sha256(f));
        FileProbe noDates = FileProbe.whole(f, ReaderSettings.DETECT, FileProbe.DateColumns.NONE);
        assertThat(noDates.settings().dateOrder()).isNull();
        assertThat(noDates.size()).isEqualTo(Files.size(f));
    }

    @Test
    void theHeadAloneIsEnoughForAPreviewAndCarriesNoHash() throws Exception {
        Path f = lateProof("25/12/2024");
        FileProbe p = FileProbe.head(f, ReaderSettings.DETECT);
        assertThat(p.settings().delimiter()).isEqualTo(';');
        assertThat(p.settings().dateOrder()).isNull();
        assertThat(p.sha256()).isNull();
        assertThat(p.size()).isEqualTo(Files.size(f));
    }

    @Test
    void aWorkbookIsHashedByItsBytesAndListsItsSheets() throws Exception {
        FileProbe p = FileProbe.whole(WORKBOOK, ReaderSettings.DETECT, FileProbe.DateColumns.NONE);
        assertThat(p.format()).isEqualTo(FileSniffer.Format.XLSX);
        assertThat(p.sheets()).contains("Marketing spend");
        assertThat(p.sha256()).isEqualTo(sha256(WORKBOOK));
        assertThat(p.settings().headerRow()).isNotNull();
    }

    @Test
    void aMissingFileOrAFolderIsOneSentence() {
        assertThatThrownBy(() -> FileProbe.whole(dir.resolve("nope.csv"), ReaderSettings.DETECT, h -> new int[0]))
                .isInstanceOf(ImportException.class)
                .hasMessageEndingWith("does not exist or is not a file.");
        assertThatThrownBy(() -> FileProbe.head(dir, ReaderSettings.DETECT)).isInstanceOf(ImportException.class);
    }

    @Test
    void aDayMonthDateAfterAnIsoHeadIsStillProvenAndAnIsoFileProvesYmd() throws Exception {
        StringBuilder b = new StringBuilder("id,amount,on\n");
        int i = 0;
        while (b.length() < 2 * FileSniffer.SAMPLE_BYTES) {
            b.append(i++).append(",12.50,2024-03-04\n");
        }
        Path iso = Files.writeString(dir.resolve("iso.csv"), b, StandardCharsets.UTF_8);
        FileProbe isoProbe = FileProbe.whole(iso, ReaderSettings.DETECT, THIRD);
        assertThat(isoProbe.settings().dateOrder()).isEqualTo(DateOrder.YMD);
        assertThat(isoProbe.sha256()).isEqualTo(sha256(iso));
        assertThat(FileProbe.whole(iso, ReaderSettings.DETECT, h -> new int[0])
                        .settings()
                        .dateOrder())
                .isNull();

        Path late = Files.writeString(
                dir.resolve("late-dmy.csv"), b + "x,1.00,25/12/2024\ny,1.00,03/04/2024\n", StandardCharsets.UTF_8);
        FileProbe lateProbe = FileProbe.whole(late, ReaderSettings.DETECT, THIRD);
        assertThat(lateProbe.settings().dateOrder()).isEqualTo(DateOrder.DMY);
        assertThat(lateProbe.sha256()).isEqualTo(sha256(late));
        assertThat(lateProbe.size()).isEqualTo(Files.size(late));

        Path ambiguous =
                Files.writeString(dir.resolve("late-either.csv"), b + "y,1.00,03/04/2024\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FileProbe.whole(ambiguous, ReaderSettings.DETECT, THIRD))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("\"03/04/2024\" could be day/month/year or month/day/year");
    }
}
