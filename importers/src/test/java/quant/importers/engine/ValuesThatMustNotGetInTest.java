package quant.importers.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quant.core.importing.ImportException;
import quant.core.job.JobMonitor;
import quant.core.store.ColumnType;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.core.store.TableColumn;
import quant.importers.check.ValueReader;
import quant.importers.mapping.ColumnMapping;
import quant.importers.mapping.MappingProfile;
import quant.importers.parse.DateOrder;
import quant.importers.parse.NumberParser;
import quant.importers.read.ReaderSettings;

/** Values that must never reach the store: each is a problem of its row, with the row and the reason. */
class ValuesThatMustNotGetInTest {
    @TempDir
    Path dir;

    Store store;

    static final MappingProfile CUSTOMERS = new MappingProfile(
            "customers",
            "customer",
            "test",
            ReaderSettings.DETECT,
            List.of("id"),
            List.of(ColumnMapping.of("name", "name"), ColumnMapping.of("lat", "lat"), ColumnMapping.of("lon", "lon")),
            Map.of());

    static final MappingProfile CAMPAIGNS = new MappingProfile(
            "campaigns",
            "campaign",
            "test",
            new ReaderSettings(null, null, null, null, DateOrder.YMD, null),
            List.of("id"),
            List.of(
                    ColumnMapping.of("name", "name"),
                    ColumnMapping.of("channel", "channel"),
                    ColumnMapping.of("start", "started_on"),
                    ColumnMapping.of("budget", "budget")),
            Map.of());

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ImportException refused(String csv, MappingProfile profile) throws Exception {
        Path file = dir.resolve("in.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Map<DomainTable, Long> before = store.rowCounts();
        ImportException e = (ImportException) org.assertj.core.api.Assertions.catchThrowable(
                () -> new Importer(store).run(file, profile, ImportOptions.DEFAULT, JobMonitor.NONE));
        assertThat(e).as("the import is refused").isNotNull();
        assertThat(store.rowCounts().get(profile.targetTable()))
                .as("nothing written")
                .isEqualTo(before.get(profile.targetTable()));
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an overflowing latitude | 1e309 | 0 | is too large a number",
                "a latitude beyond 90 | 91.5 | 0 | is not a latitude",
                "a longitude beyond 180 | 0 | -181 | is not a longitude",
                "the text Infinity | Infinity | 0 | is not a number",
                "the text NaN | NaN | 0 | is not a number"
            })
    void noNonFiniteNumberOrOutOfRangeCoordinate(String what, String lat, String lon, String reason) throws Exception {
        ImportException e = refused("id,name,lat,lon\n1,Ada," + lat + "," + lon + "\n", CUSTOMERS);
        assertThat(e.kind()).isEqualTo(ImportException.Kind.INVALID_DATA);
        assertThat(e.problems().getFirst().row()).isEqualTo(2);
        assertThat(e.problems().getFirst().reason()).contains(reason);
    }

    @Test
    void aNulOrOtherControlCharacterInTextIsAProblemOfTheRow() throws Exception {
        ImportException nul = refused("id,name,lat,lon\n1,\"Ada\u0000Lovelace\",,\n", CUSTOMERS);
        assertThat(nul.problems().getFirst().reason()).contains("U+0000");
        ImportException bell = refused("id,name,lat,lon\n1,\"Ada\u0007\",,\n", CUSTOMERS);
        assertThat(bell.problems().getFirst().reason()).contains("U+0007");
    }

    @Test
    void tabsAndLineBreaksInQuotedTextAreKept() throws Exception {
        Path file = dir.resolve("ok.csv");
        Files.writeString(file, "id,name,lat,lon\n1,\"Ada\tand\nBob\",,\n", StandardCharsets.UTF_8);
        new Importer(store).run(file, CUSTOMERS, ImportOptions.DEFAULT, JobMonitor.NONE);
        try (var c = store.readConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT name FROM customer")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("Ada\tand\nBob");
        }
    }

