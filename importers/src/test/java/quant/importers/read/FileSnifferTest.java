package quant.importers.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.importers.parse.NumberParser.DecimalMark;

class FileSnifferTest {
    @TempDir
    Path dir;

    private ReaderSettings sniff(String text) throws Exception {
        Path f = dir.resolve("f.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return FileSniffer.sniffText(f);
    }

    @Test
    void aPlainFileHasItsHeaderOnTheFirstLine() throws Exception {
        ReaderSettings s = sniff("id,name,amount\n1,A,2.50\n2,B,3.00\n");
        assertThat(s.headerRow()).isEqualTo(1);
        assertThat(s.delimiter()).isEqualTo(',');
    }

    @Test
    void aReportsTitleBlockIsSkippedAndDoesNotDecideTheDelimiter() throws Exception {
        ReaderSettings s = sniff("\"Acme Co\"\n\"Invoice List\"\n\"All Dates\"\n\n"
                + "\"Date\";\"Num\";\"Customer\";\"Amount\"\n"
                + "\"01/02/2024\";\"1\";\"A\";\"12,50\"\n"
                + "\"01/03/2024\";\"2\";\"B\";\"7,00\"\n"
                + "\n\"Printed Monday\"\n");
        assertThat(s.delimiter()).isEqualTo(';');
        // Blank lines are not rows: the header is the fourth non-blank line.
        assertThat(s.headerRow()).isEqualTo(4);
        assertThat(s.decimalMark()).isEqualTo(DecimalMark.COMMA);
    }

    @Test
    void titleLinesPaddedWithDelimitersCountOnlyTheirFilledFields() {
        List<String> lines = List.of("Acme Co,,,", "Sales,,,", "a,b,c,d", "1,2,3,4");
        assertThat(FileSniffer.headerRow(lines, ',')).isEqualTo(3);
        assertThat(FileSniffer.nonEmptyFields("\"x\", ,\"\",y", ',')).isEqualTo(2);
    }

    @Test
    void theReaderStartsAtTheDetectedHeader() throws Exception {
        Path f = dir.resolve("report.csv");
        Files.writeString(f, "Acme Co\nCustomer Contact List\n\nCustomer,Email\nA,a@example.com\n");
        ReaderSettings s = TableReaders.resolve(f, ReaderSettings.DETECT);
        try (TableReader r = TableReaders.open(f, s)) {
            assertThat(r.header()).containsExactly("Customer", "Email");
            assertThat(r.next().cells()).containsExactly("A", "a@example.com");
        }
    }
}