    @Test
    void moneyWithMoreDecimalsThanTheColumnKeepsIsAProblemUnlessTheProfileSaysRound() throws Exception {
        String csv = "id,name,channel,start,budget\n1,Spring,radio,2025-03-01,12.345\n2,Fall,radio,2025-09-01,12.5\n";
        ImportException e = refused(csv, CAMPAIGNS);
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().getFirst().row()).isEqualTo(2);
        assertThat(e.problems().getFirst().reason()).contains("more decimals than the column keeps (2)");

        MappingProfile rounding = new MappingProfile(
                CAMPAIGNS.description(),
                CAMPAIGNS.table(),
                CAMPAIGNS.source(),
                CAMPAIGNS.reader(),
                CAMPAIGNS.key(),
                CAMPAIGNS.columns(),
                CAMPAIGNS.referenceSources(),
                CAMPAIGNS.repeatedKeys(),
                CAMPAIGNS.rowsWithoutKey(),
                MappingProfile.ExtraDecimals.ROUND_HALF_EVEN);
        Path file = dir.resolve("round.csv");
        Files.writeString(file, csv.replace("12.345", "12.345\n3,Winter,radio,2025-12-01,12.355"));
        new Importer(store).run(file, rounding, ImportOptions.DEFAULT, JobMonitor.NONE);
        try (var c = store.readConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT budget FROM campaign ORDER BY external_ref")) {
            rs.next();
            assertThat(rs.getBigDecimal(1)).as("12.345 half-even").isEqualByComparingTo("12.34");
            rs.next();
            rs.next();
            assertThat(rs.getBigDecimal(1)).as("12.355 half-even").isEqualByComparingTo("12.36");
        }
    }

    @Test
    void aNumberTooLargeForItsDecimalColumnIsAProblemNotADatabaseError() throws Exception {
        ImportException e = refused("id,name,channel,start,budget\n1,Spring,radio,2025-03-01,1e40\n", CAMPAIGNS);
        assertThat(e.kind()).isEqualTo(ImportException.Kind.INVALID_DATA);
        assertThat(e.problems().getFirst().reason()).contains("too large for the column");
    }

    @Test
    void aTimestampBeyondTheSupportedRangeIsAProblemNotAnException() {
        ValueReader reader = new ValueReader(NumberParser.DecimalMark.DOT, DateOrder.YMD, java.time.ZoneOffset.UTC);
        ValueReader.Read r = reader.read(
                "+999999999-12-31T23:59:59-18:00",
                new TableColumn("requested_at", ColumnType.TIMESTAMP, 0, 0, false, null, List.of()));
        assertThat(r.problem()).isNotNull();
        assertThat(reader.read(
                                "99999-01-01",
                                new TableColumn("started_on", ColumnType.DATE, 0, 0, false, null, List.of()))
                        .problem())
                .isNotNull();
    }

    @Test
    void aHeaderNamingAColumnTwiceIsRefusedUnlessTheMappingSaysWhichOne() throws Exception {
        Path file = dir.resolve("twice.csv");
        Files.writeString(file, "id,name,lat,lat\n1,Ada,10,20\n");
        assertThatThrownBy(() -> new Importer(store).run(file, CUSTOMERS, ImportOptions.DEFAULT, JobMonitor.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("2 columns named \"lat\" (columns 3 and 4)");
        assertThat(store.rowCounts().get(DomainTable.CUSTOMER)).isZero();

        MappingProfile second = new MappingProfile(
                "customers",
                "customer",
                "test",
                ReaderSettings.DETECT,
                List.of("id"),
                List.of(ColumnMapping.of("name", "name"), ColumnMapping.of("lat [2]", "lat")),
                Map.of());
        new Importer(store).run(file, second, ImportOptions.DEFAULT, JobMonitor.NONE);
        try (var c = store.readConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT lat FROM customer")) {
            rs.next();
            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo(BigDecimal.valueOf(20));
        }
    }
}
